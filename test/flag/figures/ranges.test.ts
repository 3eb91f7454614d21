import { describe, expect, it } from "vitest";
import { numericAmounts } from "../../../src/flag/figures/amounts.ts";
import { readRange, readShare } from "../../../src/flag/figures/ranges.ts";

const range = (text: string) => {
  const a = numericAmounts(text)[0];
  if (!a) throw new Error(`no amount in ${text}`);
  return readRange(text, a, a.end);
};

describe("readRange", () => {
  it("reads ranges written with a dash, 'to' or 'between … and'", () => {
    expect(range("500,000-600,000 killed")).toMatchObject({ kind: "range", low: 500_000, high: 600_000 });
    expect(range("10 to 12k troops")).toMatchObject({ kind: "range", low: 10_000, high: 12_000 });
    expect(range("between 10,000 and 12,000")).toMatchObject({ kind: "range", start: 0 });
  });

  it("reads 'N to 1' as a ratio", () => {
    expect(range("2.5 to 1")).toMatchObject({ kind: "ratio" });
  });

  it("says a span of years or hours is no figure", () => {
    expect(range("2022-2025 axis")?.kind).toBe("not-a-figure");
    expect(range("9 to 5 pm")?.kind).toBe("not-a-figure");
  });

  it("reads nothing when the second number is smaller", () => {
    expect(range("12-3 vote")).toBeNull();
  });
});

describe("readShare", () => {
  it("reads '1 in 4' and '3 out of 10' as percentages", () => {
    const [one] = numericAmounts("1 in 4 schools");
    const [three] = numericAmounts("3 out of 10 bridges");
    expect(one && readShare("1 in 4 schools", one, one.end)?.percent).toBe(25);
    expect(three && readShare("3 out of 10 bridges", three, three.end)?.percent).toBe(30);
  });

  it("does not read a year as the whole", () => {
    const [a] = numericAmounts("1 in 2024");
    expect(a && readShare("1 in 2024", a, a.end)).toBeNull();
  });
});
