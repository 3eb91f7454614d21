import { describe, expect, it } from "vitest";
import { createReplayCache } from "../../../src/slack/http/replay-cache.ts";

const MINUTE = 60_000;

describe("createReplayCache", () => {
  it("sees a signature once: a replay inside the window is not first", () => {
    const cache = createReplayCache({ ttlMs: 11 * MINUTE, maxEntries: 100 });
    expect(cache.firstSeen("v0=a", 0)).toBe(true);
    expect(cache.firstSeen("v0=a", 1_000)).toBe(false);
    expect(cache.firstSeen("v0=a", 10 * MINUTE)).toBe(false);
    expect(cache.firstSeen("v0=b", 10 * MINUTE)).toBe(true);
  });

  it("forgets a signature once its time is up (by then the signature check refuses it anyway)", () => {
    const cache = createReplayCache({ ttlMs: 11 * MINUTE, maxEntries: 100 });
    cache.firstSeen("v0=a", 0);
    cache.firstSeen("v0=b", 5 * MINUTE);
    expect(cache.firstSeen("v0=c", 11 * MINUTE)).toBe(true);
    // a expired and was dropped; b is still remembered.
    expect(cache.size).toBe(2);
    expect(cache.firstSeen("v0=b", 11 * MINUTE)).toBe(false);
  });

  it("stays bounded under a steady stream: it holds one window's worth, however long it runs", () => {
    const cache = createReplayCache({ ttlMs: 11 * MINUTE, maxEntries: 1_000_000 });
    // 20 distinct requests a second for 2 hours of simulated time.
    let peak = 0;
    for (let i = 0; i < 20 * 7200; i++) {
      cache.firstSeen(`v0=${i}`, i * 50);
      peak = Math.max(peak, cache.size);
    }
    const window = 20 * 11 * 60;
    expect(peak).toBeLessThanOrEqual(window + 1);
    expect(cache.size).toBeGreaterThan(window - 20);
  });

  it("never holds more than maxEntries, dropping the oldest first", () => {
    const cache = createReplayCache({ ttlMs: 11 * MINUTE, maxEntries: 50 });
    for (let i = 0; i < 500; i++) cache.firstSeen(`v0=${i}`, 0);
    expect(cache.size).toBe(50);
    expect(cache.firstSeen("v0=499", 0)).toBe(false);
    expect(cache.firstSeen("v0=0", 0)).toBe(true);
  });
});
