import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { migrations } from "../../src/store/migrations.ts";
import { openSqliteStore, STATE_FILE_NAME } from "../../src/store/sqlite-store.ts";
import type { Store } from "../../src/store/store.ts";

const now = new Date("2025-06-12T08:00:00.000Z");
const later = (ms: number) => new Date(now.getTime() + ms);

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

afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

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

  it("reopens an existing database without re-running migrations", () => {
    const dir = tempDir();
    const first = open(dir);
    first.upsertSubscription({ channel: "C1", time: "09:00", timeZone: "UTC", subscribedBy: "U1" }, now);
    first.close();
    const second = open(dir);
    expect(second.getSubscription("C1")?.time).toBe("09:00");
  });

  it("refuses a database written by a newer schema, naming the versions", () => {
    const dir = tempDir();
    open(dir).close();
    const raw = new Database(join(dir, STATE_FILE_NAME));
    raw.pragma(`user_version = ${migrations.length + 5}`);
    raw.close();
    expect(() => openSqliteStore(dir)).toThrow(/schema version \d+, newer than this build knows/);
  });
});

describe("subscriptions", () => {
  it("saves, lists, replaces and deletes a channel's subscription", () => {
    const store = open(":memory:");
    const sub = store.upsertSubscription(
      { channel: "C1", time: "09:00", timeZone: "Europe/London", subscribedBy: "U1" },
      now,
    );
    expect(sub).toEqual({
      channel: "C1",
      time: "09:00",
      timeZone: "Europe/London",
      subscribedBy: "U1",
      createdAt: now.toISOString(),
      lastPostedDay: null,
    });
    const replaced = store.upsertSubscription(
      { channel: "C1", time: "07:30", timeZone: "UTC", subscribedBy: "U2" },
      later(60_000),
    );
    expect(replaced.time).toBe("07:30");
    expect(replaced.createdAt).toBe(later(60_000).toISOString());
    store.upsertSubscription({ channel: "C0", time: "10:00", timeZone: "UTC", subscribedBy: "U1" }, now);
    expect(store.listSubscriptions().map((s) => s.channel)).toEqual(["C0", "C1"]);
    expect(store.deleteSubscription("C1")).toBe(true);
    expect(store.deleteSubscription("C1")).toBe(false);
    expect(store.getSubscription("C1")).toBeNull();
  });

  it("claims a channel's day once, reports it as last posted, and gives it back on release", () => {
    const store = open(":memory:");
    store.upsertSubscription({ channel: "C1", time: "09:00", timeZone: "UTC", subscribedBy: "U1" }, now);
    expect(store.claimSummaryDay("C1", "2025-06-12", now)).toBe(true);
    expect(store.claimSummaryDay("C1", "2025-06-12", now)).toBe(false);
    expect(store.claimSummaryDay("C2", "2025-06-12", now)).toBe(true);
    expect(store.getSubscription("C1")?.lastPostedDay).toBe("2025-06-12");
    store.releaseSummaryDay("C1", "2025-06-12");
    expect(store.getSubscription("C1")?.lastPostedDay).toBeNull();
    expect(store.claimSummaryDay("C1", "2025-06-12", now)).toBe(true);
  });

  it("lets only one of two stores sharing a file claim the same day", () => {
    const dir = tempDir();
    const a = open(dir);
    const b = open(dir);
    const results = [a.claimSummaryDay("C1", "2025-06-12", now), b.claimSummaryDay("C1", "2025-06-12", now)];
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(b.claimSummaryDay("C1", "2025-06-12", now)).toBe(false);
    expect(a.claimSummaryDay("C1", "2025-06-13", now)).toBe(true);
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

  it("keeps subscriptions, pins and claimed days across a reopen", () => {
    const dir = tempDir();
    const first = open(dir);
    first.upsertSubscription({ channel: "C1", time: "09:00", timeZone: "UTC", subscribedBy: "U1" }, now);
    first.claimSummaryDay("C1", "2025-06-12", now);
    first.setPinnedSummary({ channel: "C1", ts: "1718179200.000100", postedAt: now.toISOString() }, "C1");
    first.close();
    const second = open(dir);
    expect(second.getSubscription("C1")?.lastPostedDay).toBe("2025-06-12");
    expect(second.claimSummaryDay("C1", "2025-06-12", now)).toBe(false);
    expect(second.getPinnedSummary("C1")?.ts).toBe("1718179200.000100");
  });
});

describe("watched topics, pins and snapshots", () => {
  it("watches a topic once, lists in the order watched, and unwatches", () => {
    const store = open(":memory:");
    store.watchTopic("C1", "russia-killed", now);
    store.watchTopic("C1", "ukraine-killed", later(1000));
    store.watchTopic("C1", "russia-killed", later(2000));
    expect(store.watchedTopics("C1")).toEqual(["russia-killed", "ukraine-killed"]);
    expect(store.watchedTopics("C2")).toEqual([]);
    expect(store.unwatchTopic("C1", "russia-killed")).toBe(true);
    expect(store.unwatchTopic("C1", "russia-killed")).toBe(false);
    expect(store.watchedTopics("C1")).toEqual(["ukraine-killed"]);
  });

  it("replaces and clears the pinned summary of a channel", () => {
    const store = open(":memory:");
    expect(store.getPinnedSummary("C1")).toBeNull();
    store.setPinnedSummary({ channel: "C1", ts: "1.1", postedAt: now.toISOString() }, "C1");
    store.setPinnedSummary({ channel: "C1", ts: "2.2", postedAt: later(1).toISOString() }, "C1");
    expect(store.getPinnedSummary("C1")).toEqual({
      channel: "C1",
      ts: "2.2",
      postedAt: later(1).toISOString(),
    });
    store.setPinnedSummary(null, "C1");
    expect(store.getPinnedSummary("C1")).toBeNull();
  });

  it("keeps the latest summary snapshot per channel as JSON", () => {
    const store = open(":memory:");
    expect(store.lastSummarySnapshot("C1")).toBeNull();
    store.saveSummarySnapshot("C1", now, { topics: { a: 1 } });
    store.saveSummarySnapshot("C1", later(5), { topics: { a: 2 } });
    expect(store.lastSummarySnapshot("C1")).toEqual({
      at: later(5).toISOString(),
      data: { topics: { a: 2 } },
    });
  });
});

describe("flagging and feedback state", () => {
  it("defaults a channel's flag mode to on and remembers a change", () => {
    const store = open(":memory:");
    expect(store.flagMode("C1")).toBe("on");
    store.setFlagMode("C1", "quiet");
    expect(store.flagMode("C1")).toBe("quiet");
  });

  it("recognises a retried event id, and forgets ids older than a day", () => {
    const store = open(":memory:");
    expect(store.markEventSeen("Ev1", now)).toBe(true);
    expect(store.markEventSeen("Ev1", later(60_000))).toBe(false);
    expect(store.markEventSeen("Ev2", later(25 * 3600_000))).toBe(true);
    // Ev1 was pruned by the call above, so it reads as new again.
    expect(store.markEventSeen("Ev1", later(25 * 3600_000))).toBe(true);
  });

  it("returns a channel's flags since a time, with their figures", () => {
    const store = open(":memory:");
    const flag = (at: Date, channel = "C1") => ({
      channel,
      messageTs: "1.1",
      threadTs: null,
      user: "U1",
      figures: ["800,000"],
      outcome: "flagged",
      at: at.toISOString(),
    });
    store.recordFlag(flag(now));
    store.recordFlag(flag(later(10)));
    store.recordFlag(flag(later(20), "C2"));
    const since = store.flagsSince("C1", later(5));
    expect(since).toHaveLength(1);
    expect(since[0]?.figures).toEqual(["800,000"]);
  });

  it("records feedback", () => {
    const dir = tempDir();
    const store = open(dir);
    store.recordFeedback({
      channel: "C1",
      user: "U1",
      question: "how many drones?",
      topicId: null,
      kind: "not-what-i-asked",
      at: now.toISOString(),
    });
    store.close();
    const raw = new Database(join(dir, STATE_FILE_NAME), { readonly: true });
    expect(raw.prepare("SELECT question FROM feedback").all()).toEqual([{ question: "how many drones?" }]);
    raw.close();
  });
});
