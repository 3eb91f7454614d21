import { describe, expect, it } from "vitest";
import { type ComposeSummaryInput, composeSummary } from "../../src/summary/compose-summary.ts";
import type { SummarySnapshot } from "../../src/summary/summary-snapshot.ts";
import { type FixtureClaim, fixtureCore } from "./fixture-core.ts";

const now = new Date("2025-06-12T08:00:00.000Z");
const base: FixtureClaim[] = [
  { id: "a-drones-1", topic: "drones-launched", value: 400, as_of: "2025-06-10", source: "src-a" },
  { id: "b-drones-1", topic: "drones-launched", value: 500, as_of: "2025-06-01", source: "src-b" },
  { id: "c-drones-1", topic: "drones-launched", low: 300, high: 350, as_of: "2025-05-20", source: "src-c" },
  { id: "a-tanks-1", topic: "tanks-destroyed", value: 3000, as_of: "2025-01-15", source: "src-a" },
  { id: "a-front-1", topic: "front-length", value: 1000, as_of: "2025-06-01", source: "src-a" },
];

function input(overrides: Partial<ComposeSummaryInput> & { claims?: FixtureClaim[]; noKey?: boolean } = {}) {
  const { claims = base, noKey, ...rest } = overrides;
  return {
    core: fixtureCore(claims, () => rest.now ?? now, { noKey: noKey ?? false }),
    watchedTopicIds: [],
    previous: null,
    flaggedSinceLast: 0,
    now,
    timeZone: "Europe/London",
    staleDays: 90,
    ...rest,
  } satisfies ComposeSummaryInput;
}

