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
  {
    version: 2,
    name: "curation: proposals, retirements, topic checks, desk questions, gaps, reminder days",
    sql: `
      -- The proposal's content is JSON (its data entries); what changes after it is saved is in columns, so
      -- that a decision is one conditional UPDATE.
      CREATE TABLE curation_proposals (
        id TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
        proposed_at TEXT NOT NULL,
        content TEXT NOT NULL,
        decided_by TEXT,
        decided_at TEXT,
        decision_reason TEXT,
        review_channel TEXT,
        review_ts TEXT
      );
      CREATE INDEX curation_proposals_status ON curation_proposals (status, proposed_at);

      -- The primary key keeps the first retirement of a claim.
      CREATE TABLE curation_retirements (
        claim_id TEXT PRIMARY KEY,
        retired_by TEXT NOT NULL,
        at TEXT NOT NULL,
        reason TEXT,
        replaced_by TEXT
      );

      CREATE TABLE curation_topic_checks (
        id INTEGER PRIMARY KEY,
        topic_id TEXT NOT NULL,
        checked_by TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX curation_topic_checks_topic ON curation_topic_checks (topic_id, at);

      CREATE TABLE curation_desk_questions (
        id TEXT PRIMARY KEY,
        question TEXT NOT NULL,
        asked_by TEXT NOT NULL,
        channel TEXT,
        asked_at TEXT NOT NULL,
        review_channel TEXT,
        review_ts TEXT,
        answered_by TEXT,
        answered_at TEXT,
        answer_topic_id TEXT
      );

      CREATE TABLE curation_gaps (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('no-match', 'not-what-i-asked')),
        question TEXT NOT NULL,
        user TEXT,
        channel TEXT,
        topic_id TEXT,
        at TEXT NOT NULL
      );
      CREATE INDEX curation_gaps_at ON curation_gaps (at);

      -- Like summary_days: the key is what keeps the curators' reminder to one a day across instances.
      CREATE TABLE curation_reminder_days (
        day TEXT PRIMARY KEY,
        claimed_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: "outbox: replies not delivered before a shutdown, for the next start to send",
    sql: `
      -- One row per undelivered reply. The payload is JSON (the Web API call or the response_url post); the
      -- id gives the order saved, and taking a reply deletes its row, so that two instances never both send it.
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('message', 'response')),
        payload TEXT NOT NULL,
        first_tried_at TEXT NOT NULL,
        saved_at TEXT NOT NULL
      );
    `,
  },
];
