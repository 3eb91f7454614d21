import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NamePattern, nameLetter } from "../../src/flag/name-pattern.ts";

/** What NamePattern stands for: one alternation of every name (as source-names.ts built it before). */
function reference(names: readonly string[], caseless: boolean): { test: RegExp; atStart: RegExp } | null {
  const body = [...new Set(names.map((n) => n.replace(/\s+/g, " ")))]
    .sort((a, b) => b.length - a.length)
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
  if (!body) return null;
  const source = `(?<![${nameLetter}])(?:${body})(?![${nameLetter}])`;
  const flags = caseless ? "i" : "";
  return { test: new RegExp(source, flags), atStart: new RegExp(`^(?:${source})`, flags) };
}

// Letters in both cases, ASCII and not (ɓ and Ɓ are one letter to the caseless class), marks names hold,
// spaces of every kind, digits and a lone surrogate.
const piece = fc.constantFrom(
  "a",
  "A",
  "b",
  "B",
  "k",
  "K",
  "s",
  "é",
  "É",
  "ɓ",
  "Ɓ",
  "ſ",
  "K",
  " ",
  "  ",
  "\t",
  "\u00a0",
  ".",
  "(",
  ")",
  "&",
  "'",
  "’",
  "-",
  "_",
  "1",
  "\ud835",
);
const word = fc.array(piece, { minLength: 2, maxLength: 6 }).map((p) => p.join(""));

describe("NamePattern", () => {
  it("finds a name exactly where one alternation of all the names would, in any case or as written", () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 6 }),
        fc.array(fc.oneof(word, piece), { maxLength: 8 }),
        fc.boolean(),
        (names, parts, caseless) => {
          // Texts made of the names themselves, in other cases and next to other characters.
          const text = parts
            .map((p, i) => (i % 2 === 0 ? p : (names[i % names.length] ?? p)))
            .map((p, i) => (i % 3 === 0 ? p.toUpperCase() : p))
            .join("");
          const pattern = new NamePattern(names, caseless);
          const expected = reference(names, caseless);
          expect(pattern.test(text)).toBe(expected?.test.test(text) ?? false);
          expect(pattern.testAtStart(text)).toBe(expected?.atStart.test(text) ?? false);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("matches names as words", () => {
    const names = new NamePattern(["Civic Watch", "Reuters", "Préfecture"], true);
    expect(names.test("checked against the civic watch tally")).toBe(true);
    expect(names.test("(Reuters)")).toBe(true);
    expect(names.test("Reutersfeed")).toBe(false);
    expect(names.test("per the PRÉFECTURE")).toBe(true);
    expect(names.testAtStart("Civic  Watch says")).toBe(false);
  });
});
