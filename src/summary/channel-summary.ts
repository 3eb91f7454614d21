import type { TallyCore } from "../answer/types.ts";
import type { Store } from "../store/store.ts";
import { type ComposedSummary, composeSummary } from "./compose-summary.ts";
import { readSummarySnapshot } from "./summary-snapshot.ts";

/** With no previous summary, the flag count covers the last day. */
const FIRST_FLAG_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface ChannelSummaryInput {
  core: TallyCore;
  store: Store;
  channel: string;
  now: Date;
  /** Used when the channel has no subscription (whose zone wins): TALLY_TZ, else UTC. */
  defaultTimeZone: string;
  staleDays: number;
}

/** Gathers a channel's state from the store (watches, previous summary, flags) and composes its summary. */
export async function summariseChannel(input: ChannelSummaryInput): Promise<ComposedSummary> {
  const { store, channel, now } = input;
  const stored = await store.lastSummarySnapshot(channel);
  const previousAt = stored ? new Date(stored.at) : null;
  const previous =
    stored && previousAt && !Number.isNaN(previousAt.getTime())
      ? { at: previousAt, snapshot: readSummarySnapshot(stored.data) }
      : null;
  const since = previous?.at ?? new Date(now.getTime() - FIRST_FLAG_WINDOW_MS);
  const flags = await store.flagsSince(channel, since);
  const flaggedSinceLast = flags.reduce((n, flag) => n + Math.max(1, flag.figures.length), 0);
  const watchedTopicIds = await store.watchedTopics(channel);
  const subscription = await store.getSubscription(channel);
  return composeSummary({
    core: input.core,
    watchedTopicIds,
    previous,
    flaggedSinceLast,
    now,
    timeZone: subscription?.timeZone ?? input.defaultTimeZone,
    staleDays: input.staleDays,
  });
}
