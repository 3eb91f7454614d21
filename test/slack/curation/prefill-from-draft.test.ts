import { describe, expect, it } from "vitest";
import { buildClaimsIndex } from "../../../src/claims/claims-index.ts";
import { SourceSchema, TopicSchema } from "../../../src/claims/schema.ts";
import type { DraftClaim } from "../../../src/curation/figure-input.ts";
import { addFigureView } from "../../../src/slack/curation/add-figure-view.ts";
import { prefillFromMessage } from "../../../src/slack/curation/prefill-from-draft.ts";

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
  [],
  [],
);

const draft: DraftClaim = {
  figureText: "over 15,000",
  reading: { value: 15000, qualifier: "over", unit: null },
  sentence: "Over 15,000 people have been displaced, the agency said.",
  source: { id: "rea" },
  asOf: "2025-03-06",
  topic: { id: "flood-displaced", confidence: 0.8 },
};

const message = {
  text: "*Update*: Over 15,000 people have been displaced, the agency said. <https://www.valley.example/floods|story>",
  permalink: "https://team.slack.com/archives/C1/p1741262400000100",
  links: ["https://www.valley.example/floods"],
  channelName: "newsroom",
  postedAt: new Date("2025-03-07T09:30:00Z"),
  draft,
  index,
};

describe("prefillFromMessage", () => {
  it("takes figure, source, date and topic from the draft, and the message's link as the document", () => {
    expect(prefillFromMessage(message)).toEqual({
      note: "Prefilled from a message in #newsroom: check every field.",
      figureText: "over 15,000",
      asOf: "2025-03-06",
      topic: { id: "flood-displaced", title: "People displaced by the Riverland floods" },
      source: { id: "rea", name: "Riverland Emergency Agency" },
      document: {
        url: "https://www.valley.example/floods",
        outlet: "valley.example",
        headline: "Update: Over 15,000 people have been displaced, the agency said.",
        published: "2025-03-07",
      },
      quote: "Over 15,000 people have been displaced, the agency said.",
    });
  });

  it("falls back to the permalink, the channel as outlet, and the message text as quote", () => {
    const text = `${"A long first line about the floods ".repeat(8)}\nsecond line`;
    const prefill = prefillFromMessage({ ...message, text, links: [], draft: null });
    expect(prefill.document).toMatchObject({ url: message.permalink, outlet: "Slack #newsroom" });
    expect(prefill.document?.headline?.length).toBeLessThanOrEqual(150);
    expect(prefill.document?.headline?.endsWith("…")).toBe(true);
    expect(prefill.quote).toBe(text.replace(/\s+/g, " ").trim());
    expect(prefill.figureText).toBeUndefined();
    expect(prefill.topic).toBeUndefined();
  });

  it("trims a long message to a 400-character quote", () => {
    const prefill = prefillFromMessage({ ...message, text: "word ".repeat(200), draft: null });
    expect(prefill.quote?.length).toBeLessThanOrEqual(400);
  });

  it("proposes a new quantity and a new source as the draft names them", () => {
    const prefill = prefillFromMessage({
      ...message,
      draft: {
        ...draft,
        source: { name: "Valley Relief Network" },
        asOf: "2025-03",
        topic: { proposed: { subject: null, measure: "homes destroyed", unit: "homes", thing: "homes" } },
      },
    });
    expect(prefill.newTopic).toEqual({ measure: "homes destroyed", unit: "homes" });
    expect(prefill.newSourceName).toBe("Valley Relief Network");
    expect(prefill.asOf).toBe("2025-03");
    expect(prefill.topic).toBeUndefined();
  });

  it("drops a topic or source id the index no longer has", () => {
    const prefill = prefillFromMessage({
      ...message,
      draft: { ...draft, source: { id: "gone" }, topic: { id: "gone", confidence: 0.5 } },
    });
    expect(prefill.source).toBeUndefined();
    expect(prefill.topic).toBeUndefined();
  });

  it("opens a view from any message, however it is written", () => {
    const prefill = prefillFromMessage({
      ...message,
      text: "<https://x.example>",
      links: ["not a url"],
      draft: null,
    });
    expect(prefill.document).toMatchObject({ url: message.permalink, headline: "Message in #newsroom" });
    expect(() =>
      addFigureView(prefill, { callbackId: "c", privateMetadata: "", title: "t", submit: "s" }),
    ).not.toThrow();
  });
});
