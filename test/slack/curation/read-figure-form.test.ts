import { describe, expect, it } from "vitest";
import { buildClaimsIndex } from "../../../src/claims/claims-index.ts";
import { SourceSchema, TopicSchema } from "../../../src/claims/schema.ts";
import { buildProposal } from "../../../src/curation/build-proposal.ts";
import type { FigureInputResult } from "../../../src/curation/figure-input.ts";
import { parseFigureInput } from "../../../src/curation/parse-figure-input.ts";
import { confirmFigureView, readConfirmedForm } from "../../../src/slack/curation/confirm-figure-view.ts";
import { FIGURE_ACTION, FIGURE_BLOCK } from "../../../src/slack/curation/figure-form-ids.ts";
import { proposalErrorsByBlock, readFigureForm } from "../../../src/slack/curation/read-figure-form.ts";

const index = buildClaimsIndex(
  [
    TopicSchema.parse({
      id: "flood-displaced",
      title: "People displaced by the Riverland floods",
      subject: "Riverland",
      measure: "people displaced",
      period: "cumulative since 1 Mar 2025",
      unit: "people",
      aliases: ["flood displaced"],
    }),
  ],
  [SourceSchema.parse({ id: "riverland-emergency-agency", name: "Riverland Emergency Agency" })],
  [],
  [],
);

/** A parser that knows two figures, so these tests do not depend on the real one. */
const stubParse = (text: string): FigureInputResult =>
  text === "over 15,000"
    ? { ok: true, reading: { value: 15000, qualifier: "over", unit: null } }
    : text === "10,000 to 12,000"
      ? { ok: true, reading: { low: 10000, high: 12000, unit: null } }
      : { ok: false, message: `"${text}" has no number: write one number or a range` };

type State = Record<string, Record<string, Record<string, unknown>>>;
const text = (type: string, value: string | null) => ({ type, value });
const option = (value: string | null) => ({
  type: "external_select",
  selected_option: value === null ? null : { text: { type: "plain_text", text: value, emoji: true }, value },
});
const date = (value: string | null) => ({ type: "datepicker", selected_date: value });

/** view.state.values as Slack sends them in a view_submission, with an existing topic and source picked. */
function submission(over: Partial<Record<keyof typeof FIGURE_BLOCK, Record<string, unknown>>> = {}): State {
  const fields: Record<string, Record<string, unknown>> = {
    topic: option("flood-displaced"),
    subject: text("plain_text_input", null),
    measure: text("plain_text_input", null),
    period: text("plain_text_input", null),
    unit: text("plain_text_input", null),
    place: text("plain_text_input", null),
    figure: text("plain_text_input", "over 15,000"),
    asOf: date("2025-03-06"),
    source: option("riverland-emergency-agency"),
    newSource: text("plain_text_input", null),
    url: text("url_text_input", "https://valley.example/floods"),
    outlet: text("plain_text_input", "The Valley Daily"),
    headline: text("plain_text_input", "Floods displace thousands"),
    published: date("2025-03-07"),
    quote: text("plain_text_input", "  Over 15,000 people have now left their homes.  "),
    ...over,
  };
  const state: State = {};
  for (const [field, value] of Object.entries(fields)) {
    const ids = field as keyof typeof FIGURE_ACTION;
    state[FIGURE_BLOCK[ids]] = { [FIGURE_ACTION[ids]]: value };
  }
  return state;
}

