import { differenceInCalendarDays } from "date-fns";
import type { ClaimsIndex } from "../claims/claims-index.ts";
import type { Claim, Topic } from "../claims/schema.ts";
import { asOfEnd } from "../figures/format-as-of.ts";

/** Whether a topic's figures are due for the desk to check again (`review_days`). */
export interface TopicReview {
  reviewDays: number;
  /** YYYY-MM-DD: the latest of its live figures' checked (or as-of) days and the curators' checks. */
  lastChecked: string;
  daysSince: number;
  due: boolean;
}

/** Last checks by topic id (ISO instants), as curators record them. */
export type TopicChecks = ReadonlyMap<string, string>;

const day = (d: Date): string => d.toISOString().slice(0, 10);

/** The latest checked (or as-of) day of a topic's claims, worked out once per list: an index never changes. */
const latestByList = new WeakMap<readonly Claim[], string>();
function latestChecked(claims: readonly Claim[]): string {
  let latest = latestByList.get(claims);
  if (latest !== undefined) return latest;
  latest = "";
  for (const c of claims) {
    const checked = day(asOfEnd(c.checked ?? c.as_of));
    if (checked > latest) latest = checked;
  }
  latestByList.set(claims, latest);
  return latest;
}

/** The topic's review state at `now`; null when it has no live figure to check. */
export function topicReview(
  topic: Topic,
  index: ClaimsIndex,
  now: Date,
  checks: TopicChecks = new Map(),
): TopicReview | null {
  const claims = index.claimsByTopic.get(topic.id) ?? [];
  if (claims.length === 0) return null;
  let latest = latestChecked(claims);
  const checkedAt = checks.get(topic.id);
  if (checkedAt !== undefined && checkedAt.slice(0, 10) > latest) latest = checkedAt.slice(0, 10);
  const daysSince = Math.max(
    0,
    differenceInCalendarDays(new Date(`${day(now)}T00:00:00Z`), new Date(`${latest}T00:00:00Z`)),
  );
  return {
    reviewDays: topic.review_days,
    lastChecked: latest,
    daysSince,
    due: daysSince > topic.review_days,
  };
}

/** Topics past their review interval, most overdue first (then by title), for summaries and reminders. */
export function topicsDueForReview(
  index: ClaimsIndex,
  now: Date,
  checks: TopicChecks = new Map(),
): Array<{ topic: Topic; review: TopicReview }> {
  const due: Array<{ topic: Topic; review: TopicReview }> = [];
  for (const topic of index.topics) {
    const review = topicReview(topic, index, now, checks);
    if (review?.due) due.push({ topic, review });
  }
  return due.sort(
    (a, b) =>
      b.review.daysSince - b.review.reviewDays - (a.review.daysSince - a.review.reviewDays) ||
      a.topic.title.localeCompare(b.topic.title),
  );
}
