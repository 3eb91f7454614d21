import { afterEach, describe, expect, it } from "vitest";
import { createChannelRateLimiter } from "../../src/flag/channel-rate-limit.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import type { FlagRecord, Store } from "../../src/store/store.ts";

const at = (ms: number) => new Date(Date.UTC(2025, 5, 1, 12, 0, 0) + ms);
let seq = 0;
const flag = (channel: string, ms: number): FlagRecord => ({
  channel,
  messageTs: `1748779200.${String(++seq).padStart(6, "0")}`,
  threadTs: null,
  user: "U1",
  figures: ["800,000"],
  outcome: "flagged",
  at: at(ms).toISOString(),
});

const stores: Store[] = [];
const store = () => {
  const s = openSqliteStore(":memory:");
  stores.push(s);
  return s;
};
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

const limiterOn = (s: Pick<Store, "claimFlag">, limit: number, windowMs = 60_000) =>
  createChannelRateLimiter({ limit, windowMs, store: s });

describe("createChannelRateLimiter", () => {
  it("allows the limit per channel and refuses the next within the window", async () => {
    const limiter = limiterOn(store(), 3);
    const taken = [];
    for (const ms of [0, 1, 2, 3]) taken.push(await limiter.tryTake(flag("C1", ms)));
    expect(taken).toEqual([true, true, true, false]);
    expect(await limiter.tryTake(flag("C1", 59_999))).toBe(false);
  });

  it("counts each channel separately", async () => {
    const limiter = limiterOn(store(), 1);
    expect(await limiter.tryTake(flag("C1", 0))).toBe(true);
    expect(await limiter.tryTake(flag("C2", 0))).toBe(true);
    expect(await limiter.tryTake(flag("C1", 0))).toBe(false);
  });

  it("frees room as the window slides", async () => {
    const limiter = limiterOn(store(), 2);
    await limiter.tryTake(flag("C1", 0));
    await limiter.tryTake(flag("C1", 30_000));
    expect(await limiter.tryTake(flag("C1", 60_000))).toBe(true);
    expect(await limiter.tryTake(flag("C1", 60_000))).toBe(false);
    expect(await limiter.tryTake(flag("C1", 90_000))).toBe(true);
  });

  it("does not count refused attempts against the channel", async () => {
    const limiter = limiterOn(store(), 1, 1000);
    await limiter.tryTake(flag("C1", 0));
    expect(await limiter.tryTake(flag("C1", 500))).toBe(false);
    expect(await limiter.tryTake(flag("C1", 1000))).toBe(true);
  });

  it("records the flag it lets through, and nothing for one it refuses", async () => {
    const s = store();
    const limiter = limiterOn(s, 1);
    const first = flag("C1", 0);
    await limiter.tryTake(first);
    await limiter.tryTake(flag("C1", 1));
    expect(await s.flagsSince("C1", at(-1))).toEqual([first]);
  });

  it("holds the limit across two instances sharing one store", async () => {
    const shared = store();
    const a = limiterOn(shared, 3);
    const b = limiterOn(shared, 3);
    const taken = [];
    for (const [i, limiter] of [a, b, a, b, a, b].entries()) taken.push(await limiter.tryTake(flag("C1", i)));
    expect(taken).toEqual([true, true, true, false, false, false]);
  });

  it("refuses without asking the store once its own flags fill the window, and never allows on its own", async () => {
    const s = store();
    let asked = 0;
    const counting = {
      claimFlag: (f: FlagRecord, limit: { max: number; after: Date }) => {
        asked += 1;
        return s.claimFlag(f, limit);
      },
    };
    const limiter = limiterOn(counting, 2);
    await limiter.tryTake(flag("C1", 0));
    await limiter.tryTake(flag("C1", 1));
    expect(await limiter.tryTake(flag("C1", 2))).toBe(false);
    expect(asked).toBe(2);
    // Another instance filled C2: this one has no grants there, asks, and is told no.
    await s.recordFlag(flag("C2", 0));
    await s.recordFlag(flag("C2", 1));
    expect(await limiter.tryTake(flag("C2", 2))).toBe(false);
    expect(asked).toBe(3);
  });

  it("forgets channels whose grants have all left the window, so a workspace's channels do not pile up", async () => {
    const limiter = limiterOn(store(), 2, 1_000);
    for (let i = 0; i < 50; i++) await limiter.tryTake(flag(`C${i}`, 0));
    expect(limiter.channelsHeld()).toBe(50);
    await limiter.tryTake(flag("C1", 500));
    expect(limiter.channelsHeld()).toBe(50);
    // A window later only the channel flagged since is held, and it still counts its grant.
    await limiter.tryTake(flag("C99", 1_200));
    expect(limiter.channelsHeld()).toBe(2);
    expect(await limiter.tryTake(flag("C1", 1_300))).toBe(true);
    expect(await limiter.tryTake(flag("C1", 1_400))).toBe(false);
  });
});
