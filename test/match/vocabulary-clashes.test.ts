import { describe, expect, it } from "vitest";
import { ConceptSchema } from "../../src/claims/schema.ts";
import { vocabularyClashes } from "../../src/match/vocabulary-clashes.ts";

const concept = (id: string, kind: string, phrases: string[]) => ConceptSchema.parse({ id, kind, phrases });

describe("vocabularyClashes", () => {
  it("names a phrase that stems to a filler word", () => {
    expect(vocabularyClashes([concept("arrivals", "measure", ["arrivals", "crossed"])])).toEqual([
      'concept arrivals: "crossed" reads as the filler word "crossed"',
    ]);
  });
  it("names two concepts whose phrases stem alike", () => {
    const clashes = vocabularyClashes([
      concept("launched", "measure", ["launched", "fired"]),
      concept("fires", "noun", ["fire", "blaze"]),
    ]);
    expect(clashes).toEqual(['concepts launched and fires: "fired" and "fire" read alike']);
  });
  it("ignores the flag detector's concepts and a clean vocabulary", () => {
    expect(
      vocabularyClashes([
        concept("killed", "measure", ["killed", "dead"]),
        concept("x", "figure", ["killed"]),
      ]),
    ).toEqual([]);
  });
});
