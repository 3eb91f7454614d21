import { describe, expect, it } from "vitest";
import { numericAmounts } from "../../../src/flag/figures/amounts.ts";
import {
  blankPhoneNumbers,
  isDate,
  isTimeAfter,
  rejectedByShape,
} from "../../../src/flag/figures/not-amounts.ts";

const first = (text: string) => {
  const a = numericAmounts(text)[0];
  if (!a) throw new Error(`no amount in ${text}`);
  return a;
};

describe("blankPhoneNumbers", () => {
  it("blanks phone numbers to spaces, keeping every offset", () => {
    const text = "call +44 20 7946 0958 or 555-0143 about the 1,200";
    const blanked = blankPhoneNumbers(text);
    expect(blanked).toHaveLength(text.length);
    expect(blanked).not.toMatch(/7946|0143/);
    expect(blanked).toContain("1,200");
  });

  it("leaves a range of grouped numbers alone", () => {
    expect(blankPhoneNumbers("500,000-600,000 killed")).toBe("500,000-600,000 killed");
  });
});

describe("rejectedByShape", () => {
  it.each([
    ["v1.4.2", "versions"],
    ["JIRA-123", "ids glued to letters"],
    ["PR #482", "tickets"],
    ["page 12", "labels"],
    ["the 0800 call", "leading zeros"],
  ])("rejects %s (%s)", (text) => {
    const a = numericAmounts(text).at(-1);
    if (!a) throw new Error("no amount");
    const previous = text.slice(0, a.start).trim().split(/\s+/).at(-1)?.toLowerCase();
    expect(rejectedByShape(text, a, previous)).toBe(true);
  });

  it("keeps a plain figure", () => {
    expect(rejectedByShape("Russia lost 1,200", first("Russia lost 1,200"), "lost")).toBe(false);
  });
});

describe("isTimeAfter and isDate", () => {
  it("reads times of day", () => {
    expect(isTimeAfter(" pm")).toBe(true);
    expect(isTimeAfter(" GMT tomorrow")).toBe(true);
    expect(isTimeAfter(" soldiers")).toBe(false);
  });

  it("reads a day of a month as a date, but not a month's figure", () => {
    const jan = "on Jan 7 the toll rose";
    expect(isDate(jan, first(jan), first(jan).end)).toBe(true);
    const listed = "Feb 41,000 and March 39,500";
    expect(isDate(listed, first(listed), first(listed).end)).toBe(false);
  });
});
