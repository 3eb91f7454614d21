import { describe, expect, it } from "vitest";
import { buildClaimsIndex } from "../../../src/claims/claims-index.ts";
import { DocumentSchema, SourceSchema, TopicSchema } from "../../../src/claims/schema.ts";
import type { FigureForm } from "../../../src/curation/figure-form.ts";
import {
  CARRY_MAX,
  confirmFigureView,
  readConfirmedForm,
} from "../../../src/slack/curation/confirm-figure-view.ts";
import { allText } from "../../support/slack-message.ts";

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
  [SourceSchema.parse({ id: "rea", name: "Riverland Emergency Agency" })],
  [
    DocumentSchema.parse({
      id: "valley-daily",
      outlet: "The Valley Daily",
      headline: "Floods displace thousands",
      published: "2025-03-04",
      url: "https://valley.example/floods",
    }),
  ],
  [],
);

const known: FigureForm = {
  topic: { id: "flood-displaced" },
  figureText: "over 15,000",
  reading: { value: 15000, qualifier: "over", unit: null },
  asOf: "2025-03-06",
  source: { id: "rea" },
  document: { id: "valley-daily" },
  quote: "Over 15,000 people have now left their homes.",
};

const fresh: FigureForm = {
  topic: {
    new: { subject: "Riverland", measure: "relief spending", period: "since 1 Mar 2025", unit: "eur" },
  },
  figureText: "€2.4m",
  reading: { value: 2.4e6, unit: "eur" },
  asOf: "2025-03-06",
  source: { new: { name: "Valley <Relief> & Network" } },
  document: {
    new: {
      url: "https://news.example/a",
      outlet: "News Example",
      headline: "Aid flows",
      published: "2025-03-07",
    },
  },
  quote: "Relief spending has reached €2.4m, the network said.",
};

const textOf = (form: FigureForm) =>
  allText(confirmFigureView(form, index, { callbackId: "confirm" }) as unknown as Record<string, unknown>);

describe("confirmFigureView", () => {
  it("shows every field as Tally read it, named from the index", () => {
    const view = confirmFigureView(known, index, { callbackId: "tally_confirm_figure" });
    expect(view.title.text).toBe("Check before sending");
    expect(view.submit?.text).toBe("Send to the desk");
    expect(view.callback_id).toBe("tally_confirm_figure");
    const text = textOf(known);
    expect(text).toContain("*over 15,000* (as typed: “over 15,000”)");
    expect(text).toContain("6 Mar 2025");
    expect(text).toContain("People displaced by the Riverland floods");
    expect(text).toContain("Riverland Emergency Agency");
    expect(text).toContain("Floods displace thousands — The Valley Daily, 4 Mar 2025");
    expect(text).toContain("“Over 15,000 people have now left their homes.”");
  });

  it("marks new entries as new, with the new topic's title, and escapes what people typed", () => {
    const text = textOf(fresh);
    expect(text).toContain("*€2.4 million*");
    expect(text).toContain("new: Relief spending (Riverland), since 1 Mar 2025");
    expect(text).toContain("new: Valley &lt;Relief&gt; &amp; Network");
    expect(text).toContain("new: Aid flows — News Example, 7 Mar 2025\nhttps://news.example/a");
    expect(text).not.toContain("<Relief>");
  });

  it("carries the form in private_metadata and reads it back, with what the caller carried", () => {
    const view = confirmFigureView(fresh, index, { callbackId: "c", carry: '{"origin":"C1"}' });
    expect(readConfirmedForm(view.private_metadata)).toEqual({
      ok: true,
      form: fresh,
      carry: '{"origin":"C1"}',
    });
  });

  it("refuses to carry more than Slack's 3,000 characters", () => {
    expect(() => confirmFigureView(known, index, { callbackId: "c", carry: "x".repeat(3000) })).toThrow(
      /private_metadata would be/,
    );
    expect(CARRY_MAX).toBeGreaterThan(400);
  });
});

describe("readConfirmedForm", () => {
  it.each([
    [undefined, "private_metadata is not a string"],
    ["{not json", "private_metadata is not JSON"],
    ['{"form":{}}', "private_metadata form.topic"],
    [
      JSON.stringify({ form: { ...known, quote: "short" } }),
      "private_metadata form.quote: must be 8 to 400 characters",
    ],
  ])("says what is wrong with %s", (metadata, error) => {
    const result = readConfirmedForm(metadata);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.error).toContain(error);
  });
});
