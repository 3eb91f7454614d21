import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { migrations } from "./migrations.ts";
import { runMigrations } from "./run-migrations.ts";
import { createSqliteOutbox } from "./sqlite-outbox.ts";
import {
  FlagModeSchema,
  type FlagRow,
  SEEN_EVENT_RETENTION_MS,
  type SubscriptionRow,
  toFlag,
  toSubscription,
} from "./state-rows.ts";
import type { FeedbackRecord, FlagMode, FlagRecord, PinnedSummary, Store } from "./store.ts";

/** The database file inside TALLY_STATE_DIR. */
export const STATE_FILE_NAME = "tally.db";

/** How long another process may hold the write lock before a write gives up (ms). */
const BUSY_TIMEOUT_MS = 5_000;

/** How many times opening retries when another process holds the file mid-setup (see `retryWhileBusy`). */
const OPEN_ATTEMPTS = 40;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `setup`, retrying on SQLITE_BUSY. busy_timeout does not cover everything at open: when two processes
 * both hold a read lock and both want to switch a fresh file to WAL, SQLite refuses one at once (waiting
 * could deadlock) instead of calling the busy handler. A short random pause breaks the tie.
 */
function retryWhileBusy(setup: () => void): void {
  for (let attempt = 1; ; attempt += 1) {
    try {
      setup();
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const busy = typeof code === "string" && code.startsWith("SQLITE_BUSY");
      if (!busy || attempt >= OPEN_ATTEMPTS) throw error;
      sleepSync(10 + Math.random() * 90);
    }
  }
}

/**
 * Opens (creating if needed) the SQLite state database in `dir`, or an in-memory one for ":memory:",
 * and runs any pending migrations. WAL lets readers and the writer of several instances share the file.
 * Opening stays synchronous (a bad folder fails at start-up, before anything listens); every store method is
 * async for the port, though better-sqlite3 answers at once, and a throw inside one becomes a rejection.
 */
export function openSqliteStore(dir: string): Store {
  return createSqliteStore(openStateDatabase(dir));
}

/**
 * The connection both stores use (`tally.db` in `dir`, or ":memory:"), set up and migrated; each store opens
 * its own.
 */
