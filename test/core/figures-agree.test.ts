import { describe, expect, it } from "vitest";
import { agreementConfig, figuresAgree } from "../../src/figures/figures-agree.ts";

describe("figuresAgree", () => {
  it.each([
    ["nearly 2,000 and 1,970", { value: 2000, qualifier: "nearly" as const }, { value: 1970 }],
    [
      "over 1 million and 1.05 million",
      { value: 1_000_000, qualifier: "over" as const },
      { value: 1_050_000 },
    ],
    [
      "up to 12,000 and 10,000–12,000",
      { value: 12_000, qualifier: "up-to" as const },
      { low: 10_000, high: 12_000 },
    ],
    ["at least 500 and 650", { value: 500, qualifier: "at-least" as const }, { value: 650 }],
    ["over 1 million and 1 million", { value: 1_000_000, qualifier: "over" as const }, { value: 1_000_000 }],
    ["about 250,000 and 250,000", { value: 250_000, qualifier: "about" as const }, { value: 250_000 }],
    ["1,000,000 and 1,004,000 (rounding)", { value: 1_000_000 }, { value: 1_004_000 }],
  ])("counts %s as agreeing, either way round", (_name, a, b) => {
    expect(figuresAgree(a, b)).toBe(true);
    expect(figuresAgree(b, a)).toBe(true);
  });

  it.each([
    ["2,000 and 1,970 with no qualifier", { value: 2000 }, { value: 1970 }],
    ["nearly 2,000 and 1,800", { value: 2000, qualifier: "nearly" as const }, { value: 1800 }],
    [
      "nearly 2,000 and 2,050 (nearly is under)",
      { value: 2000, qualifier: "nearly" as const },
      { value: 2050 },
    ],
    ["over 1 million and 900,000", { value: 1_000_000, qualifier: "over" as const }, { value: 900_000 }],
    ["at least 500 and 400", { value: 500, qualifier: "at-least" as const }, { value: 400 }],
    ["up to 12,000 and 13,000", { value: 12_000, qualifier: "up-to" as const }, { value: 13_000 }],
    [
      "about 250,000 and about 198,000",
      { value: 250_000, qualifier: "about" as const },
      { value: 198_000, qualifier: "about" as const },
    ],
    ["250,000 and 247,000", { value: 250_000 }, { value: 247_000 }],
  ])("counts %s as disagreeing, either way round", (_name, a, b) => {
    expect(figuresAgree(a, b)).toBe(false);
    expect(figuresAgree(b, a)).toBe(false);
  });

  it("keeps its tolerances in one frozen config", () => {
    expect(Object.isFrozen(agreementConfig)).toBe(true);
    expect(Object.isFrozen(agreementConfig.qualifierReach)).toBe(true);
    const strict = {
      ...agreementConfig,
      qualifierReach: { ...agreementConfig.qualifierReach, nearly: { below: 0, above: 0 } },
    };
    expect(figuresAgree({ value: 2000, qualifier: "nearly" }, { value: 1970 }, strict)).toBe(false);
  });
});
