import type Database from "better-sqlite3";
import type { IntegrityReport } from "./integrity-checks.ts";
import { createSqliteOutbox } from "./sqlite-outbox.ts";
import { openStateDatabase } from "./sqlite-state-database.ts";
import { createSqliteGuard, type SqliteStateOptions } from "./sqlite-state-guard.ts";
import {
  FlagModeSchema,
  type FlagRow,
  SEEN_EVENT_RETENTION_MS,
  type SubscriptionRow,
  toFlag,
  toSubscription,
} from "./state-rows.ts";
import type { FeedbackRecord, FlagMode, FlagRecord, PinnedSummary, Store } from "./store.ts";

export { STATE_FILE_NAME } from "./sqlite-state-database.ts";

/**
 * Opens (creating if needed) the SQLite state database in `dir`, or an in-memory one for ":memory:",
 * and runs any pending migrations. WAL lets readers and the writer of several instances share the file.
 * Opening stays synchronous (a bad folder or a damaged file fails at start-up, before anything listens).
 * Every method is async: a statement that finds the file locked by another process is retried after a
 * timer, never by blocking the event loop, and fails with the typed errors of state-errors.ts.
 */
export function openSqliteStore(dir: string, options: SqliteStateOptions = {}): Store {
  return createSqliteStore(openStateDatabase(dir), options);
}

function createSqliteStore(db: Database.Database, options: SqliteStateOptions): Store {
  const guard = createSqliteGuard(db, options);
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

  // Each write of two statements is one transaction, so a retry after SQLITE_BUSY re-runs all of it.
  const upsertSubscription = db.transaction(
    (channel: string, ...values: [string, string, string, string]) => {
      q.upsertSubscription.run(channel, ...values);
      const row = q.getSubscription.get(channel);
      if (!row) throw new Error(`subscription for ${channel} vanished right after it was saved`);
      return toSubscription(row);
    },
  );
  const markEventSeen = db.transaction((eventId: string, now: Date): boolean => {
    q.pruneSeen.run(new Date(now.getTime() - SEEN_EVENT_RETENTION_MS).toISOString());
    return q.markSeen.run(eventId, now.toISOString()).changes === 1;
  });
  const { read, write } = guard;

  return {
    ...createSqliteOutbox(db, guard),
    getSubscription: (channel) =>
      read(() => {
        const row = q.getSubscription.get(channel);
        return row ? toSubscription(row) : null;
      }),
    listSubscriptions: () => read(() => q.listSubscriptions.all().map(toSubscription)),
    upsertSubscription: (sub, now) =>
      write(() =>
        upsertSubscription.immediate(
          sub.channel,
          sub.time,
          sub.timeZone,
          sub.subscribedBy,
          now.toISOString(),
        ),
      ),
    deleteSubscription: (channel) => write(() => q.deleteSubscription.run(channel).changes > 0),
    claimSummaryDay: (channel, day, now) =>
      write(() => q.claimDay.run(channel, day, now.toISOString()).changes === 1),
    releaseSummaryDay: (channel, day) =>
      write(() => {
        q.releaseDay.run(channel, day);
      }),

    watchedTopics: (channel) => read(() => q.watched.all(channel).map((r) => r.topic_id)),
    watchTopic: (channel, topicId, now) =>
      write(() => {
        q.watch.run(channel, topicId, now.toISOString());
      }),
    unwatchTopic: (channel, topicId) => write(() => q.unwatch.run(channel, topicId).changes > 0),

    getPinnedSummary: (channel) =>
      read((): PinnedSummary | null => {
        const row = q.getPin.get(channel);
        return row ? { channel: row.channel, ts: row.ts, postedAt: row.posted_at } : null;
      }),
    setPinnedSummary: (pin, channel) =>
      write(() => {
        if (pin === null) q.clearPin.run(channel);
        else q.setPin.run(channel, pin.ts, pin.postedAt);
      }),
    lastSummarySnapshot: (channel) =>
      read(() => {
        const row = q.getSnapshot.get(channel);
        if (!row) return null;
        try {
          return { at: row.at, data: JSON.parse(row.data) as unknown };
        } catch {
          // A corrupt snapshot only costs the "what changed" lines; treat it as none.
          return null;
        }
      }),
    saveSummarySnapshot: (channel, at, data) =>
      write(() => {
        q.saveSnapshot.run(channel, at.toISOString(), JSON.stringify(data));
      }),

    flagMode: (channel) =>
      read((): FlagMode => {
        const row = q.getFlagMode.get(channel);
        const parsed = FlagModeSchema.safeParse(row?.mode);
        return parsed.success ? parsed.data : "on";
      }),
    setFlagMode: (channel, mode) =>
      write(() => {
        q.setFlagMode.run(channel, FlagModeSchema.parse(mode));
      }),
    markEventSeen: (eventId, now) => write(() => markEventSeen.immediate(eventId, now)),
    recordFlag: (flag) =>
      write(() => {
        insertFlag(flag);
      }),
    flagsSince: (channel, since) => read(() => q.flagsSince.all(channel, since.toISOString()).map(toFlag)),
    claimFlag: (flag, limit) => write(() => claimFlag.immediate(flag, limit.max, limit.after.toISOString())),
    setFlagOutcome: (channel, messageTs, outcome) =>
      write(() => {
        q.setFlagOutcome.run(outcome, channel, messageTs);
      }),

    recordFeedback: (feedback: FeedbackRecord) =>
      write(() => {
        q.recordFeedback.run(
          feedback.channel,
          feedback.user,
          feedback.question,
          feedback.topicId,
          feedback.kind,
          feedback.at,
        );
      }),

    checkIntegrity: (): Promise<IntegrityReport> => guard.checkIntegrity(),

    async close() {
      if (db.open) db.close();
    },
  };
}
