import { describe, expect, it } from "vitest";
import { ClauseWords } from "../../../src/flag/figures/clause-words.ts";
import { nounAfter, thingNamedBefore } from "../../../src/flag/figures/counted-noun.ts";
import { harbourVocabulary, warVocabulary } from "../support/flag-fixtures.ts";

const small = { large: false, grouped: false };
const scan = (after: string, clause = after, vocabulary = warVocabulary, size = small) =>
  nounAfter(after, new ClauseWords(clause), vocabulary, size);

describe("nounAfter", () => {
  it("skips modifiers to the counted noun", () => {
    expect(scan(" Russian soldiers killed")).toMatchObject({ unit: "people", word: "soldiers" });
    expect(scan(" more armoured vehicles")).toMatchObject({ unit: "count", word: "vehicles" });
  });

  it("reads a topic's own thing as counted, with no word of it in the code", () => {
    expect(scan(" containers", " containers", harbourVocabulary)).toMatchObject({ word: "containers" });
    expect(scan(" containers", " containers", warVocabulary)).toEqual({ logistics: false });
  });

  it("reads the newsroom's own things as logistics", () => {
    expect(scan(" words on the strike")).toMatchObject({ logistics: true, word: "words" });
  });

  it("counts a thing named with a capital unless a noun it describes follows", () => {
    expect(scan(" Patriots arrived")).toMatchObject({ unit: "count", word: "patriots" });
    expect(scan(" HIMARS explainers")).toEqual({ logistics: false });
    expect(scan(" Patriot launchers")).toMatchObject({ word: "launchers" });
  });

  it("counts people as a population only when large, or when harmed", () => {
    expect(scan(" people", "6 people read it")).toEqual({ logistics: true });
    expect(scan(" people", "6 people were injured")).toMatchObject({ unit: "people" });
    expect(
      scan(" people", "6.7 million people", warVocabulary, { large: true, grouped: false }),
    ).toMatchObject({
      unit: "people",
    });
  });
});

describe("thingNamedBefore", () => {
  it("finds a capitalised counted thing earlier in the clause, with no number in between", () => {
    const text = "HIMARS: they've got 39 now";
    expect(thingNamedBefore(text, 0, text.indexOf("39"), warVocabulary)).toBe("himars");
    const other = "HIMARS: 3 photos, then they've got 39";
    expect(thingNamedBefore(other, 0, other.indexOf("39"), warVocabulary)).toBeUndefined();
  });
});
