import { describe, expect, it } from "vitest";
import { formatFigure } from "../../src/figures/format-figure.ts";
import { formatMagnitude, formatNumber } from "../../src/figures/format-number.ts";

describe("formatNumber", () => {
  it("groups thousands the way the newsroom writes them", () => {
    expect(formatNumber(765110, "people")).toBe("765,110");
  });
  it("writes round millions in words", () => {
    expect(formatNumber(1_200_000, "people")).toBe("1.2 million");
    expect(formatNumber(1_000_000, "people")).toBe("1 million");
  });
  it("keeps an exact figure exact rather than rounding it into words", () => {
    expect(formatMagnitude(1_234_567)).toBe("1,234,567");
  });
  it("writes dollars in billions", () => {
    expect(formatNumber(6_000_000_000, "usd")).toBe("$6 billion");
    expect(formatNumber(2_500_000_000, "usd")).toBe("$2.5 billion");
  });
  it("writes percentages, ratios and distances", () => {
    expect(formatNumber(50, "percent")).toBe("50%");
    expect(formatNumber(2.5, "ratio")).toBe("2.5 to 1");
    expect(formatNumber(1000, "km")).toBe("1,000 km");
  });
});

describe("formatFigure", () => {
  it("joins a range with an en dash", () => {
    expect(formatFigure({ low: 10_000, high: 12_000, unit: "people" })).toBe("10,000–12,000");
  });
  it("shares the scale word across a range of millions", () => {
    expect(formatFigure({ low: 1_000_000, high: 1_200_000, unit: "people" })).toBe("1–1.2 million");
  });
  it("puts the qualifier in words before the figure", () => {
    expect(formatFigure({ value: 250_000, qualifier: "about", unit: "people" })).toBe("about 250,000");
    expect(formatFigure({ value: 6e9, qualifier: "nearly", unit: "usd" })).toBe("nearly $6 billion");
    expect(formatFigure({ value: 300, qualifier: "at-least", unit: "people" })).toBe("at least 300");
    expect(formatFigure({ value: 1e6, qualifier: "over", unit: "people" })).toBe("over 1 million");
  });
  it("writes a ratio range once", () => {
    expect(formatFigure({ low: 2, high: 2.5, unit: "ratio" })).toBe("2–2.5 to 1");
  });
});
