import { describe, expect, it } from "vitest";
import { findFigures } from "../../../src/flag/find-figures.ts";
import { harbourVocabulary } from "../support/flag-fixtures.ts";

// Claim-or-chatter decisions through findFigures, with a small invented story's vocabulary: every rule here is
// language, not the war.
const texts = (s: string) => findFigures(s, harbourVocabulary).map((f) => f.text);

describe("isFigureClaim: what makes a number a figure", () => {
  it("takes a counted noun, a claim verb or grouped digits", () => {
    expect(texts("212 containers stranded")).toEqual(["212"]);
    expect(texts("the strike idled 40 cranes")).toEqual([]);
    expect(texts("the guild says it has 3,400 out, and 2,900 more")).toEqual(["3,400", "2,900"]);
    expect(texts("police arrested 14 at the gates")).toEqual(["14"]);
  });

  it("takes a measure written after the number, but not one that describes a thing", () => {
    expect(texts("300mm fell on the port overnight")).toEqual(["300mm"]);
    expect(texts("bring the 35mm lens to the quay")).toEqual([]);
  });

  it("reads percentage points in results and polls", () => {
    expect(texts("support for the strike is up 7 points")).toEqual(["7 points"]);
    expect(texts("the guild finished 6 points behind")).toEqual(["6 points"]);
  });

  it("reads the number a toll or one's own count stands at", () => {
    expect(texts("the toll at the port is now 3")).toEqual(["3"]);
    expect(texts("my count from the quay lists is 185")).toEqual(["185"]);
    expect(texts("the toll road costs 20 each way")).toEqual([]);
  });

  it("goes on listing what the clause's last figure counted, name by name", () => {
    expect(texts("the Guild won 83 seats and the Union 70")).toEqual(["83", "70"]);
  });

  it("reads a year-like number as a count only right before what it counts", () => {
    expect(texts("the strike stranded 2000 containers")).toEqual(["2000"]);
    expect(texts("the 2024 containers audit is out")).toEqual([]);
  });

  it("leaves the newsroom's own numbers alone", () => {
    expect(texts("file 600 words by 3pm, 2 photos, page 4")).toEqual([]);
    expect(texts("the fixer wants $1,500 for the week")).toEqual([]);
  });
});
