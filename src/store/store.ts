/**
 * Tally's persistent state, behind one interface so that a server database can replace SQLite.
 * Every method is async: a network driver (PostgreSQL) can only be, and SQLite answers the same shape.
 * Split into ports by feature; `Store` is their union, so call sites take one thing. Every backend passes
 * test/store/store-contract.ts.
 */

import type { IntegrityReport } from "./integrity-checks.ts";
import type { UndeliveredReply } from "./undelivered-reply.ts";

export type FlagMode = "on" | "quiet" | "off";

export interface Subscription {
  channel: string;
  /** "HH:MM", local to `timeZone`. */
  time: string;
  /** IANA zone, "Europe/London". */
  timeZone: string;
  /** Who subscribed (a Slack user id): told when a failure is theirs to fix. */
  subscribedBy: string;
  /**
   * When this schedule was set (ISO instant; re-subscribing resets it). A subscription first fires at its
   * next occurrence: never for a day whose scheduled minute came before this.
   */
  createdAt: string;
  /** ISO date (local to the zone) of the last scheduled summary claimed for posting, if any. */
  lastPostedDay: string | null;
}

export interface PinnedSummary {
  channel: string;
  /** Slack message ts of the summary Tally pinned. */
  ts: string;
  postedAt: string;
}

export interface FlagRecord {
  channel: string;
  messageTs: string;
  threadTs: string | null;
  user: string | null;
  /** The figures as written, e.g. ["800,000", "nearly 2,000 a day"]. */
  figures: string[];
  /** "flagged" | "quiet" | "rate-limited" | … */
  outcome: string;
  at: string;
}

export interface FeedbackRecord {
  channel: string | null;
  user: string | null;
  question: string;
  topicId: string | null;
  kind: "not-what-i-asked";
  at: string;
}

/** Daily-summary subscriptions and the per-day claim that keeps them to one post a day (issue 4). */
export interface SubscriptionStore {
  getSubscription(channel: string): Promise<Subscription | null>;
  listSubscriptions(): Promise<Subscription[]>;
  upsertSubscription(
    sub: Omit<Subscription, "lastPostedDay" | "createdAt">,
    now: Date,
  ): Promise<Subscription>;
  deleteSubscription(channel: string): Promise<boolean>;
  /**
   * Atomically claims (channel, day) for the scheduled summary; false when it was already claimed,
   * by this process or another one sharing the database. This is what keeps it to one a day.
   */
  claimSummaryDay(channel: string, day: string, now: Date): Promise<boolean>;
  /** Gives a claimed day back after a failed post, so the next tick retries it. */
  releaseSummaryDay(channel: string, day: string): Promise<void>;
}

/** What a channel's summary shows and where it is pinned (issue 4). */
export interface SummaryStore {
  watchedTopics(channel: string): Promise<string[]>;
  watchTopic(channel: string, topicId: string, now: Date): Promise<void>;
  unwatchTopic(channel: string, topicId: string): Promise<boolean>;

  getPinnedSummary(channel: string): Promise<PinnedSummary | null>;
  setPinnedSummary(pin: PinnedSummary | null, channel: string): Promise<void>;
  /** The figures shown in the last summary posted in the channel, keyed by topic id (JSON-serialisable). */
  lastSummarySnapshot(channel: string): Promise<{ at: string; data: unknown } | null>;
  saveSummarySnapshot(channel: string, at: Date, data: unknown): Promise<void>;
}

/** Each channel's flag mode and the flags posted, which the per-channel limit counts (issue 5). */
export interface FlagStore {
  flagMode(channel: string): Promise<FlagMode>;
  setFlagMode(channel: string, mode: FlagMode): Promise<void>;
  /** `at` is an ISO instant (`Date.toISOString()`), so that `flagsSince` can compare it. */
  recordFlag(flag: FlagRecord): Promise<void>;
  flagsSince(channel: string, since: Date): Promise<FlagRecord[]>;
  /**
   * The per-channel limit, decided by the database so that it holds across instances: records `flag` and
   * resolves true when its channel has fewer than `limit.max` flags after `limit.after` (every outcome but
   * "rate-limited" took a slot); else records nothing and resolves false. Atomic: two instances asking for
   * the last slot at once get one yes.
   */
  claimFlag(flag: FlagRecord, limit: { max: number; after: Date }): Promise<boolean>;
  /** Changes the outcome of a flag claimed for a message (its post failed); the slot stays taken. */
  setFlagOutcome(channel: string, messageTs: string, outcome: string): Promise<void>;
}

/** Slack event ids already acted on (issue 5). */
export interface EventStore {
  /**
   * Records an event id; false when it was seen before (Slack retries deliveries with the same id).
   * Ids older than a day are pruned as it goes: Slack's retries come within minutes.
   */
  markEventSeen(eventId: string, now: Date): Promise<boolean>;
}

/** Readers' feedback on answers (issue 3). */
export interface FeedbackStore {
  recordFeedback(feedback: FeedbackRecord): Promise<void>;
}

/** What `takeUndelivered` took: the replies that read back, and the rows that did not (already removed). */
export interface TakenReplies {
  replies: UndeliveredReply[];
  /** Rows whose payload no longer reads as a reply (hand-edited, or written by another version): dropped. */
  unreadable: { id: string; reason: string }[];
}

/** Replies still undelivered when the app shut down, for the next start to send (issue 11). */
export interface OutboxStore {
  saveUndelivered(replies: readonly UndeliveredReply[], now: Date): Promise<void>;
  /**
   * Removes and returns up to `limit` replies, in the order saved. One statement: two instances taking at
   * once never get the same reply.
   */
  takeUndelivered(limit: number): Promise<TakenReplies>;
  countUndelivered(): Promise<number>;
}

/** The whole state store: every port over one database, as the app and its tests use it. */
export interface Store
  extends SubscriptionStore,
    SummaryStore,
    FlagStore,
    EventStore,
    FeedbackStore,
    OutboxStore {
  /** Checks the database for damage (see integrity-checks.ts); one found damaged refuses writes after. */
  checkIntegrity(): Promise<IntegrityReport>;
  close(): Promise<void>;
}
