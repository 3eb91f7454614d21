import { describe, expect, it } from "vitest";
import { dueSubscriptions } from "../../src/schedule/due-subscriptions.ts";
import { localTime } from "../../src/schedule/local-time.ts";
import type { Subscription } from "../../src/store/store.ts";

function sub(overrides: Partial<Subscription> = {}): Subscription {
  return {
    channel: "C1",
    time: "09:00",
    timeZone: "Europe/London",
    subscribedBy: "U1",
    createdAt: "2025-06-01T12:00:00.000Z",
    lastPostedDay: null,
    ...overrides,
  };
}
const at = (iso: string) => new Date(iso);

describe("localTime", () => {
  it("reads the wall clock and the local day in the zone", () => {
    expect(localTime(at("2025-06-12T23:30:00.000Z"), "Asia/Tokyo")).toMatchObject({
      day: "2025-06-13",
      time: "08:30",
    });
    expect(localTime(at("2025-01-12T09:00:00.000Z"), "Europe/London")).toMatchObject({
      day: "2025-01-12",
      time: "09:00",
    });
  });
});

describe("dueSubscriptions", () => {
  it("is not due before the local minute and is due from it (London summer time is UTC+1)", () => {
    expect(dueSubscriptions([sub()], at("2025-06-12T07:59:59.000Z"))).toEqual([]);
    expect(dueSubscriptions([sub()], at("2025-06-12T08:00:00.000Z"))).toEqual([
      { subscription: sub(), day: "2025-06-12" },
    ]);
  });

  it("is not due again once today is posted, and is due tomorrow", () => {
    const posted = sub({ lastPostedDay: "2025-06-12" });
    expect(dueSubscriptions([posted], at("2025-06-12T20:00:00.000Z"))).toEqual([]);
    expect(dueSubscriptions([posted], at("2025-06-13T08:00:30.000Z"))).toHaveLength(1);
  });

  it("stays due later the same day when the minute was missed (the app was down)", () => {
    expect(dueSubscriptions([sub()], at("2025-06-12T15:45:00.000Z"))).toEqual([
      { subscription: sub(), day: "2025-06-12" },
    ]);
  });

  it("first fires at the next occurrence after it was made", () => {
    const madeAfterToday = sub({ createdAt: "2025-06-12T08:00:30.000Z" });
    expect(dueSubscriptions([madeAfterToday], at("2025-06-12T08:01:00.000Z"))).toEqual([]);
    expect(dueSubscriptions([madeAfterToday], at("2025-06-12T22:59:00.000Z"))).toEqual([]);
    expect(dueSubscriptions([madeAfterToday], at("2025-06-13T08:00:00.000Z"))).toEqual([
      { subscription: madeAfterToday, day: "2025-06-13" },
    ]);
    const madeBeforeTheMinute = sub({ createdAt: "2025-06-12T07:59:00.000Z" });
    expect(dueSubscriptions([madeBeforeTheMinute], at("2025-06-12T08:00:00.000Z"))).toHaveLength(1);
  });

  it("uses the local day of the zone, not UTC's", () => {
    const tokyo = sub({ timeZone: "Asia/Tokyo", time: "07:00" });
    expect(dueSubscriptions([tokyo], at("2025-06-12T22:00:00.000Z"))).toEqual([
      { subscription: tokyo, day: "2025-06-13" },
    ]);
  });

  it("fires a time that daylight saving skips at the first minute after it", () => {
    const skipped = sub({ time: "01:30", createdAt: "2025-03-01T00:00:00.000Z" });
    // 30 Mar 2025: London clocks go from 01:00 GMT straight to 02:00 BST.
    expect(dueSubscriptions([skipped], at("2025-03-30T00:59:00.000Z"))).toEqual([]);
    expect(dueSubscriptions([skipped], at("2025-03-30T01:00:00.000Z"))).toEqual([
      { subscription: skipped, day: "2025-03-30" },
    ]);
  });

  it("picks only the due ones out of several", () => {
    const subs = [sub({ channel: "A", time: "08:00" }), sub({ channel: "B", time: "10:00" })];
    expect(dueSubscriptions(subs, at("2025-06-12T08:30:00.000Z")).map((d) => d.subscription.channel)).toEqual(
      ["A"],
    );
  });
});
