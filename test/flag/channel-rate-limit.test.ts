import { describe, expect, it } from "vitest";
import { createChannelRateLimiter } from "../../src/flag/channel-rate-limit.ts";

describe("createChannelRateLimiter", () => {
  const at = (ms: number) => new Date(Date.UTC(2025, 5, 1, 12, 0, 0) + ms);

  it("allows the limit per channel and refuses the next within the window", () => {
    let now = at(0);
    const limiter = createChannelRateLimiter({ limit: 3, windowMs: 60_000, now: () => now });
    expect([1, 2, 3, 4].map(() => limiter.tryTake("C1"))).toEqual([true, true, true, false]);
    now = at(59_999);
    expect(limiter.tryTake("C1")).toBe(false);
  });

  it("counts each channel separately", () => {
    const limiter = createChannelRateLimiter({ limit: 1, windowMs: 60_000, now: () => at(0) });
    expect(limiter.tryTake("C1")).toBe(true);
    expect(limiter.tryTake("C2")).toBe(true);
    expect(limiter.tryTake("C1")).toBe(false);
  });

  it("frees room as the window slides", () => {
    let now = at(0);
    const limiter = createChannelRateLimiter({ limit: 2, windowMs: 60_000, now: () => now });
    limiter.tryTake("C1");
    now = at(30_000);
    limiter.tryTake("C1");
    now = at(60_000);
    expect(limiter.tryTake("C1")).toBe(true);
    expect(limiter.tryTake("C1")).toBe(false);
    now = at(90_000);
    expect(limiter.tryTake("C1")).toBe(true);
  });

  it("does not count refused attempts against the channel", () => {
    let now = at(0);
    const limiter = createChannelRateLimiter({ limit: 1, windowMs: 1000, now: () => now });
    limiter.tryTake("C1");
    now = at(500);
    expect(limiter.tryTake("C1")).toBe(false);
    now = at(1000);
    expect(limiter.tryTake("C1")).toBe(true);
  });
});
