import { describe, expect, it } from "vitest";
import { canonicalTimeZone } from "../../src/schedule/local-time.ts";
import { parseDailyArgs } from "../../src/schedule/parse-daily-args.ts";

describe("parseDailyArgs", () => {
  it("reads nothing as a request to show the subscription, and off as ending it", () => {
    expect(parseDailyArgs("", "UTC")).toEqual({ kind: "show" });
    expect(parseDailyArgs("   ", "UTC")).toEqual({ kind: "show" });
    expect(parseDailyArgs("off", "UTC")).toEqual({ kind: "off" });
    expect(parseDailyArgs("OFF", "UTC")).toEqual({ kind: "off" });
  });

  it("reads a time with the default zone, padding the hour", () => {
    expect(parseDailyArgs("9:05", "Europe/London")).toEqual({
      kind: "set",
      time: "09:05",
      timeZone: "Europe/London",
    });
    expect(parseDailyArgs("00:00", "UTC")).toEqual({ kind: "set", time: "00:00", timeZone: "UTC" });
    expect(parseDailyArgs("23:59", "UTC")).toEqual({ kind: "set", time: "23:59", timeZone: "UTC" });
  });

  it("reads a time with an Area/City zone, spelled the way the zone database spells it", () => {
    expect(parseDailyArgs("07:30 america/new_york", "UTC")).toEqual({
      kind: "set",
      time: "07:30",
      timeZone: "America/New_York",
    });
    expect(parseDailyArgs("07:30 Europe/Kyiv", "UTC")).toMatchObject({
      kind: "set",
      timeZone: "Europe/Kyiv",
    });
  });

  it("rejects hours and minutes that are not on a clock", () => {
    expect(parseDailyArgs("25:00", "UTC")).toEqual({
      kind: "invalid",
      problem: "time-range",
      input: "25:00",
    });
    expect(parseDailyArgs("24:00", "UTC")).toEqual({
      kind: "invalid",
      problem: "time-range",
      input: "24:00",
    });
    expect(parseDailyArgs("7:60", "UTC")).toEqual({ kind: "invalid", problem: "time-range", input: "7:60" });
  });

  it("rejects text that is not a time", () => {
    expect(parseDailyArgs("nine", "UTC")).toEqual({ kind: "invalid", problem: "time-format", input: "nine" });
    expect(parseDailyArgs("9am", "UTC")).toMatchObject({ problem: "time-format" });
    expect(parseDailyArgs("09:00 UTC extra", "UTC")).toMatchObject({ problem: "usage" });
  });

  it("rejects unknown zones and bare abbreviations, naming the word at fault", () => {
    expect(parseDailyArgs("07:00 Mars/Olympus", "UTC")).toEqual({
      kind: "invalid",
      problem: "zone",
      input: "Mars/Olympus",
    });
    expect(parseDailyArgs("07:00 EST", "UTC")).toMatchObject({ problem: "zone", input: "EST" });
    expect(parseDailyArgs("07:00 <!channel>", "UTC")).toMatchObject({ problem: "zone", input: "<!channel>" });
  });
});

describe("canonicalTimeZone", () => {
  it("accepts UTC and GMT as UTC and refuses offsets", () => {
    expect(canonicalTimeZone("utc")).toBe("UTC");
    expect(canonicalTimeZone("GMT")).toBe("UTC");
    expect(canonicalTimeZone("+01:00")).toBeNull();
    expect(canonicalTimeZone("")).toBeNull();
  });
});
