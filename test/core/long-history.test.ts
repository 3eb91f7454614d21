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

  it("as of a date, heads with the newest figure said by then, beside each other source's newest by then", () => {
    const start = (asOf: string) =>
      new Date(`${asOf.length === 7 ? `${asOf}-01` : asOf}T00:00:00Z`).getTime();
    // The last day a date covers: the day, or the month's last day.
    const end = (asOf: string) =>
      asOf.length === 7 ? Date.UTC(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7)), 0) : start(asOf);
    fc.assert(
      fc.property(
        fc.array(claimArb, { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 2019, max: 2026 }),
        fc.integer({ min: 1, max: 12 }),
        fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }),
        // Often a figure's own date: what was said on the day is said by then.
        fc.option(fc.nat(), { nil: undefined }),
        (specs, year, month, day, own) => {
          const claims: Claim[] = specs.map((s, i) => {
            const m = `${s.year}-${String(s.month).padStart(2, "0")}`;
            return {
              id: `c${String(i).padStart(4, "0")}`,
              topic: topic.id,
              value: s.value,
              as_of: s.day === undefined ? m : `${m}-${String(s.day).padStart(2, "0")}`,
              source: s.source,
              unattributed: s.unattributed,
              document: document.id,
              quote: `figure number ${i}`,
            };
          });
          const asked = `${year}-${String(month).padStart(2, "0")}${day === undefined ? "" : `-${String(day).padStart(2, "0")}`}`;
          const asOf = own === undefined ? asked : (claims[own % claims.length]?.as_of ?? asked);
          const index = buildClaimsIndex([topic], sources, [document], claims);
          const match = createCore(index, clock).answerTopic(topic.id, { asOf })?.match;
          // The slow way: every figure said by then, newest first, and the first of each source met.
          const said = [...index.claimById.values()]
            .filter((c) => start(c.as_of) <= end(asOf))
            .sort(reference);
          const newestBySource: string[] = [];
          const met = new Set<string>();
          for (const c of said) {
            if (met.has(c.source)) continue;
            met.add(c.source);
            newestBySource.push(c.id);
          }
          if (!said[0]) {
            expect(match).toBeNull();
            return;
          }
          expect(match?.headline.claim.id).toBe(said[0].id);
          const others = [...(match?.disagreements ?? []), ...(match?.agreements ?? [])].map(
            (s) => s.claim.id,
          );
          expect(others.sort()).toEqual(newestBySource.filter((id) => id !== said[0]?.id).sort());
          // Each list in the order a walk from the newest meets its sources.
          for (const list of [match?.disagreements ?? [], match?.agreements ?? []]) {
            const ids = list.map((s) => s.claim.id);
            expect(ids).toEqual(newestBySource.filter((id) => ids.includes(id)));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
