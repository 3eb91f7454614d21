import { z } from "zod";
import type { FlagRecord, Subscription } from "./store.ts";

/** The main state's rows as both backends store them (same columns, same names), and how they read back. */

/** Slack retries an event within minutes; a day of ids is plenty to recognise a retry. */
export const SEEN_EVENT_RETENTION_MS = 24 * 60 * 60 * 1000;

export const FlagModeSchema = z.enum(["on", "quiet", "off"]);
const FiguresSchema = z.array(z.string());

export interface SubscriptionRow {
  channel: string;
  time: string;
  time_zone: string;
  subscribed_by: string;
  created_at: string;
  last_posted_day: string | null;
}

export interface FlagRow {
  channel: string;
  message_ts: string;
  thread_ts: string | null;
  user: string | null;
  figures: string;
  outcome: string;
  at: string;
}

export const toSubscription = (row: SubscriptionRow): Subscription => ({
  channel: row.channel,
  time: row.time,
  timeZone: row.time_zone,
  subscribedBy: row.subscribed_by,
  createdAt: row.created_at,
  lastPostedDay: row.last_posted_day,
});

export function toFlag(row: FlagRow): FlagRecord {
  let figures: string[] = [];
  try {
    const parsed = FiguresSchema.safeParse(JSON.parse(row.figures));
    if (parsed.success) figures = parsed.data;
  } catch {
    // Unreadable figures only cost the list of what was flagged; the flag still counts toward the limit.
  }
  return {
    channel: row.channel,
    messageTs: row.message_ts,
    threadTs: row.thread_ts,
    user: row.user,
    figures,
    outcome: row.outcome,
    at: row.at,
  };
}
