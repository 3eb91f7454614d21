import { describe, expect, it } from "vitest";
import { questionStart } from "../../src/flag/find-question.ts";
import { findUnsourcedFigures } from "../../src/flag/find-unsourced-figures.ts";
import { warVocabulary } from "./support/flag-fixtures.ts";

const unsourced = (s: string) => findUnsourcedFigures(s, warVocabulary).unsourced.map((f) => f.text);
const anyFigure = (s: string) => {
  const scan = findUnsourcedFigures(s, warVocabulary);
  return [...scan.unsourced, ...scan.sourced].map((f) => f.text);
};

describe("figures only asked about are not claims", () => {
  it.each([
    "was the Kursk toll 4,000 or 5,000?",
    "has anyone got a cite for 38,000 civilians killed?",
    "how many launchers did they lose, 6?",
    "where does the 45,000 Ukrainian dead come from",
    "can you check 1,200 km before it runs",
    "tanks lost: 3,800 or 3,900, which one?",
    "did ISW really put it at 600 sq km?",
    "quick q: is 1,021,520 still the total",
  ])("claims nothing in %s", (text) => {
    expect(anyFigure(text)).toEqual([]);
  });

  it.each([
    ["Ukraine downed 41 drones overnight — can someone find who said so?", ["41"]],
    ["NK casualties are 4,000 now, is the index up to date?", ["4,000"]],
    ["Russia has 600,000 troops in Ukraine, source?", ["600,000"]],
    ["the toll is 12,000, or is it higher now?", ["12,000"]],
  ])("still claims a statement followed by a question: %s", (text, figures) => {
    expect(unsourced(text)).toEqual(figures);
  });

  // Issue 8: a figure someone proposes to print, or states and asks to have checked, is exactly one to check.
  it.each([
    ["can we go with 1 million Russian casualties in the headline?", ["1 million"]],
    ["should the dek say 1.3m or stick with 'over a million'?", ["1.3m", "over a million"]],
    ["could we round it to 900k for the graphic?", ["900k"]],
    ["ok to use 38,000 NK troops in the push alert?", ["38,000"]],
    ["Ukraine has 60 F-16s now, right?", ["60"]],
    ["the toll is 4,300, is that correct?", ["4,300"]],
  ])("claims a figure proposed for print or put up for a check: %s", (text, figures) => {
    expect(unsourced(text)).toEqual(figures);
  });

  it("still reads a proposal's own attribution", () => {
    expect(unsourced("can we go with CSIS's 1.2 million in the hed?")).toEqual([]);
  });

  it("knows where a question starts in a clause", () => {
    expect(questionStart("is it 900k?")).toBe(0);
    expect(questionStart("we have 900k — who said so?")).toBe(15);
    expect(questionStart("we have 900k, source?")).toBe(14);
    expect(questionStart("we have 900k")).toBe(-1);
    expect(questionStart("could we round it to 900k")).toBe(0);
  });
});

describe("rejected figures are not claims", () => {
  it.each([
    ["it's 4,000 killed, not 5,000", ["4,000"]],
    ["not 1.3m — 1.2m, I misread the table", ["1.2m"]],
    ["the 30% figure is outdated, it's nearer 25% now", ["nearer 25%"]],
    ["6,000 NK dead sounds way too high, more like 4,000", ["more like 4,000"]],
    ["put 1,100 a day in the graphic rather than 1,500 a day", ["1,100 a day"]],
    ["replace 40 drones with 48 drones in the second graf", ["48"]],
    ["~12k~ 11k North Korean troops", ["11k"]],
    ["scratch 3,100 — the Kursk total is 2,900", ["2,900"]],
    ["Update: 44 killed (not 41)", ["44"]],
  ])("claims only the figure put in place of the rejected one: %s", (text, figures) => {
    expect(unsourced(text)).toEqual(figures);
  });

  it("keeps an upper bound and a hedge that only look like a denial", () => {
    expect(unsourced("not more than 2,000 NK troops were killed")).toEqual(["more than 2,000"]);
    expect(unsourced("900k, if not 1m, by the summer")).toEqual(["900k", "1m"]);
    expect(unsourced("Russian tank losses drop 20% in May")).toEqual(["20%"]);
  });
});
