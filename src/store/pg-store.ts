import type pg from "pg";
import { createPgOutbox } from "./pg-outbox.ts";
import {
  FlagModeSchema,
  type FlagRow,
  SEEN_EVENT_RETENTION_MS,
  type SubscriptionRow,
  toFlag,
  toSubscription,
} from "./state-rows.ts";
import type { FlagMode, FlagRecord, PinnedSummary, Store } from "./store.ts";

/**
 * The class key of the transaction-scoped advisory locks that serialise flag claims per channel (the second
 * key is the channel's hash): READ COMMITTED alone would let two instances count the same free slot.
 * Two-key locks live apart from the migrations' one-key lock.
 */
const FLAG_LOCK_CLASS = 7_461;

const SUBSCRIPTION_COLUMNS = `s.channel, s.time, s.time_zone, s.subscribed_by, s.created_at,
  (SELECT MAX(d.day) FROM summary_days d WHERE d.channel = s.channel) AS last_posted_day`;

const INSERT_FLAG = `INSERT INTO flags (channel, message_ts, thread_ts, "user", figures, outcome, at)
  VALUES ($1, $2, $3, $4, $5, $6, $7)`;
const flagValues = (flag: FlagRecord) => [
  flag.channel,
  flag.messageTs,
  flag.threadTs,
  flag.user,
  JSON.stringify(flag.figures),
  flag.outcome,
  flag.at,
];

/**
 * The main state store on a PostgreSQL database migrated by `openPgDatabase`. The pool belongs to the caller:
 * `close` leaves it open, since the curation store shares it. Each check-and-set is one statement
 * (INSERT … ON CONFLICT DO NOTHING RETURNING), so instances sharing the database get one winner.
 */
