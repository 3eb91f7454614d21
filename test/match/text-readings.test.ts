import { describe, expect, it } from "vitest";
import { type Concept, ConceptSchema } from "../../src/claims/schema.ts";
import { TextReadings } from "../../src/match/text-terms.ts";
import { Vocabulary } from "../../src/match/vocabulary.ts";

const concept = (id: string, phrases: string[]): Concept =>
  ConceptSchema.parse({ id, kind: "measure", phrases });
const withFled = [concept("displaced", ["displaced", "fled"])];
const withoutFled = [concept("displaced", ["displaced"])];

/** One build's readings over `concepts`, as a matcher build gets them. */
const build = (readings: TextReadings, concepts: Concept[]) =>
  readings.next(new Vocabulary(concepts), concepts);

describe("readings kept from one build to the next", () => {
  it("reads a text as the vocabulary says, and carries the reading over while the concepts are the same", () => {
    const readings = new TextReadings();
    const first = build(readings, withFled).headlineKeys("people who fled the floods");
    expect(first).toContain("#displaced");
    // The same concepts again (a reload after a claim was edited): the headline is not read again.
    expect(build(readings, withFled).headlineKeys("people who fled the floods")).toBe(first);
  });

  it("reads every text afresh once the concepts change, so no reading outlives the vocabulary it came from", () => {
    const readings = new TextReadings();
    build(readings, withFled).headlineKeys("people who fled the floods");
    const after = build(readings, withoutFled).headlineKeys("people who fled the floods");
    expect(after).not.toContain("#displaced");
  });

  it("keeps only what the last build read: a text since dropped is read again when it comes back", () => {
    const readings = new TextReadings();
    const first = build(readings, withFled).headlineKeys("flood evacuees");
    build(readings, withFled).headlineKeys("another text");
    const back = build(readings, withFled).headlineKeys("flood evacuees");
    expect(back).toEqual(first);
    expect(back).not.toBe(first);
  });
});
