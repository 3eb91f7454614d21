/**
 * Versioned schema migrations, applied in order at open. `PRAGMA user_version` records the last one applied.
 * Never edit a migration that has shipped: add a new one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: "initial schema: subscriptions, watches, pins, posted days, snapshots, flagging, feedback",
    sql: `
      CREATE TABLE subscriptions (
        channel TEXT PRIMARY KEY,
        time TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        subscribed_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );

      CREATE TABLE watched_topics (
        channel TEXT NOT NULL,
        topic_id TEXT NOT NULL,
        added_at TEXT NOT NULL,
        PRIMARY KEY (channel, topic_id)
      );

      CREATE TABLE pinned_summaries (
        channel TEXT PRIMARY KEY,
        ts TEXT NOT NULL,
        posted_at TEXT NOT NULL
      );

      -- One row per scheduled summary: the UNIQUE key is what keeps it to one a day per channel,
      -- across restarts and across instances sharing the file.
      CREATE TABLE summary_days (
        channel TEXT NOT NULL,
        day TEXT NOT NULL,
        claimed_at TEXT NOT NULL,
        UNIQUE (channel, day)
      );

      CREATE TABLE summary_snapshots (
        channel TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        data TEXT NOT NULL
      );

      CREATE TABLE flag_modes (
        channel TEXT PRIMARY KEY,
        mode TEXT NOT NULL CHECK (mode IN ('on', 'quiet', 'off'))
      );

      CREATE TABLE seen_events (
        event_id TEXT PRIMARY KEY,
        seen_at TEXT NOT NULL
      );
      CREATE INDEX seen_events_seen_at ON seen_events (seen_at);

      CREATE TABLE flags (
        id INTEGER PRIMARY KEY,
        channel TEXT NOT NULL,
        message_ts TEXT NOT NULL,
        thread_ts TEXT,
        user TEXT,
        figures TEXT NOT NULL,
        outcome TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX flags_channel_at ON flags (channel, at);

      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        channel TEXT,
        user TEXT,
        question TEXT NOT NULL,
        topic_id TEXT,
        kind TEXT NOT NULL,
        at TEXT NOT NULL
      );

      -- For a later issue (reporters proposing claims); no store methods yet.
      CREATE TABLE proposed_claims (
        id INTEGER PRIMARY KEY,
        channel TEXT,
        user TEXT,
        topic_id TEXT,
        claim TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        created_at TEXT NOT NULL
      );
    `,
  },
];
