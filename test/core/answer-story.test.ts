/** The answer through the real core, on an invented story (test/support/fixture-story.ts), not on data/. */
import { describe, expect, it } from "vitest";
import { fixtureStoryCore } from "../support/fixture-story.ts";

const core = fixtureStoryCore();

describe("a named source with no figure on the topic", () => {
  it("heads with the latest figure and keeps the named source as asked, not as the headline's", () => {
    const m = core.ask("riverton flood deaths according to river watch").match;
    expect(m?.requested?.source?.id).toBe("river-watch");
    expect(m?.headlineReason).toBe("latest");
    expect(m?.headline.source.id).toBe("regional-government");
  });
  it("heads with the named source's figure when it has one", () => {
    const m = core.ask("riverton homes destroyed according to river watch").match;
    expect(m?.headlineReason).toBe("named-source");
    expect(m?.headline.source.id).toBe("river-watch");
    expect(m?.requested?.source?.id).toBe("river-watch");
  });
});

describe("a named date before the topic's first figure", () => {
  it("abstains, says why, and offers the earliest figure", () => {
    const a = core.ask("riverton flood deaths on 1 March 2025");
    expect(a.match).toBeNull();
    expect(a.reason?.code).toBe("before-first-figure");
    expect(a.reason?.asked).toBe("2025-03-01");
    expect(a.reason?.topic.id).toBe("flood-deaths");
    expect(a.reason?.earliest.claim.id).toBe("fd-gov-early");
    expect(a.reason?.earliest.figure.text).toBe("1,200");
    // The topic itself is offered as its earliest figure, not again as a "did you mean".
    expect(a.suggestions.map((s) => s.topic.id)).not.toContain("flood-deaths");
  });
  it("gives no reason when the question simply matches nothing, or when it is answered", () => {
    const a = core.ask("what time is standup");
    expect(a.match).toBeNull();
    expect(a.reason).toBeUndefined();
    expect(core.ask("riverton flood deaths on 25 March 2025").reason).toBeUndefined();
  });
  it("answers the earliest figure when asked for the topic as of its date", () => {
    const m = core.answerTopic("flood-deaths", { asOf: "2025-03-10" })?.match;
    expect(m?.headline.claim.id).toBe("fd-gov-early");
    expect(m?.disagreements).toEqual([]);
  });
});

describe("agreement: figures whose qualifiers make them consistent agree", () => {
  it.each([
    ["riverton flood deaths", "1,970", "nearly 2,000", "2,400"],
    ["riverton homes destroyed", "10,000–12,000 homes", "up to 12,000 homes", "15,000 homes"],
    ["riverton people affected", "1.05 million", "over 1 million", null],
    ["riverton flood rescues", "650", "at least 500", null],
  ])("%s: %s and %s agree", (q, headline, agreeing, disagreeing) => {
    const m = core.ask(q).match;
    expect(m?.headline.figure.text).toBe(headline);
    expect(m?.agreements.map((a) => a.figure.text)).toEqual([agreeing]);
    expect(m?.disagreements.map((d) => d.figure.text)).toEqual(disagreeing ? [disagreeing] : []);
  });
});

describe("ages against the clock", () => {
  it("says a figure dated after the clock is dated after it, never 'today'", () => {
    const early = fixtureStoryCore(new Date("2024-12-01T12:00:00Z"));
    const h = early.ask("riverton flood deaths").match?.headline;
    expect(h?.ageText).toBe("dated 3 months after the reference date");
    expect(h?.ageDays).toBe(0);
  });
});
