import { describe, expect, it } from "vitest";
import { topicReview, topicsDueForReview } from "../../src/answer/topic-review.ts";
import { buildClaimsIndex } from "../../src/claims/claims-index.ts";
import { type Claim, ClaimSchema, type Topic, TopicSchema } from "../../src/claims/schema.ts";

const topic = (id: string, reviewDays?: number): Topic =>
  TopicSchema.parse({
    id,
    title: `Homes destroyed (${id})`,
    subject: "Tarn",
    measure: "homes destroyed",
    period: "cumulative",
    unit: "homes",
    aliases: ["homes destroyed"],
    ...(reviewDays ? { review_days: reviewDays } : {}),
  });
const claim = (id: string, topicId: string, asOf: string, extra: Partial<Claim> = {}): Claim =>
  ClaimSchema.parse({
    id,
    topic: topicId,
    value: 10,
    as_of: asOf,
    source: "s",
    document: "d",
    quote: "ten homes destroyed",
    ...extra,
  });

const index = buildClaimsIndex(
  [topic("fresh"), topic("old"), topic("weekly", 7), topic("empty")],
  [],
  [],
  [
    claim("a", "fresh", "2026-11-25"),
    claim("b", "old", "2026-09-01"),
    claim("c", "old", "2026-08-01", { checked: "2026-10-20" }),
    claim("d", "weekly", "2026-11-20"),
  ],
);
const NOW = new Date("2026-12-01T10:00:00Z");

describe("topicReview", () => {
  it("counts from the latest of the figures' checked or as-of days", () => {
    expect(topicReview(topic("old"), index, NOW)).toEqual({
      reviewDays: 30,
      lastChecked: "2026-10-20",
      daysSince: 42,
      due: true,
    });
  });

  it("takes a curator's later check over the figures' own dates", () => {
    const checks = new Map([["old", "2026-11-30T16:00:00.000Z"]]);
    expect(topicReview(topic("old"), index, NOW, checks)).toMatchObject({
      lastChecked: "2026-11-30",
      due: false,
    });
  });

  it("uses the topic's own review interval", () => {
    expect(topicReview(topic("weekly", 7), index, NOW)).toMatchObject({ daysSince: 11, due: true });
    expect(topicReview(topic("fresh"), index, NOW)).toMatchObject({ daysSince: 6, due: false });
  });

  it("has nothing to review on a topic with no live figure", () => {
    expect(topicReview(topic("empty"), index, NOW)).toBeNull();
  });
});

describe("topicsDueForReview", () => {
  it("lists the overdue topics, most overdue past their interval first", () => {
    expect(topicsDueForReview(index, NOW).map((d) => d.topic.id)).toEqual(["old", "weekly"]);
  });
});
