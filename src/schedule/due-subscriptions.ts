import type { Subscription } from "../store/store.ts";
import { localTime } from "./local-time.ts";

export interface DueSummary {
  subscription: Subscription;
  /** The subscription's local day the summary is for: "2025-06-12". */
  day: string;
}

/**
 * Which subscriptions are due at `now`: local time in the subscription's zone has reached its "HH:MM" today,
 * today has not been posted, and the subscription existed before today's scheduled minute (a new one first
 * fires at its next occurrence). Missing the minute (the app was down) leaves the day due until midnight,
 * so a restart later that day posts it once; the store's per-day claim makes "once" hold across instances.
 * Times are compared on the local wall clock, so a 02:30 that daylight saving skips fires at 03:00.
 */
export function dueSubscriptions(subscriptions: readonly Subscription[], now: Date): DueSummary[] {
  const due: DueSummary[] = [];
  for (const subscription of subscriptions) {
    const local = localTime(now, subscription.timeZone);
    if (local.time < subscription.time) continue;
    if (subscription.lastPostedDay !== null && subscription.lastPostedDay >= local.day) continue;
    const createdAt = new Date(subscription.createdAt);
    const scheduled = `${local.day}T${subscription.time}:00.000`;
    if (!Number.isNaN(createdAt.getTime()) && localTime(createdAt, subscription.timeZone).stamp > scheduled)
      continue;
    due.push({ subscription, day: local.day });
  }
  return due;
}
