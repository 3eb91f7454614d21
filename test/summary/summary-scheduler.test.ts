import { afterEach, describe, expect, it } from "vitest";
import type { Logger } from "../../src/log/logger.ts";
import type { DueSummary } from "../../src/schedule/due-subscriptions.ts";
import {
  createSummaryScheduler,
  type ScheduledPostResult,
  type SchedulerTimers,
} from "../../src/schedule/summary-scheduler.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import type { Store } from "../../src/store/store.ts";

const silent: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child: () => silent,
  level: "error",
};

function fakeTimers() {
  const callbacks: Array<() => void> = [];
  const timers: SchedulerTimers = {
    setInterval(callback) {
      callbacks.push(callback);
      return callbacks.length;
    },
    clearInterval(handle) {
      callbacks[(handle as number) - 1] = () => {};
    },
  };
  return { timers, callbacks };
}

function clock(iso: string) {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
    set(next: string) {
      t = new Date(next).getTime();
    },
  };
}

const stores: Store[] = [];
function store(): Store {
  const s = openSqliteStore(":memory:");
  stores.push(s);
  return s;
}
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function subscribe(s: Store, channel = "C1", time = "09:00"): Promise<void> {
  await s.upsertSubscription(
    { channel, time, timeZone: "UTC", subscribedBy: "U1" },
    new Date("2025-06-01T00:00:00.000Z"),
  );
}

describe("summary scheduler", () => {
  it("posts a due subscription once at its minute and not again that day", async () => {
    const s = store();
    await subscribe(s);
    const c = clock("2025-06-12T08:59:30.000Z");
    const calls: DueSummary[] = [];
    const scheduler = createSummaryScheduler({
      store: s,
      now: c.now,
      logger: silent,
      post: async (due) => {
        calls.push(due);
        return { ok: true };
      },
    });
    expect((await scheduler.tick()).posted).toEqual([]);
    c.advance(30_000);
    expect((await scheduler.tick()).posted).toEqual(["C1"]);
    c.advance(30_000);
    const again = await scheduler.tick();
    expect(again.posted).toEqual([]);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.day).toBe("2025-06-12");
    expect((await s.getSubscription("C1"))?.lastPostedDay).toBe("2025-06-12");
  });

  it("gives the day back after a failure and retries on the next tick, passing the previous error", async () => {
    const s = store();
    await subscribe(s);
    const c = clock("2025-06-12T09:00:00.000Z");
    const results: ScheduledPostResult[] = [{ ok: false, error: "not_in_channel" }, { ok: true }];
    const previousErrors: Array<string | null> = [];
    const scheduler = createSummaryScheduler({
      store: s,
      now: c.now,
      logger: silent,
      post: async (_due, previousError) => {
        previousErrors.push(previousError);
        return results.shift() ?? { ok: true };
      },
    });
    expect((await scheduler.tick()).failed).toEqual(["C1"]);
    expect((await s.getSubscription("C1"))?.lastPostedDay).toBeNull();
    c.advance(30_000);
    expect((await scheduler.tick()).posted).toEqual(["C1"]);
    expect(previousErrors).toEqual([null, "not_in_channel"]);
  });

  it("backs off a channel that keeps failing, doubling the wait", async () => {
    const s = store();
    await subscribe(s);
    const c = clock("2025-06-12T09:00:00.000Z");
    let attempts = 0;
    const scheduler = createSummaryScheduler({
      store: s,
      now: c.now,
      logger: silent,
      post: async () => {
        attempts += 1;
        return { ok: false, error: "not_in_channel" };
      },
    });
    const seen: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      await scheduler.tick();
      seen.push(attempts);
      c.advance(30_000);
    }
    // Tries at 0 s, 30 s (next tick), 90 s (after 60 s), 210 s (after 120 s).
    expect(seen).toEqual([1, 2, 2, 3, 3, 3, 3, 4]);
  });

  it("treats a post that throws as a failure and keeps the day open", async () => {
    const s = store();
    await subscribe(s);
    const c = clock("2025-06-12T09:00:00.000Z");
    const scheduler = createSummaryScheduler({
      store: s,
      now: c.now,
      logger: silent,
      post: async () => {
        throw new Error("boom");
      },
    });
    expect((await scheduler.tick()).failed).toEqual(["C1"]);
    expect(await s.claimSummaryDay("C1", "2025-06-12", c.now())).toBe(true);
  });

  it("posts once when two schedulers share a store", async () => {
    const s = store();
    await subscribe(s);
    const c = clock("2025-06-12T09:00:00.000Z");
    let posts = 0;
    const post = async (): Promise<ScheduledPostResult> => {
      posts += 1;
      return { ok: true };
    };
    const a = createSummaryScheduler({ store: s, now: c.now, logger: silent, post });
    const b = createSummaryScheduler({ store: s, now: c.now, logger: silent, post });
    const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
    expect(posts).toBe(1);
    expect([...ra.posted, ...rb.posted]).toEqual(["C1"]);
  });

  it("posts other channels while one channel's post is still running, and never that channel twice", async () => {
    const s = store();
    await subscribe(s, "C1", "09:00");
    await subscribe(s, "C2", "09:01");
    const c = clock("2025-06-12T09:00:00.000Z");
    let release: () => void = () => {};
    let posting: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      posting = resolve;
    });
    const posts: string[] = [];
    const scheduler = createSummaryScheduler({
      store: s,
      now: c.now,
      logger: silent,
      post: (due) => {
        posts.push(due.subscription.channel);
        if (due.subscription.channel !== "C1") return Promise.resolve({ ok: true });
        return new Promise<ScheduledPostResult>((resolve) => {
          release = () => resolve({ ok: true });
          posting();
        });
      },
    });
    const first = scheduler.tick();
    // A tick that lands while another still reads the schedule has nothing to add.
    expect((await scheduler.tick()).skipped).toBe(true);
    // The store answers asynchronously: wait until the first tick is actually posting.
    await started;
    c.set("2025-06-12T09:01:00.000Z");
    const second = await scheduler.tick();
    expect(second.skipped).toBe(false);
    expect(second.posted).toEqual(["C2"]);
    release();
    expect((await first).posted).toEqual(["C1"]);
    expect(posts).toEqual(["C1", "C2"]);
  });

  it("ticks on start and on each interval of the injected timer, and stops", async () => {
    const s = store();
    await subscribe(s, "C1", "09:00");
    await subscribe(s, "C2", "09:01");
    const c = clock("2025-06-12T09:00:10.000Z");
    const { timers, callbacks } = fakeTimers();
    const posted: string[] = [];
    const scheduler = createSummaryScheduler({
      store: s,
      now: c.now,
      logger: silent,
      timers,
      post: async (due) => {
        posted.push(due.subscription.channel);
        return { ok: true };
      },
    });
    scheduler.start();
    await new Promise((resolve) => setImmediate(resolve));
    expect(posted).toEqual(["C1"]);
    c.set("2025-06-12T09:01:05.000Z");
    expect(callbacks).toHaveLength(1);
    callbacks[0]?.();
    await scheduler.stop();
    expect(posted).toEqual(["C1", "C2"]);
    c.set("2025-06-13T09:05:00.000Z");
    callbacks[0]?.();
    await new Promise((resolve) => setImmediate(resolve));
    expect(posted).toEqual(["C1", "C2"]);
  });
});
