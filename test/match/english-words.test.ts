import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import wordListPath from "word-list";
import { loadEnglishWords, wordListOf } from "../../src/match/english-words.ts";

const fileWords = readFileSync(wordListPath, "utf8").split("\n");

describe("the English word list", () => {
  const english = loadEnglishWords();

  it("finds every word of the dictionary file, including those out of order in it", () => {
    expect(fileWords.length).toBeGreaterThan(200_000);
    const missing = fileWords.filter((w) => !english.has(w));
    expect(missing).toEqual([]);
  });

  it("answers no for non-words, prefixes, extensions, other case and the empty string", () => {
    const known = new Set(fileWords);
    const probes = [
      "",
      "\n",
      "aa\naah",
      "zzzz",
      "lunchx",
      "Lunch",
      "LUNCH",
      " lunch",
      "lunch ",
      "stationedd",
    ];
    // Every word's prefix and extension that the file does not hold itself.
    for (const w of fileWords.slice(0, 5_000)) probes.push(w.slice(0, -1), `${w}a`, `${w}\n`);
    const wrong = probes.filter((p) => english.has(p) !== known.has(p));
    expect(wrong).toEqual([]);
    expect(english.has("lunch")).toBe(true);
    expect(english.has("")).toBe(false);
  });

  it("is read once per process", () => {
    expect(loadEnglishWords()).toBe(english);
  });
});

describe("a word list over given words", () => {
  it("matches a Set of the same words on words, their neighbours and strings past either end", () => {
    const words = ["pear", "apple", "fig", "apple", "", "figs", "zebra", "a"];
    const list = wordListOf(words);
    const set = new Set(words.filter((w) => w !== ""));
    const probes = [...set, "", "ap", "appl", "apples", "b", "fi", "figa", "zebras", "zz", "0", "A", "é"];
    for (const p of probes) expect(list.has(p), p).toBe(set.has(p));
  });

  it("holds nothing when given nothing", () => {
    const empty = wordListOf([]);
    expect(empty.has("")).toBe(false);
    expect(empty.has("a")).toBe(false);
  });
});