export function openStateDatabase(dir: string): Database.Database {
  let file = ":memory:";
  if (dir !== ":memory:") {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new Error(`TALLY_STATE_DIR ${dir} could not be created: ${(error as Error).message}`);
    }
    file = join(dir, STATE_FILE_NAME);
  }
  const db = new Database(file);
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma("foreign_keys = ON");
    retryWhileBusy(() => {
      if (file !== ":memory:") db.pragma("journal_mode = WAL");
      runMigrations(db, migrations);
    });
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function createSqliteStore(db: Database.Database): Store {
  const subscriptionSelect = `
    SELECT s.channel, s.time, s.time_zone, s.subscribed_by, s.created_at,
      (SELECT MAX(d.day) FROM summary_days d WHERE d.channel = s.channel) AS last_posted_day
    FROM subscriptions s`;
  const q = {
    getSubscription: db.prepare<[string], SubscriptionRow>(`${subscriptionSelect} WHERE s.channel = ?`),
    listSubscriptions: db.prepare<[], SubscriptionRow>(`${subscriptionSelect} ORDER BY s.channel`),
    upsertSubscription: db.prepare<[string, string, string, string, string]>(
      `INSERT INTO subscriptions (channel, time, time_zone, subscribed_by, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (channel) DO UPDATE SET time = excluded.time, time_zone = excluded.time_zone,
         subscribed_by = excluded.subscribed_by, created_at = excluded.created_at`,
    ),
    deleteSubscription: db.prepare<[string]>("DELETE FROM subscriptions WHERE channel = ?"),
    claimDay: db.prepare<[string, string, string]>(
      "INSERT OR IGNORE INTO summary_days (channel, day, claimed_at) VALUES (?, ?, ?)",
    ),
    releaseDay: db.prepare<[string, string]>("DELETE FROM summary_days WHERE channel = ? AND day = ?"),
    watched: db.prepare<[string], { topic_id: string }>(
      "SELECT topic_id FROM watched_topics WHERE channel = ? ORDER BY added_at, topic_id",
    ),
    watch: db.prepare<[string, string, string]>(
      "INSERT OR IGNORE INTO watched_topics (channel, topic_id, added_at) VALUES (?, ?, ?)",
    ),
    unwatch: db.prepare<[string, string]>("DELETE FROM watched_topics WHERE channel = ? AND topic_id = ?"),
    getPin: db.prepare<[string], { channel: string; ts: string; posted_at: string }>(
      "SELECT channel, ts, posted_at FROM pinned_summaries WHERE channel = ?",
    ),
    setPin: db.prepare<[string, string, string]>(
      `INSERT INTO pinned_summaries (channel, ts, posted_at) VALUES (?, ?, ?)
       ON CONFLICT (channel) DO UPDATE SET ts = excluded.ts, posted_at = excluded.posted_at`,
    ),
    clearPin: db.prepare<[string]>("DELETE FROM pinned_summaries WHERE channel = ?"),
    getSnapshot: db.prepare<[string], { at: string; data: string }>(
      "SELECT at, data FROM summary_snapshots WHERE channel = ?",
    ),
    saveSnapshot: db.prepare<[string, string, string]>(
      `INSERT INTO summary_snapshots (channel, at, data) VALUES (?, ?, ?)
       ON CONFLICT (channel) DO UPDATE SET at = excluded.at, data = excluded.data`,
    ),
    getFlagMode: db.prepare<[string], { mode: string }>("SELECT mode FROM flag_modes WHERE channel = ?"),
    setFlagMode: db.prepare<[string, string]>(
      `INSERT INTO flag_modes (channel, mode) VALUES (?, ?)
       ON CONFLICT (channel) DO UPDATE SET mode = excluded.mode`,
    ),
    markSeen: db.prepare<[string, string]>(
      "INSERT OR IGNORE INTO seen_events (event_id, seen_at) VALUES (?, ?)",
    ),
    pruneSeen: db.prepare<[string]>("DELETE FROM seen_events WHERE seen_at < ?"),
    recordFlag: db.prepare<[string, string, string | null, string | null, string, string, string]>(
      `INSERT INTO flags (channel, message_ts, thread_ts, user, figures, outcome, at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    flagsSince: db.prepare<[string, string], FlagRow>(
      `SELECT channel, message_ts, thread_ts, user, figures, outcome, at FROM flags
       WHERE channel = ? AND at >= ? ORDER BY at, id`,
    ),
    slotsTaken: db.prepare<[string, string], { n: number }>(
      `SELECT COUNT(*) AS n FROM flags WHERE channel = ? AND at > ? AND outcome <> 'rate-limited'`,
    ),
    setFlagOutcome: db.prepare<[string, string, string]>(
      "UPDATE flags SET outcome = ? WHERE channel = ? AND message_ts = ? AND outcome <> 'rate-limited'",
    ),
    recordFeedback: db.prepare<[string | null, string | null, string, string | null, string, string]>(
      "INSERT INTO feedback (channel, user, question, topic_id, kind, at) VALUES (?, ?, ?, ?, ?, ?)",
    ),
  };

  const insertFlag = (flag: FlagRecord) =>
    q.recordFlag.run(
      flag.channel,
      flag.messageTs,
      flag.threadTs,
      flag.user,
      JSON.stringify(flag.figures),
      flag.outcome,
      flag.at,
    );
  // IMMEDIATE takes the write lock before the count, so another process cannot count in between.
  const claimFlag = db.transaction((flag: FlagRecord, max: number, after: string): boolean => {
    if ((q.slotsTaken.get(flag.channel, after)?.n ?? 0) >= max) return false;
    insertFlag(flag);
    return true;
  });

  return {
    ...createSqliteOutbox(db),
    async getSubscription(channel) {
      const row = q.getSubscription.get(channel);
      return row ? toSubscription(row) : null;
    },
    async listSubscriptions() {
      return q.listSubscriptions.all().map(toSubscription);
    },
    async upsertSubscription(sub, now) {
      q.upsertSubscription.run(sub.channel, sub.time, sub.timeZone, sub.subscribedBy, now.toISOString());
      const row = q.getSubscription.get(sub.channel);
      if (!row) throw new Error(`subscription for ${sub.channel} vanished right after it was saved`);
      return toSubscription(row);
    },
    async deleteSubscription(channel) {
      return q.deleteSubscription.run(channel).changes > 0;
    },
    async claimSummaryDay(channel, day, now) {
      return q.claimDay.run(channel, day, now.toISOString()).changes === 1;
    },
    async releaseSummaryDay(channel, day) {
      q.releaseDay.run(channel, day);
    },

    async watchedTopics(channel) {
      return q.watched.all(channel).map((r) => r.topic_id);
    },
    async watchTopic(channel, topicId, now) {
      q.watch.run(channel, topicId, now.toISOString());
    },
    async unwatchTopic(channel, topicId) {
      return q.unwatch.run(channel, topicId).changes > 0;
    },

    async getPinnedSummary(channel): Promise<PinnedSummary | null> {
      const row = q.getPin.get(channel);
      return row ? { channel: row.channel, ts: row.ts, postedAt: row.posted_at } : null;
    },
    async setPinnedSummary(pin, channel) {
      if (pin === null) q.clearPin.run(channel);
      else q.setPin.run(channel, pin.ts, pin.postedAt);
    },
    async lastSummarySnapshot(channel) {
      const row = q.getSnapshot.get(channel);
      if (!row) return null;
      try {
        return { at: row.at, data: JSON.parse(row.data) as unknown };
      } catch {
        // A corrupt snapshot only costs the "what changed" lines; treat it as none.
        return null;
      }
    },
    async saveSummarySnapshot(channel, at, data) {
      q.saveSnapshot.run(channel, at.toISOString(), JSON.stringify(data));
    },

    async flagMode(channel): Promise<FlagMode> {
      const row = q.getFlagMode.get(channel);
      const parsed = FlagModeSchema.safeParse(row?.mode);
      return parsed.success ? parsed.data : "on";
    },
    async setFlagMode(channel, mode) {
      q.setFlagMode.run(channel, FlagModeSchema.parse(mode));
    },
    async markEventSeen(eventId, now) {
      q.pruneSeen.run(new Date(now.getTime() - SEEN_EVENT_RETENTION_MS).toISOString());
      return q.markSeen.run(eventId, now.toISOString()).changes === 1;
    },
    async recordFlag(flag) {
      insertFlag(flag);
    },
    async flagsSince(channel, since) {
      return q.flagsSince.all(channel, since.toISOString()).map(toFlag);
    },
    async claimFlag(flag, limit) {
      return claimFlag.immediate(flag, limit.max, limit.after.toISOString());
    },
    async setFlagOutcome(channel, messageTs, outcome) {
      q.setFlagOutcome.run(outcome, channel, messageTs);
    },

    async recordFeedback(feedback: FeedbackRecord) {
      q.recordFeedback.run(
        feedback.channel,
        feedback.user,
        feedback.question,
        feedback.topicId,
        feedback.kind,
        feedback.at,
      );
    },

    async close() {
      if (db.open) db.close();
    },
  };
}
