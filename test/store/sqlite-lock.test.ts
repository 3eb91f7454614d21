import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import type { CurationStore } from "../../src/store/curation-store.ts";
import { openSqliteCurationStore } from "../../src/store/sqlite-curation-store.ts";
import type { SqliteStateOptions } from "../../src/store/sqlite-state-guard.ts";
import { openSqliteStore, STATE_FILE_NAME } from "../../src/store/sqlite-store.ts";
import { StateBusyError } from "../../src/store/state-errors.ts";
import type { Store } from "../../src/store/store.ts";
import { useTempDirs } from "../support/temp-dirs.ts";
import { sampleProposal } from "./curation-store-contract.ts";

const now = new Date("2025-06-12T08:00:00.000Z");
const sub = { channel: "C1", time: "09:00", timeZone: "UTC", subscribedBy: "U1" };

const { tempDir, closers } = useTempDirs("tally-lock-");

function openStore(dir: string, options?: SqliteStateOptions): Store {
  const store = openSqliteStore(dir, options);
  closers.push(() => store.close());
  return store;
}

function openCuration(dir: string, options?: SqliteStateOptions): CurationStore {
  const store = openSqliteCurationStore(dir, options);
  closers.push(() => store.close());
  return store;
}

/** Another process's connection, holding the write lock (BEGIN IMMEDIATE) until `release`. */
function holdWriteLock(dir: string): { release(): void } {
  const holder = new Database(join(dir, STATE_FILE_NAME));
  holder.exec("BEGIN IMMEDIATE");
  const release = () => {
    if (holder.inTransaction) holder.exec("COMMIT");
    if (holder.open) holder.close();
  };
  closers.push(release);
  return { release };
}

/** Counts timer ticks: a store call that blocked the event loop while it waited would let none through. */
function countTicks(): { ticks(): number; stop(): void } {
  let ticks = 0;
  const timer = setInterval(() => {
    ticks += 1;
  }, 10);
  return { ticks: () => ticks, stop: () => clearInterval(timer) };
}

describe("a store call while another connection holds the write lock", () => {
  it("waits off the event loop and saves once the lock is released (by a timer)", async () => {
    const dir = tempDir();
    const store = openStore(dir);
    const lock = holdWriteLock(dir);
    const ticker = countTicks();
    // The release comes from a timer: were the write waiting synchronously, this could never fire.
    setTimeout(() => lock.release(), 300);
    try {
      const saved = await store.upsertSubscription(sub, now);
      expect(saved.time).toBe("09:00");
      expect(ticker.ticks()).toBeGreaterThan(5);
    } finally {
      ticker.stop();
    }
    expect((await store.getSubscription("C1"))?.time).toBe("09:00");
  });

  it("reads at once while the lock is held (WAL readers never wait for the writer)", async () => {
    const dir = tempDir();
    const store = openStore(dir, { retry: { budgetMs: 50 } });
    await store.upsertSubscription(sub, now);
    holdWriteLock(dir);
    expect((await store.getSubscription("C1"))?.time).toBe("09:00");
  });

  it("rejects with StateBusyError past its budget, and has written nothing", async () => {
    const dir = tempDir();
    const store = openStore(dir, { retry: { budgetMs: 200 } });
    const lock = holdWriteLock(dir);
    const started = performance.now();
    const failed = await store.upsertSubscription(sub, now).then(
      () => null,
      (error: unknown) => error,
    );
    const waited = performance.now() - started;
    expect(failed).toBeInstanceOf(StateBusyError);
    expect((failed as StateBusyError).kind).toBe("busy");
    expect((failed as StateBusyError).message).toMatch(/locked by another process .*nothing was written/);
    // It tried for the whole budget, and gave up soon after it (generous: the machine may be loaded).
    expect(waited).toBeGreaterThanOrEqual(190);
    expect(waited).toBeLessThan(3_000);
    lock.release();
    expect(await store.getSubscription("C1")).toBeNull();
  });

  it("re-runs a whole transaction (the flag limit's count and insert) after the lock is released", async () => {
    const dir = tempDir();
    const store = openStore(dir);
    const lock = holdWriteLock(dir);
    setTimeout(() => lock.release(), 150);
    const flag = {
      channel: "C1",
      messageTs: "1.1",
      threadTs: null,
      user: "U1",
      figures: ["800"],
      outcome: "flagged",
      at: now.toISOString(),
    };
    expect(await store.claimFlag(flag, { max: 1, after: new Date(now.getTime() - 60_000) })).toBe(true);
    expect(await store.flagsSince("C1", new Date(0))).toHaveLength(1);
  });

  it("does the same for the curation store on the same file", async () => {
    const dir = tempDir();
    const hasty = openCuration(dir, { retry: { budgetMs: 150 } });
    const patient = openCuration(dir);
    const lock = holdWriteLock(dir);
    const proposal = sampleProposal("p-lock", now.toISOString());
    await expect(hasty.saveProposal(proposal)).rejects.toBeInstanceOf(StateBusyError);
    expect(await hasty.listProposals()).toEqual([]);
    setTimeout(() => lock.release(), 150);
    await patient.saveProposal(proposal);
    expect((await hasty.listProposals()).map((p) => p.id)).toEqual(["p-lock"]);
  });
});
