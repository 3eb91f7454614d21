/**
 * Tally's persistent state, behind one interface so that a server database can replace SQLite.
 * Every method is synchronous: better-sqlite3 is, and a Postgres store would wrap these in a queue.
 */
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

export interface Store {
  // Subscriptions (issue 4)
  getSubscription(channel: string): Subscription | null;
  listSubscriptions(): Subscription[];
  upsertSubscription(sub: Omit<Subscription, "lastPostedDay" | "createdAt">, now: Date): Subscription;
  deleteSubscription(channel: string): boolean;
  /**
   * Atomically claims (channel, day) for the scheduled summary; false when it was already claimed,
   * by this process or another one sharing the database. This is what keeps it to one a day.
   */
  claimSummaryDay(channel: string, day: string, now: Date): boolean;
  /** Gives a claimed day back after a failed post, so the next tick retries it. */
  releaseSummaryDay(channel: string, day: string): void;

  // Watched topics (issue 4)
  watchedTopics(channel: string): string[];
  watchTopic(channel: string, topicId: string, now: Date): void;
  unwatchTopic(channel: string, topicId: string): boolean;

  // Pins and summary snapshots (issue 4)
  getPinnedSummary(channel: string): PinnedSummary | null;
  setPinnedSummary(pin: PinnedSummary | null, channel: string): void;
  /** The figures shown in the last summary posted in the channel, keyed by topic id (JSON-serialisable). */
  lastSummarySnapshot(channel: string): { at: string; data: unknown } | null;
  saveSummarySnapshot(channel: string, at: Date, data: unknown): void;

  // Flagging (issue 5)
  flagMode(channel: string): FlagMode;
  setFlagMode(channel: string, mode: FlagMode): void;
  /**
   * Records an event id; false when it was seen before (Slack retries deliveries with the same id).
   * Ids older than a day are pruned as it goes: Slack's retries come within minutes.
   */
  markEventSeen(eventId: string, now: Date): boolean;
  /** `at` is an ISO instant (`Date.toISOString()`), so that `flagsSince` can compare it. */
  recordFlag(flag: FlagRecord): void;
  flagsSince(channel: string, since: Date): FlagRecord[];

  // Feedback (issue 3)
  recordFeedback(feedback: FeedbackRecord): void;

  close(): void;
}
