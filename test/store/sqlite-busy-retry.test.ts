import { describe, expect, it } from "vitest";
import {
  BUSY_RETRY,
  type BusyRetryClock,
  busyDelayMs,
  retryWhileBusy,
} from "../../src/store/sqlite-busy-retry.ts";
import { StateBusyError } from "../../src/store/state-errors.ts";

const sqliteError = (code: string) => Object.assign(new Error(`failed: ${code}`), { code });

/** A clock whose sleeps only move its own time forward, recording each pause. */
function fakeClock(random = 0.5): BusyRetryClock & { pauses: number[] } {
  let t = 0;
  const pauses: number[] = [];
  return {
    pauses,
    now: () => t,
    random: () => random,
    sleep: async (ms) => {
      pauses.push(ms);
      t += ms;
    },
  };
}

describe("retryWhileBusy", () => {
  it("retries busy and locked failures until the work succeeds, pausing longer each time", async () => {
    const clock = fakeClock();
    const failures = ["SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_BUSY_SNAPSHOT", "SQLITE_BUSY"];
    let calls = 0;
    const result = await retryWhileBusy(
      () => {
        const code = failures[calls++];
        if (code) throw sqliteError(code);
        return "saved";
      },
      { clock },
    );
    expect(result).toBe("saved");
    expect(calls).toBe(5);
    expect(clock.pauses).toEqual([5, 10, 20, 40]);
  });

  it("gives up with StateBusyError at the end of its budget, the last pause cut to what is left", async () => {
    const clock = fakeClock();
    let calls = 0;
    const config = { ...BUSY_RETRY, budgetMs: 1_000 };
    const failed = await retryWhileBusy(
      () => {
        calls += 1;
        throw sqliteError("SQLITE_BUSY");
      },
      { clock, config, file: "/state/tally.db" },
    ).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(StateBusyError);
    expect(failed).toMatchObject({
      kind: "busy",
      code: "SQLITE_BUSY",
      file: "/state/tally.db",
      waitedMs: 1_000,
    });
    expect(clock.pauses.reduce((a, b) => a + b, 0)).toBe(1_000);
    expect(Math.max(...clock.pauses)).toBe(config.maxDelayMs);
    expect(calls).toBe(clock.pauses.length + 1);
  });

  it("passes any other failure through at once, unchanged", async () => {
    const clock = fakeClock();
    const constraint = sqliteError("SQLITE_CONSTRAINT_UNIQUE");
    await expect(
      retryWhileBusy(
        () => {
          throw constraint;
        },
        { clock },
      ),
    ).rejects.toBe(constraint);
    expect(clock.pauses).toEqual([]);
  });

  it("spreads each pause by the jitter, so instances waiting on one lock do not retry in step", () => {
    const config = { ...BUSY_RETRY, firstDelayMs: 100, maxDelayMs: 1_000, jitter: 0.5 };
    expect(busyDelayMs(1, config, 0)).toBe(75);
    expect(busyDelayMs(1, config, 0.999)).toBeCloseTo(124.95);
    expect(busyDelayMs(5, config, 0.5)).toBe(1_000);
  });
});
