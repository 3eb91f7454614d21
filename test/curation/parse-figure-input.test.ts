import { describe, expect, it } from "vitest";
import { parseFigureInput } from "../../src/curation/parse-figure-input.ts";

const reading = (text: string) => {
  const result = parseFigureInput(text);
  if (!result.ok) throw new Error(`expected "${text}" to read, got: ${result.message}`);
  return result.reading;
};
const message = (text: string) => {
  const result = parseFigureInput(text);
  if (result.ok) throw new Error(`expected "${text}" to be refused, got ${JSON.stringify(result.reading)}`);
  return result.message;
};

describe("parseFigureInput: one number", () => {
  it("reads 'over 1 million' as a lower bound", () => {
    expect(reading("over 1 million")).toEqual({ value: 1_000_000, qualifier: "over", unit: null });
  });

  it("reads grouped digits, scale words and suffixes into base units", () => {
    expect(reading("more than 1,000,000")).toEqual({ value: 1_000_000, qualifier: "over", unit: null });
    expect(reading("1.2 million")).toEqual({ value: 1_200_000, unit: null });
    expect(reading("about 250k")).toEqual({ value: 250_000, qualifier: "about", unit: null });
    expect(reading("half a million")).toEqual({ value: 500_000, unit: null });
  });

  it("maps each way of hedging onto the claims format's qualifiers", () => {
    const q = (text: string) => reading(text).qualifier;
    expect([q("exceeding 500"), q("more than 500"), q("500+"), q("3,000-plus")]).toEqual([
      "over",
      "over",
      "over",
      "over",
    ]);
    expect([q("almost 500"), q("nearly 2,000"), q("close to 500")]).toEqual(["nearly", "nearly", "nearly"]);
    expect([q("around 500"), q("roughly 500"), q("some 500"), q("an estimated 500"), q("700k-ish")]).toEqual([
      "about",
      "about",
      "about",
      "about",
      "about",
    ]);
    expect([q("at least 500"), q("no fewer than 500")]).toEqual(["at-least", "at-least"]);
    expect([q("up to 15,000"), q("as many as 15,000")]).toEqual(["up-to", "up-to"]);
    expect(q("500")).toBeUndefined();
  });

  it("reads the currency or percent sign as the unit", () => {
    expect(reading("€2.4m")).toEqual({ value: 2_400_000, unit: "eur" });
    expect(reading("$6bn")).toEqual({ value: 6e9, unit: "usd" });
    expect(reading("£300,000")).toEqual({ value: 300_000, unit: "gbp" });
    expect(reading("4.1%")).toEqual({ value: 4.1, unit: "percent" });
    expect(reading("12 percent")).toEqual({ value: 12, unit: "percent" });
    expect(reading("5 million euros")).toEqual({ value: 5_000_000, unit: "eur" });
  });

  it("reads a minus sign, hyphen or typographic, as a negative figure", () => {
    expect(reading("-0.2%")).toEqual({ value: -0.2, unit: "percent" });
    expect(reading("−0.2%")).toEqual({ value: -0.2, unit: "percent" });
    expect(reading("minus 1.5%")).toEqual({ value: -1.5, unit: "percent" });
  });

  it("keeps words after the figure that say what it counts", () => {
    expect(reading("nearly 2,000 soldiers a day")).toEqual({ value: 2_000, qualifier: "nearly", unit: null });
  });

  it("reads 'one in five' shares as a percentage", () => {
    expect(reading("1 in 5")).toEqual({ value: 20, unit: "percent" });
  });

  it("reads '2.5 to 1' as a ratio of 2.5", () => {
    expect(reading("2.5 to 1")).toEqual({ value: 2.5, unit: "ratio" });
  });
});

describe("parseFigureInput: ranges", () => {
  it("reads 'to', a dash and 'between … and' as low and high", () => {
    expect(reading("10,000 to 12,000")).toEqual({ low: 10_000, high: 12_000, unit: null });
    expect(reading("10,000-12,000")).toEqual({ low: 10_000, high: 12_000, unit: null });
    expect(reading("between 40 and 60")).toEqual({ low: 40, high: 60, unit: null });
    expect(reading("10 to 12k")).toEqual({ low: 10_000, high: 12_000, unit: null });
  });

  it("keeps a qualifier and a unit on a range", () => {
    expect(reading("approximately 10,000 to 12,000")).toEqual({
      low: 10_000,
      high: 12_000,
      qualifier: "about",
      unit: null,
    });
    expect(reading("4% to 5%")).toEqual({ low: 4, high: 5, unit: "percent" });
    expect(reading("-0.5 to -0.2%")).toEqual({ low: -0.5, high: -0.2, unit: "percent" });
  });
});

describe("parseFigureInput: what it refuses, and says how to fix", () => {
  it("refuses empty input and input with no number, with an example to follow", () => {
    expect(message("")).toMatch(/empty.*'over 1 million' or '10,000 to 12,000'/);
    expect(message("   ")).toMatch(/empty/);
    expect(message("lots")).toMatch(/"lots" has no number.*write one number or a range/);
  });

  it("refuses two unrelated numbers", () => {
    expect(message("1,000 and 2,000 in March 2024")).toMatch(/second number/);
    expect(message("500 tanks, 300 jets")).toMatch(/second number \(300\)/);
  });

  it("refuses a range written high to low", () => {
    expect(message("12,000 to 10,000")).toMatch(/low end first/);
  });

  it("refuses 'under', which the claims format cannot store", () => {
    expect(message("under 500")).toMatch(/no "under"/);
  });

  it("refuses words before the number that are not a qualifier", () => {
    expect(message("Ukraine says 5,000")).toMatch(/"Ukraine says" before the number/);
  });
});
