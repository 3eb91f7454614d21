import { describe, expect, it } from "vitest";
import type { KnownBlock } from "../../src/slack/blocks/block-types.ts";
import { summaryMessage } from "../../src/slack/blocks/summary-blocks.ts";
import type { Summary, TopicSummary } from "../../src/summary/summary-types.ts";

function topic(i: number, overrides: Partial<TopicSummary> = {}): TopicSummary {
  return {
    topicId: `topic-${i}`,
    title: `Topic number ${i}`,
    headline: {
      claimId: `claim-${i}`,
      figureText: `${i},000`,
      dateText: "10 Jun 2025",
      ageText: "2 days ago",
      ageDays: 2,
      sourceName: "Source A",
      outlet: "Fixture Daily",
      unattributed: false,
    },
    change: { kind: "unchanged" },
    disagreeing: 0,
    spread: null,
    stale: false,
    ...overrides,
  };
}

function summary(overrides: Partial<Summary> = {}): Summary {
  return {
    day: "2025-06-12",
    dateText: "Thu 12 Jun 2025",
    timeZone: "Europe/London",
    previousAt: "2025-06-11T08:00:00.000Z",
    previousText: "Wed 11 Jun 2025, 09:00",
    choice: "key",
    topics: [topic(1)],
    unknownTopicIds: [],
    topicsWithoutFigures: [],
    newClaims: [],
    stale: [],
    staleDays: 90,
    flaggedSinceLast: 0,
    dueForReview: [],
    ...overrides,
  };
}

const textsOf = (blocks: KnownBlock[]): string[] =>
  blocks.flatMap((b) => {
    if (b.type === "section") return b.text ? [b.text.text] : [];
    if (b.type === "context") return b.elements.map((e) => ("text" in e ? e.text : ""));
    if (b.type === "header") return [b.text.text];
    return [];
  });

function expectWithinLimits(blocks: KnownBlock[]) {
  expect(blocks.length).toBeLessThanOrEqual(50);
  for (const b of blocks) {
    if (b.type === "header") expect(b.text.text.length).toBeLessThanOrEqual(150);
    if (b.type === "section") expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    if (b.type === "context")
      for (const e of b.elements) expect("text" in e ? e.text.length : 0).toBeLessThanOrEqual(3000);
  }
}

describe("summaryMessage", () => {
  it("opens with the date, says what changes are measured against, and lists each topic's headline", () => {
    const message = summaryMessage(summary());
    expect(message.blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Key figures · Thu 12 Jun 2025", emoji: true },
    });
    const all = textsOf(message.blocks).join("\n");
    expect(all).toContain("since the last summary here, Wed 11 Jun 2025, 09:00");
    expect(all).toContain("*1,000* · 10 Jun 2025 · Source A, via Fixture Daily");
    expect(all).toContain("No change since the last summary");
    expect(message.text).toBe("Key figures, Thu 12 Jun 2025: Topic number 1: 1,000 (Source A, 10 Jun 2025)");
  });

  it("shows a change with the previous figure and how much it moved, and the disagreement spread", () => {
    const changed = topic(2, {
      change: {
        kind: "changed",
        figure: { previousText: "400", differenceText: "200 higher (+50%)" },
        source: { previousName: "Source B" },
        previousDateText: null,
      },
      disagreeing: 2,
      spread: { lowText: "300", highText: "500" },
    });
    const all = textsOf(summaryMessage(summary({ topics: [changed] })).blocks).join("\n");
    expect(all).toContain("*New figure*: was 400, now 200 higher (+50%).");
    expect(all).toContain("*New source*: the last summary had Source B.");
    expect(all).toContain("2 other sources disagree: from 300 to 500.");
  });

  it("escapes &, < and > from the data, so no <!channel> reaches Slack", () => {
    const hostile = topic(3, {
      title: "Drones <!channel> & more",
      headline: { ...topic(3).headline, sourceName: "<@U123>" },
    });
    const message = summaryMessage(summary({ topics: [hostile], unknownTopicIds: ["<!here>"] }));
    const all = [...textsOf(message.blocks), message.text].join("\n");
    expect(all).not.toContain("<!channel>");
    expect(all).not.toContain("<!here>");
    expect(all).not.toContain("<@U123>");
    expect(all).toContain("Drones &lt;!channel&gt; &amp; more");
  });

  it("lists claims new since the last summary, the newly stale figures, and counts the flags", () => {
    const newClaims = Array.from({ length: 14 }, (_, i) => ({
      topicId: `topic-${i}`,
      topicTitle: `Topic number ${i}`,
      figure: topic(i).headline,
    }));
    const stale = [
      {
        topicId: "topic-1",
        title: "Topic number 1",
        figure: { ...topic(1).headline, ageText: "5 months ago" },
        newlyStale: true,
      },
      { topicId: "topic-2", title: "Topic number 2", figure: topic(2).headline, newlyStale: false },
    ];
    const all = textsOf(summaryMessage(summary({ newClaims, stale, flaggedSinceLast: 3 })).blocks).join("\n");
    expect(all).toContain("*New in the index since the last summary* (14)");
    expect(all).toContain("…and 4 more.");
    expect(all).toContain(
      "*Gone stale* (headline older than 90 days)\n• Topic number 1: *1,000*, 10 Jun 2025 (5 months ago)",
    );
    expect(all).toContain("1 of 1 headline figure here is older than 90 days.");
    expect(all).toContain("3 unsourced figures flagged in this channel since the last summary.");
  });

  it("says it is the first summary when there is no previous one", () => {
    const all = textsOf(
      summaryMessage(
        summary({
          previousAt: null,
          previousText: null,
          topics: [topic(1, { change: { kind: "first-summary" } })],
        }),
      ).blocks,
    ).join("\n");
    expect(all).toContain("The first summary here");
    expect(all).toContain("in the last day");
  });

  it("stays inside Block Kit's limits with many long topics, counting those that do not fit", () => {
    const long = "x".repeat(900);
    const topics = Array.from({ length: 200 }, (_, i) => topic(i, { title: `${long} ${i}` }));
    const message = summaryMessage(
      summary({ topics, unknownTopicIds: Array.from({ length: 500 }, (_, i) => `gone-${i}`) }),
    );
    expectWithinLimits(message.blocks);
    const all = textsOf(message.blocks).join("\n");
    expect(all).toMatch(/…and \d+ more topics that do not fit/);
    expect(message.text.length).toBeLessThanOrEqual(3000);
  });

  it("puts several topics in a section when there are more topics than blocks, without losing any", () => {
    const topics = Array.from({ length: 60 }, (_, i) => topic(i));
    const message = summaryMessage(summary({ topics }));
    expectWithinLimits(message.blocks);
    const all = textsOf(message.blocks).join("\n");
    for (let i = 0; i < 60; i += 1) expect(all).toContain(`*Topic number ${i}*`);
  });
});

describe("topics due for the desk's review", () => {
  it("names them in the summary, with how long since each was checked", () => {
    const { blocks } = summaryMessage(
      summary({
        dueForReview: [{ topicId: "t1", title: "Homes <destroyed>", daysSince: 45, reviewDays: 30 }],
      }),
    );
    const text = textsOf(blocks).join("\n");
    expect(text).toContain("Due for the desk's review: Homes &lt;destroyed&gt; (checked 45 days ago)");
  });

  it("says nothing of review when no topic is due", () => {
    const { blocks } = summaryMessage(summary());
    expect(textsOf(blocks).join("\n")).not.toContain("review");
  });
});
