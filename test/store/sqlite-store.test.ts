import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { migrations } from "../../src/store/migrations.ts";
import { openSqliteStore, STATE_FILE_NAME } from "../../src/store/sqlite-store.ts";
import type { Store } from "../../src/store/store.ts";
import { describeStoreContract } from "./store-contract.ts";

const now = new Date("2025-06-12T08:00:00.000Z");

const opened: Store[] = [];
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "tally-store-"));
  dirs.push(dir);
  return dir;
}
function open(dir: string): Store {
  const store = openSqliteStore(dir);
  opened.push(store);
  return store;
}

afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describeStoreContract("sqlite :memory:", async () => openSqliteStore(":memory:"));

describeStoreContract(
  "sqlite state folder",
  async () => openSqliteStore(tempDir()),
  async () => {
    const dir = tempDir();
    return [openSqliteStore(dir), openSqliteStore(dir)];
  },
);

describe("openSqliteStore", () => {
  it("creates the state directory, the database file in WAL mode and the latest schema version", () => {
    const dir = join(tempDir(), "nested", "state");
    open(dir);
    const raw = new Database(join(dir, STATE_FILE_NAME), { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(raw.pragma("user_version", { simple: true })).toBe(migrations.length);
    const tables = raw
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        "subscriptions",
        "watched_topics",
        "pinned_summaries",
        "summary_days",
        "summary_snapshots",
        "flag_modes",
        "seen_events",
        "flags",
        "feedback",
        "proposed_claims",
      ]),
    );
    raw.close();
  });

  it("reopens an existing database without re-running migrations", async () => {
    const dir = tempDir();
    const first = open(dir);
    await first.upsertSubscription(
      { channel: "C1", time: "09:00", timeZone: "UTC", subscribedBy: "U1" },
      now,
    );
    await first.close();
    const second = open(dir);
    expect((await second.getSubscription("C1"))?.time).toBe("09:00");
  });

  it("refuses a database written by a newer schema, naming the versions", async () => {
    const dir = tempDir();
    await open(dir).close();
    const raw = new Database(join(dir, STATE_FILE_NAME));
    raw.pragma(`user_version = ${migrations.length + 5}`);
    raw.close();
    expect(() => openSqliteStore(dir)).toThrow(/schema version \d+, newer than this build knows/);
  });

  it("lets only one of several processes opening a fresh file at once claim the same day", async () => {
    const dir = tempDir();
    const child = join(import.meta.dirname, "claim-day-child.ts");
    const startAt = String(Date.now() + 1500);
    const runs = Array.from({ length: 4 }, () =>
      promisify(execFile)(process.execPath, ["--import", "tsx", child, dir, startAt], { cwd: process.cwd() }),
    );
    const outputs = (await Promise.all(runs)).map((r) => r.stdout).sort();
    expect(outputs).toEqual(["claimed", "taken", "taken", "taken"]);
  });

  it("keeps subscriptions, pins and claimed days across a reopen", async () => {
    const dir = tempDir();
    const first = open(dir);
    await first.upsertSubscription(
      { channel: "C1", time: "09:00", timeZone: "UTC", subscribedBy: "U1" },
      now,
    );
    await first.claimSummaryDay("C1", "2025-06-12", now);
    await first.setPinnedSummary(
      { channel: "C1", ts: "1718179200.000100", postedAt: now.toISOString() },
      "C1",
    );
    await first.close();
    const second = open(dir);
    expect((await second.getSubscription("C1"))?.lastPostedDay).toBe("2025-06-12");
    expect(await second.claimSummaryDay("C1", "2025-06-12", now)).toBe(false);
    expect((await second.getPinnedSummary("C1"))?.ts).toBe("1718179200.000100");
  });

  it("writes feedback to the feedback table", async () => {
    const dir = tempDir();
    const store = open(dir);
    await store.recordFeedback({
      channel: "C1",
      user: "U1",
      question: "how many drones?",
      topicId: null,
      kind: "not-what-i-asked",
      at: now.toISOString(),
    });
    await store.close();
    const raw = new Database(join(dir, STATE_FILE_NAME), { readonly: true });
    expect(raw.prepare("SELECT question FROM feedback").all()).toEqual([{ question: "how many drones?" }]);
    raw.close();
  });

  it("reads a corrupt summary snapshot as none, so only the 'what changed' lines are lost", async () => {
    const dir = tempDir();
    const store = open(dir);
    await store.saveSummarySnapshot("C1", now, { topics: {} });
    const raw = new Database(join(dir, STATE_FILE_NAME));
    raw.prepare("UPDATE summary_snapshots SET data = '{not json' WHERE channel = 'C1'").run();
    raw.close();
    expect(await store.lastSummarySnapshot("C1")).toBeNull();
  });

  it("turns a failed statement into a rejected promise, not a throw", async () => {
    const store = open(":memory:");
    await store.close();
    const pending = store.getSubscription("C1");
    expect(pending).toBeInstanceOf(Promise);
    await expect(pending).rejects.toThrow(/database connection is not open/);
  });
});
