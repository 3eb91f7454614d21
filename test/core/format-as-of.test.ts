import { describe, expect, it } from "vitest";
import { ageInDays, formatAge, formatAsOfDate } from "../../src/figures/format-as-of.ts";

const now = new Date("2025-11-20T09:00:00Z");

describe("formatAsOfDate", () => {
  it("shows a day as the newsroom writes it", () => {
    expect(formatAsOfDate("2025-06-12")).toBe("12 Jun 2025");
  });
  it("shows only the month when the source gives only the month", () => {
    expect(formatAsOfDate("2024-12")).toBe("Dec 2024");
  });
});

describe("formatAge", () => {
  it("counts the age from the injected clock", () => {
    expect(formatAge("2025-06-12", now)).toBe("5 months ago");
  });
  it("says today and yesterday in words", () => {
    expect(formatAge("2025-11-20", now)).toBe("today");
    expect(formatAge("2025-11-19", now)).toBe("yesterday");
  });
  it("never calls a figure dated after the clock 'today': it says how far after it is", () => {
    expect(formatAge("2026-02-25", now)).toBe("dated 3 months after the reference date");
    expect(formatAge("2025-11-21", now)).toBe("dated 1 day after the reference date");
    expect(formatAge("2026-01", now)).toBe("dated 1 month after the reference date");
    expect(formatAge("2025-11", now)).toBe("this month");
  });
});

describe("ageInDays", () => {
  it("counts a month-precision date from the month's last day, never making it older than it is", () => {
    expect(ageInDays("2025-10", now)).toBe(20);
  });
  it("never goes negative for a date after the clock", () => {
    expect(ageInDays("2026-01-01", now)).toBe(0);
  });
});
