import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  lastLettersOrDots,
  lastWords,
  withoutPossessive,
  wordBeforeEndSpaces,
} from "../../../src/flag/figures/word-scan.ts";

// Letters (ASCII, accented, another script, astral), dots, every kind of space, apostrophes, digits, lone surrogates.
const piece = fc.constantFrom(
  "a",
  "Z",
  "s",
  "é",
  "ß",
  "ж",
  "𝐀",
  ".",
  " ",
  "\u00a0",
  "\u2009",
  "\u3000",
  "\ufeff",
  "\n",
  "\t",
  "'",
  "’",
  "7",
  ",",
  "\ud835",
  "\udc00",
  "-",
);
const text = fc.array(piece, { maxLength: 14 }).map((p) => p.join(""));

describe("word scans give exactly what the patterns they replace give", () => {
  it("lastLettersOrDots is /([\\p{L}.]+)\\s*$/u", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(lastLettersOrDots(t)).toBe(/([\p{L}.]+)\s*$/u.exec(t)?.[1]);
      }),
      { numRuns: 3000 },
    );
  });

  it("wordBeforeEndSpaces is /(\\p{L}+)\\.?\\s+$/u", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(wordBeforeEndSpaces(t)).toBe(/(\p{L}+)\.?\s+$/u.exec(t)?.[1]);
      }),
      { numRuns: 3000 },
    );
  });

  it("withoutPossessive is a replace of a final 's or ’s", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(withoutPossessive(t)).toBe(t.replace(/['’]s$/, ""));
      }),
      { numRuns: 3000 },
    );
  });

  it("reads the cases the detector meets", () => {
    expect(lastLettersOrDots("the toll is approx.  ")).toBe("approx.");
    expect(lastLettersOrDots("lost 40")).toBeUndefined();
    expect(wordBeforeEndSpaces("by Dec. ")).toBe("Dec");
    expect(wordBeforeEndSpaces("by Dec.")).toBeUndefined();
    expect(withoutPossessive("russia’s")).toBe("russia");
  });
});

describe("lastWords", () => {
  it("is the last n matches of the global unicode pattern [\\p{L}][\\p{L}'’]*", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 4 }), (t, n) => {
        expect(lastWords(t, n)).toEqual((t.match(/[\p{L}][\p{L}'’]*/gu) ?? []).slice(-n));
      }),
      { numRuns: 3000 },
    );
  });

  it("reads the words before a number", () => {
    expect(lastWords("'tis russia’s 'losses' of ", 3)).toEqual(["russia’s", "losses'", "of"]);
  });
});