describe("composeSummary", () => {
  it("covers the key topics when the channel watches none, with headline, date and source", () => {
    const { summary } = composeSummary(input());
    expect(summary.choice).toBe("key");
    expect(summary.day).toBe("2025-06-12");
    expect(summary.dateText).toBe("Thu 12 Jun 2025");
    expect(summary.topics.map((t) => t.topicId)).toEqual(["drones-launched", "tanks-destroyed"]);
    const drones = summary.topics[0];
    expect(drones?.headline).toMatchObject({
      figureText: "400 drones",
      dateText: "10 Jun 2025",
      sourceName: "Source A",
    });
    expect(drones?.change).toEqual({ kind: "first-summary" });
  });

  it("counts the sources that disagree and gives the spread across all of them, range ends included", () => {
    const { summary } = composeSummary(input());
    expect(summary.topics[0]?.disagreeing).toBe(2);
    expect(summary.topics[0]?.spread).toEqual({ lowText: "300 drones", highText: "500 drones" });
    expect(summary.topics[1]?.disagreeing).toBe(0);
    expect(summary.topics[1]?.spread).toBeNull();
  });

  it("covers the watched topics, in the order watched, and names watched ids the index lost", () => {
    const { summary } = composeSummary(
      input({ watchedTopicIds: ["front-length", "gone-topic", "drones-launched"] }),
    );
    expect(summary.choice).toBe("watched");
    expect(summary.topics.map((t) => t.topicId)).toEqual(["front-length", "drones-launched"]);
    expect(summary.unknownTopicIds).toEqual(["gone-topic"]);
  });

  it("falls back to every topic when none is key", () => {
    const { summary } = composeSummary(input({ noKey: true }));
    expect(summary.choice).toBe("all");
    expect(summary.topics).toHaveLength(3);
  });

  it("marks headlines older than the stale limit, without calling them newly stale on a first summary", () => {
    const { summary } = composeSummary(input());
    expect(summary.topics.find((t) => t.topicId === "tanks-destroyed")?.stale).toBe(true);
    expect(summary.topics.find((t) => t.topicId === "drones-launched")?.stale).toBe(false);
    expect(summary.stale.map((s) => [s.topicId, s.newlyStale])).toEqual([["tanks-destroyed", false]]);
  });

  it("says a stale figure is newly stale only when it crossed the limit since the previous summary", () => {
    const first = composeSummary(input());
    const dayBefore = { at: new Date("2025-06-11T08:00:00.000Z"), snapshot: first.snapshot };
    expect(composeSummary(input({ previous: dayBefore })).summary.stale[0]?.newlyStale).toBe(false);
    // 15 Jan + 90 days is 15 Apr: a summary on 14 Apr saw it fresh, so on 16 Apr it has just gone stale.
    const april = new Date("2025-04-16T08:00:00.000Z");
    const aprilInput = input({
      now: april,
      previous: { at: new Date("2025-04-14T08:00:00.000Z"), snapshot: first.snapshot },
    });
    expect(composeSummary(aprilInput).summary.stale.map((s) => s.newlyStale)).toEqual([true]);
  });

  it("says nothing changed when the headline is the same claim", () => {
    const first = composeSummary(input());
    const previous = { at: new Date("2025-06-11T08:00:00.000Z"), snapshot: first.snapshot };
    const { summary } = composeSummary(input({ previous }));
    expect(summary.topics.map((t) => t.change.kind)).toEqual(["unchanged", "unchanged"]);
    expect(summary.newClaims).toEqual([]);
    expect(summary.previousText).toBe("Wed 11 Jun 2025, 09:00");
  });

  it("reports a new figure from a new source, by how much, and lists the claim as new", () => {
    const first = composeSummary(input());
    const previous = { at: new Date("2025-06-11T08:00:00.000Z"), snapshot: first.snapshot };
    const claims = [
      ...base,
      { id: "b-drones-2", topic: "drones-launched", value: 600, as_of: "2025-06-11", source: "src-b" },
    ];
    const { summary } = composeSummary(input({ claims, previous }));
    expect(summary.topics[0]?.headline.figureText).toBe("600 drones");
    expect(summary.topics[0]?.change).toEqual({
      kind: "changed",
      figure: { previousText: "400 drones", differenceText: "200 drones higher (+50%)" },
      source: { previousName: "Source A" },
      previousDateText: null,
    });
    expect(summary.newClaims.map((c) => [c.topicId, c.figure.figureText, c.figure.sourceName])).toEqual([
      ["drones-launched", "600 drones", "Source B"],
    ]);
  });

  it("reports a newer report of the same figure as a date change only", () => {
    const first = composeSummary(input());
    const previous = { at: new Date("2025-06-11T08:00:00.000Z"), snapshot: first.snapshot };
    const claims = [
      ...base,
      { id: "a-drones-2", topic: "drones-launched", value: 400, as_of: "2025-06-11", source: "src-a" },
    ];
    const { summary } = composeSummary(input({ claims, previous }));
    expect(summary.topics[0]?.change).toEqual({
      kind: "changed",
      figure: null,
      source: null,
      previousDateText: "10 Jun 2025",
    });
  });

  it("calls a topic new to the summary when the previous one did not show it", () => {
    const first = composeSummary(input());
    const previous = { at: new Date("2025-06-11T08:00:00.000Z"), snapshot: first.snapshot };
    const { summary } = composeSummary(input({ previous, watchedTopicIds: ["front-length"] }));
    expect(summary.topics[0]?.change).toEqual({ kind: "newly-shown" });
  });

  it("finds claims added since a summary whose snapshot lacks the id list by their as-of date", () => {
    const snapshot: SummarySnapshot = { version: 1, topics: {}, claimIds: [] };
    const previous = { at: new Date("2025-06-05T00:00:00.000Z"), snapshot: null };
    const { summary } = composeSummary(input({ previous }));
    expect(summary.newClaims.map((c) => c.figure.figureText)).toEqual(["400 drones"]);
    // With an id list, anything not on it is new, whatever its date.
    const withList = composeSummary(input({ previous: { ...previous, snapshot } })).summary;
    expect(withList.newClaims).toHaveLength(base.length);
  });

  it("saves a snapshot of the headlines shown and every claim id", () => {
    const { snapshot } = composeSummary(input());
    expect(Object.keys(snapshot.topics)).toEqual(["drones-launched", "tanks-destroyed"]);
    expect(snapshot.topics["drones-launched"]).toMatchObject({
      figureText: "400 drones",
      midpoint: 400,
      sourceName: "Source A",
    });
    expect(snapshot.claimIds).toEqual(base.map((c) => c.id).sort());
  });

  it("passes the flag count through", () => {
    expect(composeSummary(input({ flaggedSinceLast: 4 })).summary.flaggedSinceLast).toBe(4);
  });
});
