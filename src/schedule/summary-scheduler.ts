import type { Logger } from "../log/logger.ts";
import type { Store } from "../store/store.ts";
import { type DueSummary, dueSubscriptions } from "./due-subscriptions.ts";

/** How often the scheduler looks for due summaries. Half a minute keeps a 09:00 summary within 09:00. */
export const SUMMARY_TICK_MS = 30_000;
/** Longest wait between retries of a channel whose post keeps failing (not in channel, Slack down …). */
export const MAX_RETRY_BACKOFF_MS = 15 * 60_000;

export type ScheduledPostResult =
  | { ok: true }
  /** `error` is a short code ("not_in_channel"); the scheduler logs it and hands it back on the next try. */
  | { ok: false; error: string };

/**
 * Posts (and pins) one scheduled summary. `previousError` is the error of the last failed try for the same
 * channel and day, or null: the poster tells the subscriber about a failure once, not on every retry.
 */
export type PostScheduledSummary = (
  due: DueSummary,
  previousError: string | null,
) => Promise<ScheduledPostResult>;

/** The timer functions, injected so tests drive the schedule with a fake clock. */
export interface SchedulerTimers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface SchedulerOptions {
  store: Store;
  post: PostScheduledSummary;
  now: () => Date;
  logger: Logger;
  timers?: SchedulerTimers;
  tickMs?: number;
}

export interface TickReport {
  posted: string[];
  failed: string[];
  /** Due, but another instance (or an earlier tick) already claimed the day. */
  alreadyClaimed: string[];
  /** Due, but waiting out the backoff after a failure. */
  waiting: string[];
  /** Due, but its post from an earlier tick is still running (waiting out a 429, a slow Slack). */
  stillPosting: string[];
  /** True when the tick did nothing because the previous one was still reading the schedule. */
  skipped: boolean;
}

export interface SummaryScheduler {
  /** Runs a tick now (a summary missed while the app was down posts at once), then every tick interval. */
  start(): void;
  /** Stops ticking; resolves once every tick and post in progress has finished (so the store can be closed after). */
  stop(): Promise<void>;
  tick(): Promise<TickReport>;
}

interface Failure {
  day: string;
  count: number;
  error: string;
  retryAt: number;
}

const realTimers: SchedulerTimers = {
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

const emptyReport = (skipped: boolean): TickReport => ({
  posted: [],
  failed: [],
  alreadyClaimed: [],
  waiting: [],
  stillPosting: [],
  skipped,
});

/**
 * Posts each channel's daily summary at its local time. Each tick claims (channel, day) in the store before
 * posting, so two instances on one database post once; a failed post gives the day back so a later tick
 * retries it: the next tick first, then backing off (doubling, up to 15 minutes) while it keeps failing.
 * Channels post independently: all due at once post concurrently, and a channel whose post is slow (its
 * calls time out on their own) holds up neither another channel nor the next tick.
 */
export function createSummaryScheduler(options: SchedulerOptions): SummaryScheduler {
  const { store, post, now, logger } = options;
  const timers = options.timers ?? realTimers;
  const tickMs = options.tickMs ?? SUMMARY_TICK_MS;
  const failures = new Map<string, Failure>();
  let handle: unknown = null;
  /** A tick reading the schedule: another tick meanwhile would only read it again. */
  let reading: Promise<unknown> | null = null;
  /** Each channel's post in progress, so that no tick starts it twice and `stop` can wait for them. */
  const posting = new Map<string, Promise<void>>();

  async function runDue(due: DueSummary, report: TickReport): Promise<void> {
    const { channel } = due.subscription;
    const at = now();
    const failure = failures.get(channel);
    const previous = failure && failure.day === due.day ? failure : null;
    if (previous && at.getTime() < previous.retryAt) {
      report.waiting.push(channel);
      return;
    }
    if (!(await store.claimSummaryDay(channel, due.day, at))) {
      report.alreadyClaimed.push(channel);
      return;
    }
    let result: ScheduledPostResult;
    try {
      result = await post(due, previous?.error ?? null);
    } catch (error) {
      logger.error("scheduled summary threw", { channel, day: due.day, error });
      result = { ok: false, error: "unexpected_error" };
    }
    if (result.ok) {
      failures.delete(channel);
      report.posted.push(channel);
      logger.info("scheduled summary posted", { channel, day: due.day });
      return;
    }
    await store.releaseSummaryDay(channel, due.day);
    const count = (previous?.count ?? 0) + 1;
    const backoff = Math.min(tickMs * 2 ** (count - 1), MAX_RETRY_BACKOFF_MS);
    // Just short of the backoff, so that the tick that lands on it is not turned away by a few ms.
    failures.set(channel, {
      day: due.day,
      count,
      error: result.error,
      retryAt: at.getTime() + backoff - 1000,
    });
    report.failed.push(channel);
    logger.warn("scheduled summary failed; will retry", {
      channel,
      day: due.day,
      error: result.error,
      attempt: count,
      retryInMs: backoff,
    });
  }

  /** Reads what is due and starts each channel's post; resolves with the posts it started. */
  async function dispatch(report: TickReport): Promise<Promise<void>[]> {
    const started: Promise<void>[] = [];
    try {
      const due = dueSubscriptions(await store.listSubscriptions(), now());
      for (const item of due) {
        const { channel } = item.subscription;
        if (posting.has(channel)) {
          report.stillPosting.push(channel);
          continue;
        }
        const post = runDue(item, report)
          .catch((error: unknown) => logger.error("scheduled summary could not run", { channel, error }))
          .finally(() => posting.delete(channel));
        posting.set(channel, post);
        started.push(post);
      }
    } catch (error) {
      logger.error("summary scheduler tick failed", { error });
    }
    return started;
  }

  async function tick(): Promise<TickReport> {
    if (reading) return emptyReport(true);
    const report = emptyReport(false);
    const read = dispatch(report);
    reading = read;
    let started: Promise<void>[];
    try {
      started = await read;
    } finally {
      reading = null;
    }
    await Promise.all(started);
    return report;
  }

  return {
    start() {
      if (handle !== null) return;
      void tick();
      handle = timers.setInterval(() => void tick(), tickMs);
    },
    async stop() {
      if (handle !== null) timers.clearInterval(handle);
      handle = null;
      if (reading) await reading;
      await Promise.all([...posting.values()]);
    },
    tick,
  };
}
