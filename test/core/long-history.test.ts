import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/answer/create-core.ts";
import { buildClaimsIndex } from "../../src/claims/claims-index.ts";
import type { Claim, Source, Topic } from "../../src/claims/schema.ts";

/*
 * A topic with a long history: the answer sorts its claims once and dresses the history only when it is read,
 * and what it shows is what sorting every figure by its date, as written, gives.
 */
const topic: Topic = {
  id: "vale-arrivals",
  title: "Arrivals in the Vale",
  subject: "Vale",
  measure: "arrivals",
  period: "cumulative",
  unit: "people",
  review_days: 30,
  aliases: [],
  key: true,
  related: [],
};
const sources: Source[] = ["north-desk", "south-desk", "east-desk"].map((id) => ({
  id,
  name: id.replace("-", " "),
  aliases: [],
  kind: "outlet",
}));
const document = { id: "vale-post", outlet: "Vale Post", headline: "Arrivals", published: "2025-01-01" };
const clock = () => new Date("2026-11-22T12:00:00Z");

/** The order the answer promises, worked out the slow way: every comparison reads the dates again. */
const reference = (a: Claim, b: Claim): number =>
  new Date(`${b.as_of.length === 7 ? `${b.as_of}-01` : b.as_of}T00:00:00Z`).getTime() -
    new Date(`${a.as_of.length === 7 ? `${a.as_of}-01` : a.as_of}T00:00:00Z`).getTime() ||
  Number(a.unattributed) - Number(b.unattributed) ||
  b.as_of.length - a.as_of.length ||
  a.id.localeCompare(b.id);

const claimArb = fc.record({
  year: fc.integer({ min: 2020, max: 2025 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }),
  source: fc.constantFrom(...sources.map((s) => s.id)),
  unattributed: fc.boolean(),
  retired: fc.boolean(),
  value: fc.integer({ min: 1, max: 5000 }),
});

describe("an answer on a topic with a long history", () => {
  it("lists every figure, retired ones too, newest first as their dates say, the same on every read", () => {
    fc.assert(
      fc.property(fc.array(claimArb, { minLength: 1, maxLength: 200 }), (specs) => {
        const claims: Claim[] = specs.map((s, i) => {
          const month = `${s.year}-${String(s.month).padStart(2, "0")}`;
          return {
            id: `c${String(i).padStart(4, "0")}`,
            topic: topic.id,
            value: s.value,
            as_of: s.day === undefined ? month : `${month}-${String(s.day).padStart(2, "0")}`,
            // Each claim on a date of its own source, so none is merged as a restatement.
            source: s.source,
            unattributed: s.unattributed,
            document: document.id,
            quote: `figure number ${i}`,
            ...(s.retired && i > 0 ? { retired: { on: "2026-01-01" } } : {}),
          };
        });
        const index = buildClaimsIndex([topic], sources, [document], claims);
        const match = createCore(index, clock).answerTopic(topic.id)?.match;
        const kept = [...index.claimById.values()];
        const expected = [...kept].sort(reference).map((c) => c.id);
        expect(match?.history.map((s) => s.claim.id)).toEqual(expected);
        // Read again (and serialised), the history is the same list.
        expect(match?.history).toBe(match?.history);
        expect(JSON.parse(JSON.stringify(match)).history).toHaveLength(expected.length);
        const live = kept.filter((c) => !c.retired).sort(reference);
        if (live[0]) expect(match?.headline.claim.id).toBe(live[0].id);
      }),
      { numRuns: 25 },
    );
  });
});
