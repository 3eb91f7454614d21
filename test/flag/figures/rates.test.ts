import { describe, expect, it } from "vitest";
import { rateLaterIn, rateRightAfter } from "../../../src/flag/figures/rates.ts";

describe("rates", () => {
  it("reads a rate right after a figure, with its length", () => {
    expect(rateRightAfter(" a day in December")).toEqual({ rate: "day", length: 6 });
    expect(rateRightAfter(" monthly")).toEqual({ rate: "month", length: 8 });
    expect(rateRightAfter(" annually")).toEqual({ rate: "year", length: 9 });
    expect(rateRightAfter(" soldiers a day")).toBeNull();
  });

  it("reads a rate a few words on", () => {
    expect(rateLaterIn(" soldiers a week on the front")).toBe("week");
    expect(rateLaterIn(" soldiers so far")).toBeUndefined();
  });
});