export function openPgStore(pool: pg.Pool): Store {
  const rows = async <Row extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
    (await pool.query<Row>(text, values)).rows;
  const changed = async (text: string, values: unknown[]) =>
    ((await pool.query(text, values)).rowCount ?? 0) > 0;

  return {
    ...createPgOutbox(pool),
    async getSubscription(channel) {
      const [row] = await rows<SubscriptionRow>(
        `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions s WHERE s.channel = $1`,
        [channel],
      );
      return row ? toSubscription(row) : null;
    },
    async listSubscriptions() {
      const found = await rows<SubscriptionRow>(
        `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions s ORDER BY s.channel`,
      );
      return found.map(toSubscription);
    },
    async upsertSubscription(sub, now) {
      // One statement: the row returned is the one this call wrote, with the days claimed before it.
      const [row] = await rows<SubscriptionRow>(
        `INSERT INTO subscriptions AS s (channel, time, time_zone, subscribed_by, created_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (channel) DO UPDATE SET time = excluded.time, time_zone = excluded.time_zone,
           subscribed_by = excluded.subscribed_by, created_at = excluded.created_at
         RETURNING ${SUBSCRIPTION_COLUMNS}`,
        [sub.channel, sub.time, sub.timeZone, sub.subscribedBy, now.toISOString()],
      );
      if (!row) throw new Error(`subscription for ${sub.channel} was not returned by its upsert`);
      return toSubscription(row);
    },
    async deleteSubscription(channel) {
      return changed("DELETE FROM subscriptions WHERE channel = $1", [channel]);
    },
    async claimSummaryDay(channel, day, now) {
      const claimed = await rows(
        `INSERT INTO summary_days (channel, day, claimed_at) VALUES ($1, $2, $3)
         ON CONFLICT (channel, day) DO NOTHING RETURNING day`,
        [channel, day, now.toISOString()],
      );
      return claimed.length === 1;
    },
    async releaseSummaryDay(channel, day) {
      await pool.query("DELETE FROM summary_days WHERE channel = $1 AND day = $2", [channel, day]);
    },

    async watchedTopics(channel) {
      const found = await rows<{ topic_id: string }>(
        "SELECT topic_id FROM watched_topics WHERE channel = $1 ORDER BY added_at, topic_id",
        [channel],
      );
      return found.map((r) => r.topic_id);
    },
    async watchTopic(channel, topicId, now) {
      await pool.query(
        `INSERT INTO watched_topics (channel, topic_id, added_at) VALUES ($1, $2, $3)
         ON CONFLICT (channel, topic_id) DO NOTHING`,
        [channel, topicId, now.toISOString()],
      );
    },
    async unwatchTopic(channel, topicId) {
      return changed("DELETE FROM watched_topics WHERE channel = $1 AND topic_id = $2", [channel, topicId]);
    },

    async getPinnedSummary(channel): Promise<PinnedSummary | null> {
      const [row] = await rows<{ channel: string; ts: string; posted_at: string }>(
        "SELECT channel, ts, posted_at FROM pinned_summaries WHERE channel = $1",
        [channel],
      );
      return row ? { channel: row.channel, ts: row.ts, postedAt: row.posted_at } : null;
    },
    async setPinnedSummary(pin, channel) {
      if (pin === null) {
        await pool.query("DELETE FROM pinned_summaries WHERE channel = $1", [channel]);
        return;
      }
      await pool.query(
        `INSERT INTO pinned_summaries (channel, ts, posted_at) VALUES ($1, $2, $3)
         ON CONFLICT (channel) DO UPDATE SET ts = excluded.ts, posted_at = excluded.posted_at`,
        [channel, pin.ts, pin.postedAt],
      );
    },
    async lastSummarySnapshot(channel) {
      const [row] = await rows<{ at: string; data: string }>(
        "SELECT at, data FROM summary_snapshots WHERE channel = $1",
        [channel],
      );
      if (!row) return null;
      try {
        return { at: row.at, data: JSON.parse(row.data) as unknown };
      } catch {
        // A corrupt snapshot only costs the "what changed" lines; treat it as none.
        return null;
      }
    },
    async saveSummarySnapshot(channel, at, data) {
      await pool.query(
        `INSERT INTO summary_snapshots (channel, at, data) VALUES ($1, $2, $3)
         ON CONFLICT (channel) DO UPDATE SET at = excluded.at, data = excluded.data`,
        [channel, at.toISOString(), JSON.stringify(data)],
      );
    },

    async flagMode(channel): Promise<FlagMode> {
      const [row] = await rows<{ mode: string }>("SELECT mode FROM flag_modes WHERE channel = $1", [channel]);
      const parsed = FlagModeSchema.safeParse(row?.mode);
      return parsed.success ? parsed.data : "on";
    },
    async setFlagMode(channel, mode) {
      await pool.query(
        `INSERT INTO flag_modes (channel, mode) VALUES ($1, $2)
         ON CONFLICT (channel) DO UPDATE SET mode = excluded.mode`,
        [channel, FlagModeSchema.parse(mode)],
      );
    },
    async markEventSeen(eventId, now) {
      // Two statements: an id pruned here may be seen again in the insert that follows.
      await pool.query("DELETE FROM seen_events WHERE seen_at < $1", [
        new Date(now.getTime() - SEEN_EVENT_RETENTION_MS).toISOString(),
      ]);
      const fresh = await rows(
        `INSERT INTO seen_events (event_id, seen_at) VALUES ($1, $2)
         ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
        [eventId, now.toISOString()],
      );
      return fresh.length === 1;
    },
    async recordFlag(flag) {
      await pool.query(INSERT_FLAG, flagValues(flag));
    },
    async claimFlag(flag, limit) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [FLAG_LOCK_CLASS, flag.channel]);
        // A statement after the lock sees every claim committed before it was granted.
        const taken = await client.query<{ n: number }>(
          `SELECT COUNT(*)::int AS n FROM flags WHERE channel = $1 AND at > $2 AND outcome <> 'rate-limited'`,
          [flag.channel, limit.after.toISOString()],
        );
        const room = (taken.rows[0]?.n ?? 0) < limit.max;
        if (room) await client.query(INSERT_FLAG, flagValues(flag));
        await client.query("COMMIT");
        return room;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async setFlagOutcome(channel, messageTs, outcome) {
      await pool.query(
        `UPDATE flags SET outcome = $1 WHERE channel = $2 AND message_ts = $3 AND outcome <> 'rate-limited'`,
        [outcome, channel, messageTs],
      );
    },
    async flagsSince(channel, since) {
      const found = await rows<FlagRow>(
        `SELECT channel, message_ts, thread_ts, "user", figures, outcome, at FROM flags
         WHERE channel = $1 AND at >= $2 ORDER BY at, id`,
        [channel, since.toISOString()],
      );
      return found.map(toFlag);
    },

    async recordFeedback(feedback) {
      await pool.query(
        `INSERT INTO feedback (channel, "user", question, topic_id, kind, at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [feedback.channel, feedback.user, feedback.question, feedback.topicId, feedback.kind, feedback.at],
      );
    },

    async checkIntegrity() {
      // The server checks its own pages; there is no file here for Tally to check.
      return { status: "ok" } as const;
    },

    async close() {
      // The pool is the caller's (see above).
    },
  };
}
