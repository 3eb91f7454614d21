import type { TallyCore } from "../answer/types.ts";
import type { Logger } from "../log/logger.ts";
import type { DueSummary } from "../schedule/due-subscriptions.ts";
import {
  createSummaryScheduler,
  type ScheduledPostResult,
  type SchedulerTimers,
  type SummaryScheduler,
} from "../schedule/summary-scheduler.ts";
import type { Store } from "../store/store.ts";
import { summariseChannel } from "../summary/channel-summary.ts";
import type { SlackMessage } from "./blocks/block-types.ts";
import { summaryMessage } from "./blocks/summary-blocks.ts";
import type { AppDeps } from "./deps.ts";
import { subscriberCopy } from "./summary-copy.ts";

/** The Web API calls the poster makes; Bolt's WebClient is one. Narrow so tests can script each answer. */
export interface SummarySlackClient {
  chat: {
    postMessage(args: {
      channel: string;
      text: string;
      blocks?: SlackMessage["blocks"];
      unfurl_links?: boolean;
      unfurl_media?: boolean;
    }): Promise<{ ts?: string }>;
  };
  pins: {
    add(args: { channel: string; timestamp: string }): Promise<unknown>;
    remove(args: { channel: string; timestamp: string }): Promise<unknown>;
  };
}

/** Waits out a 429 this many times per call before giving the day back to the scheduler. */
export const RATE_LIMIT_ATTEMPTS = 3;
/** A Retry-After longer than this is not waited out in-line; the scheduler's next tick retries instead. */
export const MAX_RATE_LIMIT_WAIT_S = 120;

export type PostFailure =
  /** Tally is not a member: someone must invite it. */
  | "not_in_channel"
  /** Deleted, or private and Tally is not in it. */
  | "channel_not_found"
  | "is_archived"
  /** Still rate-limited after waiting out Retry-After. */
  | "rate_limited"
  /** Anything else (Slack down, bad response): logged, retried, nobody's to fix. */
  | "other";

export type PinResult =
  | { kind: "pinned" }
  /** The channel has the most pins Slack allows, and no earlier Tally pin to make room. */
  | { kind: "too_many_pins" }
  | { kind: "failed"; error: string };

export type PostOutcome =
  | { ok: true; ts: string; pin: PinResult }
  | { ok: false; failure: PostFailure; error: string };

export interface SummaryPosterDeps {
  core: TallyCore;
  store: Store;
  now: () => Date;
  logger: Logger;
  staleDays: number;
  /** TALLY_TZ, else UTC: the zone of a channel without a subscription. */
  defaultTimeZone: string;
  /** Injected so tests do not wait out a real Retry-After. */
  sleep?: (ms: number) => Promise<void>;
}

export interface SummaryPoster {
  /** The channel's summary as it would be posted now; changes nothing. */
  preview(channel: string): Promise<SlackMessage>;
  /**
   * Posts the summary, pins it, and unpins the summary Tally pinned there before (only that one: a
   * person's pins are never touched). Saves what it showed, for the next summary to compare with.
   */
  post(client: SummarySlackClient, channel: string): Promise<PostOutcome>;
  /** The scheduler's post: `post`, then tells the subscriber about anything theirs to fix. */
  postScheduled(
    client: SummarySlackClient,
    due: DueSummary,
    previousError: string | null,
  ): Promise<ScheduledPostResult>;
}

/** The Slack error code ("not_in_channel") of a failed Web API call, or a description of the failure. */
export function slackErrorCode(error: unknown): string {
  const e = error as { code?: unknown; data?: { error?: unknown }; message?: unknown };
  if (e?.code === "slack_webapi_platform_error" && typeof e.data?.error === "string") return e.data.error;
  if (e?.code === "slack_webapi_rate_limited_error") return "ratelimited";
  if (typeof e?.code === "string") return e.code;
  return error instanceof Error ? error.message : String(error);
}