describe("readFigureForm", () => {
  it("reads a realistic view_submission into a form, trimmed", () => {
    expect(readFigureForm(submission(), index, stubParse)).toEqual({
      ok: true,
      form: {
        topic: { id: "flood-displaced" },
        figureText: "over 15,000",
        reading: { value: 15000, qualifier: "over", unit: null },
        asOf: "2025-03-06",
        source: { id: "riverland-emergency-agency" },
        document: {
          new: {
            url: "https://valley.example/floods",
            outlet: "The Valley Daily",
            headline: "Floods displace thousands",
            published: "2025-03-07",
          },
        },
        quote: "Over 15,000 people have now left their homes.",
      },
    });
  });

  it("reads a new quantity and a new source", () => {
    const result = readFigureForm(
      submission({
        topic: option(null),
        subject: text("plain_text_input", "Riverland"),
        measure: text("plain_text_input", "homes destroyed"),
        period: text("plain_text_input", "cumulative since 1 Mar 2025"),
        unit: text("plain_text_input", "homes"),
        source: option(null),
        newSource: text("plain_text_input", "Valley Relief Network"),
        figure: text("plain_text_input", "10,000 to 12,000"),
      }),
      index,
      stubParse,
    );
    expect(result.ok && result.form.topic).toEqual({
      new: {
        subject: "Riverland",
        measure: "homes destroyed",
        period: "cumulative since 1 Mar 2025",
        unit: "homes",
      },
    });
    expect(result.ok && result.form.source).toEqual({ new: { name: "Valley Relief Network" } });
    expect(result.ok && result.form.reading).toEqual({ low: 10000, high: 12000, unit: null });
  });

  it("reads the figure with the real parser too", () => {
    const result = readFigureForm(
      submission({ figure: text("plain_text_input", "€2.4m") }),
      index,
      parseFigureInput,
    );
    expect(result.ok && result.form.reading).toMatchObject({ value: 2_400_000, unit: "eur" });
  });

  it.each([
    [
      "no topic and no new quantity",
      { topic: option(null) },
      FIGURE_BLOCK.topic,
      "Pick a topic, or fill in subject, measure, period and unit of a new one",
    ],
    [
      "a topic and a new quantity",
      { subject: text("plain_text_input", "Riverland") },
      FIGURE_BLOCK.topic,
      "Pick a topic or describe a new one, not both",
    ],
    [
      "a topic no longer in the index",
      { topic: option("gone") },
      FIGURE_BLOCK.topic,
      "That topic is no longer in the index; pick another",
    ],
    [
      "no figure",
      { figure: text("plain_text_input", "   ") },
      FIGURE_BLOCK.figure,
      "Give the figure as written",
    ],
    [
      "a figure with no number",
      { figure: text("plain_text_input", "lots") },
      FIGURE_BLOCK.figure,
      `"lots" has no number: write one number or a range`,
    ],
    ["no as-of date", { asOf: date(null) }, FIGURE_BLOCK.asOf, "Give the as-of date"],
    ["no source", { source: option(null) }, FIGURE_BLOCK.source, "Pick a source or name a new one"],
    [
      "a source picked and named",
      { newSource: text("plain_text_input", "X Agency") },
      FIGURE_BLOCK.source,
      "Pick a source or name a new one, not both",
    ],
    [
      "no link",
      { url: text("url_text_input", null) },
      FIGURE_BLOCK.url,
      "Give the document's link (https://…)",
    ],
    [
      "a link that is not a URL",
      { url: text("url_text_input", "valley dot example") },
      FIGURE_BLOCK.url,
      "The link must be a full URL (https://…)",
    ],
    ["no outlet", { outlet: text("plain_text_input", "") }, FIGURE_BLOCK.outlet, "Give the outlet"],
    ["no headline", { headline: text("plain_text_input", null) }, FIGURE_BLOCK.headline, "Give the headline"],
    ["no published date", { published: date(null) }, FIGURE_BLOCK.published, "Give the published date"],
    [
      "a quote too short",
      { quote: text("plain_text_input", "15,000") },
      FIGURE_BLOCK.quote,
      "The quote must be 8 to 400 characters",
    ],
    [
      "a quote too long",
      { quote: text("plain_text_input", "x".repeat(401)) },
      FIGURE_BLOCK.quote,
      "The quote must be 8 to 400 characters",
    ],
    [
      "a headline over the cap",
      { headline: text("plain_text_input", "h".repeat(151)) },
      FIGURE_BLOCK.headline,
      "At most 150 characters",
    ],
  ])("reports %s on its own field", (_what, over, block, message) => {
    expect(readFigureForm(submission(over), index, stubParse)).toEqual({
      ok: false,
      errors: { [block]: message },
    });
  });

  it("puts the error of a half-described quantity on each missing field", () => {
    const result = readFigureForm(
      submission({
        topic: option(null),
        subject: text("plain_text_input", "Riverland"),
        unit: text("plain_text_input", "homes"),
      }),
      index,
      stubParse,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        [FIGURE_BLOCK.measure]: "A new quantity needs this too",
        [FIGURE_BLOCK.period]: "A new quantity needs this too",
      },
    });
  });

  it("turns malformed payloads into field errors, never a crash", () => {
    for (const values of [undefined, null, 42, "values", [], {}]) {
      const result = readFigureForm(values, index, stubParse);
      expect(result.ok).toBe(false);
      expect(Object.keys(result.ok ? {} : result.errors)).toEqual(
        expect.arrayContaining([
          FIGURE_BLOCK.topic,
          FIGURE_BLOCK.figure,
          FIGURE_BLOCK.asOf,
          FIGURE_BLOCK.quote,
        ]),
      );
    }
    const wrongTypes = submission({
      figure: { type: "plain_text_input", value: 15000 },
      asOf: { type: "datepicker", selected_date: ["2025-03-06"] },
      source: { type: "external_select", selected_option: "riverland-emergency-agency" },
    });
    wrongTypes[FIGURE_BLOCK.quote] = "not a block" as unknown as Record<string, Record<string, unknown>>;
    const result = readFigureForm(wrongTypes, index, stubParse);
    const unreadable = "Tally could not read this field; fill it in again";
    expect(result).toEqual({
      ok: false,
      errors: {
        [FIGURE_BLOCK.figure]: unreadable,
        [FIGURE_BLOCK.asOf]: unreadable,
        [FIGURE_BLOCK.source]: unreadable,
        [FIGURE_BLOCK.quote]: unreadable,
      },
    });
  });

  it("reads a form that goes through the check-before-sending view into a proposal", () => {
    const read = readFigureForm(submission(), index, stubParse);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const confirmed = readConfirmedForm(
      confirmFigureView(read.form, index, { callbackId: "c" }).private_metadata,
    );
    if (!confirmed.ok) throw new Error(confirmed.error);
    const meta = {
      id: "p-1",
      proposedBy: "U1",
      now: new Date("2025-03-08T00:00:00Z"),
      origin: null,
      corrects: null,
      answers: null,
    };
    const built = buildProposal(confirmed.form, index, meta);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    expect(built.proposal.entries.documents.map((d) => d.url)).toEqual(["https://valley.example/floods"]);
    expect(built.proposal.entries.claims.map((c) => [c.topic, c.source, c.value, c.qualifier])).toEqual([
      ["flood-displaced", "riverland-emergency-agency", 15000, "over"],
    ]);
  });

  it("places buildProposal's field errors under the modal's blocks", () => {
    expect(proposalErrorsByBlock({ figure: "reads as euros", document: "The document's url: bad" })).toEqual({
      [FIGURE_BLOCK.figure]: "reads as euros",
      [FIGURE_BLOCK.url]: "The document's url: bad",
    });
  });
});
