import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  amountAt,
  isYear,
  numericAmounts,
  rawNumber,
  writtenAmounts,
} from "../../../src/flag/figures/amounts.ts";

describe("numericAmounts", () => {
  it("reads grouped digits, scales and suffixes into base units", () => {
    expect(numericAmounts("1,200 and 1.2m and 700k and 3 billion").map((a) => a.value)).toEqual([
      1200, 1_200_000, 700_000, 3e9,
    ]);
  });

  it("keeps currency, percent, '+' and multipliers as written", () => {
    const [dollars, euros, share, plus, times] = numericAmounts("$6bn, €2.4 mn, 4.1%, 3,000+ and 3x");
    expect(dollars).toMatchObject({ currency: "$", value: 6e9, scaled: true });
    expect(euros).toMatchObject({ currency: "€", value: 2_400_000 });
    expect(share).toMatchObject({ percent: true, value: 4.1 });
    expect(plus).toMatchObject({ plus: true, hasComma: true });
    expect(times).toMatchObject({ multiple: true, value: 3 });
  });

  it("does not read a resolution as a multiplier", () => {
    expect(numericAmounts("1920x1080").some((a) => a.multiple)).toBe(false);
  });
});

describe("amountAt", () => {
  it("reads the amount that starts exactly there, or nothing", () => {
    expect(amountAt("10 to 12k", 6)?.value).toBe(12_000);
    expect(amountAt("10 to 12k", 3)).toBeNull();
  });
});

describe("writtenAmounts", () => {
  it("reads written millions and thousands", () => {
    expect(writtenAmounts("half a million displaced, two thousand homes").map((a) => a.value)).toEqual([
      500_000, 2000,
    ]);
  });

  it("skips idioms", () => {
    expect(writtenAmounts("a million things to do, one in a million, thanks a million")).toEqual([]);
  });
});

describe("isYear", () => {
  it("takes four plain digits from 1900 on as a year", () => {
    const [year, grouped, old] = numericAmounts("2024, 2,024, 1850");
    expect([year, grouped, old].map((a) => (a ? isYear(a) : null))).toEqual([true, false, false]);
  });
});

describe("rawNumber", () => {
  it("reads what Number reads once the commas are gone", () => {
    const raw = fc
      .array(fc.constantFrom("0", "1", "7", "9", ",", ".", " ", "e", "-"), { maxLength: 20 })
      .map((p) => p.join(""));
    fc.assert(
      fc.property(raw, (r) => {
        expect(Object.is(rawNumber(r), Number(r.replace(/,/g, "")))).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(rawNumber("1,200.5")).toBe(1200.5);
    expect(rawNumber("999999999999999")).toBe(999999999999999);
    expect(rawNumber("12345678901234567890")).toBe(Number("12345678901234567890"));
  });
});
