import { describe, expect, it } from "vitest";
import type { IndexProblem } from "../../src/claims/index-problem.ts";
import { FOLLOW_CURATION, followCuration } from "../../src/curation/follow-curation.ts";

/** Timers that fire only when the test says so. */
function manualTimers() {
  const pending = new Map<number, { callback: () => void; ms: number }>();
  let next = 0;
  return {
    timers: {
      setTimeout: (callback: () => void, ms: number) => {
        pending.set(++next, { callback, ms });
        return next;
      },
      clearTimeout: (handle: unknown) => {
        pending.delete(handle as number);
      },
    },
    pending,
    /** Fires every timer set so far, then lets the checks they started finish. */
    async fire() {
      const due = [...pending.values()];
      pending.clear();
      for (const t of due) t.callback();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

const problem = (message: string): IndexProblem => ({ file: "curated p-1", message });

function setUp(options: { since?: string | null; refreshProblems?: IndexProblem[] } = {}) {
  const clock = manualTimers();
  let version = "v1";
  const refreshed: string[] = [];
  const notTaken: IndexProblem[][] = [];
  const errors: unknown[] = [];
  let failNext: Error | null = null;
  const follower = followCuration({
    version: async () => {
      if (failNext) {
        const error = failNext;
        failNext = null;
        throw error;
      }
      return version;
    },
    refresh: async () => {
      refreshed.push(version);
      return options.refreshProblems ?? [];
    },
    since: options.since === undefined ? "v1" : options.since,
    onNotTaken: (p) => notTaken.push(p),
    onError: (e) => errors.push(e),
    timers: clock.timers,
  });
  return {
    clock,
    follower,
    refreshed,
    notTaken,
    errors,
    setVersion: (v: string) => {
      version = v;
    },
    failOnce: (e: Error) => {
      failNext = e;
    },
  };
}

describe("followCuration", () => {
  it("polls every two seconds and refreshes only when the version moved", async () => {
    const t = setUp();
    expect([...t.clock.pending.values()].map((p) => p.ms)).toEqual([FOLLOW_CURATION.intervalMs]);
    await t.clock.fire();
    expect(t.refreshed).toEqual([]);
    t.setVersion("v2");
    await t.clock.fire();
    expect(t.refreshed).toEqual(["v2"]);
    await t.clock.fire();
    expect(t.refreshed).toEqual(["v2"]);
    expect(t.clock.pending.size).toBe(1);
    await t.follower.stop();
  });

  it("refreshes on the first poll when no version was read before", async () => {
    const t = setUp({ since: null });
    expect(await t.follower.check()).toBe(true);
    expect(await t.follower.check()).toBe(false);
    await t.follower.stop();
  });

  it("reports what the index could not take from a refresh", async () => {
    const t = setUp({ refreshProblems: [problem("claim c-1: unknown source")] });
    t.setVersion("v2");
    await t.follower.check();
    expect(t.notTaken).toEqual([[problem("claim c-1: unknown source")]]);
    await t.follower.stop();
  });

  it("keeps polling after the store fails, and reports the failure", async () => {
    const t = setUp();
    t.failOnce(new Error("connection terminated"));
    await t.clock.fire();
    expect(t.errors.map((e) => (e as Error).message)).toEqual(["connection terminated"]);
    expect(t.clock.pending.size).toBe(1);
    t.setVersion("v2");
    await t.clock.fire();
    expect(t.refreshed).toEqual(["v2"]);
    await t.follower.stop();
  });

  it("sets no timer once stopped", async () => {
    const t = setUp();
    await t.follower.stop();
    expect(t.clock.pending.size).toBe(0);
  });
});