function classify(code: string): PostFailure {
  switch (code) {
    case "not_in_channel":
    case "channel_not_found":
    case "is_archived":
      return code;
    case "ratelimited":
    case "rate_limited":
      return "rate_limited";
    default:
      return "other";
  }
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createSummaryPoster(deps: SummaryPosterDeps): SummaryPoster {
  const { store, logger } = deps;
  const sleep = deps.sleep ?? realSleep;

  /**
   * Runs a Web API call, waiting out a 429's Retry-After (bounded) when the client hands the 429 back.
   * Bolt's default client waits and retries 429s itself, so there this never sees one; a client built
   * with `rejectRateLimitedCalls` (the scheduler's) leaves it to this, so the wait is Tally's decision.
   */
  async function withRateLimit<T>(what: string, channel: string, call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await call();
      } catch (error) {
        const retryAfter = (error as { code?: unknown; retryAfter?: unknown }).retryAfter;
        const limited = (error as { code?: unknown }).code === "slack_webapi_rate_limited_error";
        if (!limited || typeof retryAfter !== "number" || attempt >= RATE_LIMIT_ATTEMPTS) throw error;
        if (retryAfter > MAX_RATE_LIMIT_WAIT_S) throw error;
        logger.warn("rate-limited by Slack; waiting before retrying", { what, channel, retryAfter, attempt });
        await sleep(retryAfter * 1000);
      }
    }
  }

  async function unpin(client: SummarySlackClient, channel: string, ts: string): Promise<boolean> {
    try {
      await withRateLimit("pins.remove", channel, () => client.pins.remove({ channel, timestamp: ts }));
      return true;
    } catch (error) {
      const code = slackErrorCode(error);
      // Someone unpinned it, or deleted the message: it is gone either way, which is what we wanted.
      if (code === "no_pin" || code === "message_not_found") {
        logger.info("the previous summary was already unpinned", { channel, ts, code });
        return true;
      }
      logger.warn("could not unpin the previous summary", { channel, ts, code });
      return false;
    }
  }

  async function pin(client: SummarySlackClient, channel: string, ts: string): Promise<PinResult> {
    try {
      await withRateLimit("pins.add", channel, () => client.pins.add({ channel, timestamp: ts }));
      return { kind: "pinned" };
    } catch (error) {
      const code = slackErrorCode(error);
      if (code === "too_many_pins") return { kind: "too_many_pins" };
      logger.warn("could not pin the summary", { channel, ts, code });
      return { kind: "failed", error: code };
    }
  }

  function compose(channel: string) {
    return summariseChannel({
      core: deps.core,
      store,
      channel,
      now: deps.now(),
      defaultTimeZone: deps.defaultTimeZone,
      staleDays: deps.staleDays,
    });
  }

  async function post(client: SummarySlackClient, channel: string): Promise<PostOutcome> {
    const { summary, snapshot } = await compose(channel);
    const message = summaryMessage(summary);
    let ts: string;
    try {
      const response = await withRateLimit("chat.postMessage", channel, () =>
        client.chat.postMessage({ channel, ...message, unfurl_links: false, unfurl_media: false }),
      );
      if (!response.ts) throw new Error("chat.postMessage returned no ts");
      ts = response.ts;
    } catch (error) {
      const code = slackErrorCode(error);
      logger.warn("could not post the summary", { channel, code });
      return { ok: false, failure: classify(code), error: code };
    }
    const postedAt = deps.now();
    await store.saveSummarySnapshot(channel, postedAt, snapshot);

    const previous = await store.getPinnedSummary(channel);
    let previousGone = previous === null;
    let pinned = await pin(client, channel, ts);
    if (pinned.kind === "too_many_pins" && previous) {
      // Our own earlier pin is taking the slot: let it go first, then pin today's.
      previousGone = await unpin(client, channel, previous.ts);
      if (previousGone) pinned = await pin(client, channel, ts);
    }
    if (pinned.kind === "pinned") {
      if (!previousGone && previous) previousGone = await unpin(client, channel, previous.ts);
      await store.setPinnedSummary({ channel, ts, postedAt: postedAt.toISOString() }, channel);
    } else if (previousGone) {
      await store.setPinnedSummary(null, channel);
    }
    logger.info("posted the summary", { channel, ts, pin: pinned.kind });
    return { ok: true, ts, pin: pinned };
  }

  async function tellSubscriber(client: SummarySlackClient, user: string, text: string, channel: string) {
    try {
      // Posting to a user id lands in Tally's direct messages with them.
      await withRateLimit("chat.postMessage (DM)", channel, () =>
        client.chat.postMessage({ channel: user, text }),
      );
    } catch (error) {
      logger.error("could not tell the subscriber about a summary problem", {
        channel,
        user,
        code: slackErrorCode(error),
      });
    }
  }

  async function postScheduled(
    client: SummarySlackClient,
    due: DueSummary,
    previousError: string | null,
  ): Promise<ScheduledPostResult> {
    const { channel, subscribedBy } = due.subscription;
    const outcome = await post(client, channel);
    if (outcome.ok) {
      if (outcome.pin.kind === "too_many_pins") {
        await tellSubscriber(client, subscribedBy, subscriberCopy.tooManyPins(channel), channel);
      } else if (outcome.pin.kind === "failed") {
        await tellSubscriber(
          client,
          subscribedBy,
          subscriberCopy.pinFailed(channel, outcome.pin.error),
          channel,
        );
      }
      return { ok: true };
    }
    // Tell them once per run of the same failure, not on every retry.
    const firstTime = previousError !== outcome.error;
    if (outcome.failure === "is_archived") {
      // Posting can never succeed again; end the subscription rather than retry forever.
      await store.deleteSubscription(channel);
      logger.warn("ended the daily summary of an archived channel", { channel, subscribedBy });
      await tellSubscriber(client, subscribedBy, subscriberCopy.archived(channel), channel);
    } else if (outcome.failure === "not_in_channel" && firstTime) {
      await tellSubscriber(client, subscribedBy, subscriberCopy.notInChannel(channel), channel);
    } else if (outcome.failure === "channel_not_found" && firstTime) {
      await tellSubscriber(client, subscribedBy, subscriberCopy.channelNotFound(channel), channel);
    }
    return { ok: false, error: outcome.error };
  }

  return {
    preview: async (channel) => summaryMessage((await compose(channel)).summary),
    post,
    postScheduled,
  };
}

/** The daily-summary scheduler wired to Slack: started by main.ts after the app, stopped before the store. */
export function createSlackSummaryScheduler(
  deps: AppDeps,
  client: SummarySlackClient,
  options: { timers?: SchedulerTimers; tickMs?: number; sleep?: (ms: number) => Promise<void> } = {},
): SummaryScheduler {
  const logger = deps.logger.child({ surface: "summary-scheduler" });
  const poster = createSummaryPoster({
    core: deps.core,
    store: deps.store,
    now: deps.now,
    logger,
    staleDays: deps.config.staleDays,
    defaultTimeZone: deps.config.timeZone,
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  return createSummaryScheduler({
    store: deps.store,
    now: deps.now,
    logger,
    post: (due, previousError) => poster.postScheduled(client, due, previousError),
    ...(options.timers ? { timers: options.timers } : {}),
    ...(options.tickMs ? { tickMs: options.tickMs } : {}),
  });
}
