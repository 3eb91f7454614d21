import { describe, expect, it } from "vitest";
import { buildClaimsIndex } from "../../src/claims/claims-index.ts";
import type { Claim, Document } from "../../src/claims/schema.ts";

const doc = (id: string): Document => ({
  id,
  outlet: "Test Wire",
  headline: "Figures",
  published: "2026-01-02",
});
const claim = (id: string, document: string, value: number, as_of = "2026-01-01"): Claim => ({
  id,
  topic: "t",
  value,
  as_of,
  source: "s",
  unattributed: false,
  document,
  quote: `the figure was ${value} that day`,
});

describe("reportsByClaim", () => {
  const index = buildClaimsIndex(
    [],
    [],
    [doc("d1"), doc("d2")],
    [
      claim("a", "d1", 5),
      claim("b", "d2", 5), // restates a from another document
      claim("c", "d1", 7, "2026-02-01"),
      claim("e", "gone", 9, "2026-03-01"), // its document is not in the index
    ],
  );
  const reports = index.reportsByClaim;

  it("gives a claim reported once its one report, and a restated one every report, its own first", () => {
    expect(reports.get("c")).toEqual([
      { document: doc("d1"), quote: "the figure was 7 that day", claimId: "c" },
    ]);
    expect(reports.get("a")?.map((r) => [r.claimId, r.document.id])).toEqual([
      ["a", "d1"],
      ["b", "d2"],
    ]);
    expect(reports.get("e")).toEqual([]);
  });

  it("holds the kept claims only, in the index's order, alike through get and iteration", () => {
    expect(reports.get("b")).toBeUndefined();
    expect(reports.has("b")).toBe(false);
    expect(reports.size).toBe(3);
    expect([...reports.keys()]).toEqual([...index.claimById.keys()]);
    expect([...reports].map(([id, r]) => [id, r])).toEqual(
      [...reports.keys()].map((id) => [id, reports.get(id)]),
    );
    expect([...reports.values()].map((r) => r.length)).toEqual([2, 1, 0]);
  });
});
