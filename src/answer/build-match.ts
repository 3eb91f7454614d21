import type { ClaimsIndex } from "../claims/claims-index.ts";
import type { Claim, Topic } from "../claims/schema.ts";
import { figuresAgree } from "../figures/figures-agree.ts";
import { asOfEnd } from "../figures/format-as-of.ts";
import { describeDifference } from "../figures/format-difference.ts";
import { figureMidpoint } from "../figures/format-figure.ts";
import {
  type ClaimOrder,
  claimDateKey,
  claimOrder,
  compareClaimsNewestFirst,
  firstSaidBy,
  latestBySourceFrom,
  newestFirst,
} from "./claims-newest-first.ts";
import { showClaim } from "./show-claim.ts";
import { type TopicChecks, topicReview } from "./topic-review.ts";
import type { BeforeFirstFigure, Disagreement, HeadlineReason, Match, ShownClaim } from "./types.ts";

export { compareClaimsNewestFirst } from "./claims-newest-first.ts";

/** One empty list for topics without claims, so their order is worked out once, not once per answer. */
const noClaims: readonly Claim[] = Object.freeze([]);

export interface MatchRequest {
  topic: Topic;
  confidence: number;
  /** Source ids the question named, most specific first. */
  sources: string[];
  /** YYYY-MM or YYYY-MM-DD the question named. */
  asOf: string | null;
}

/**
 * The answer for one topic: the headline (latest, or the named source's, or as of the named date), every other
 * source whose latest figure differs, those that agree, and the topic's whole history. Null when the topic has
 * no claims, or none said by the named date.
 */
export function buildMatch(
  req: MatchRequest,
  index: ClaimsIndex,
  now: Date,
  checks: TopicChecks = new Map(),
): Match | null {
  const { topic } = req;
  const claims = index.claimsByTopic.get(topic.id) ?? noClaims;
  const order = claimOrder(claims);
  const all = order?.claims ?? newestFirst(claims);

  // As of a named date: only what had been said by then (newest first, so those are a tail of the list).
  const cutoff = req.asOf ? asOfEnd(req.asOf).getTime() : Number.POSITIVE_INFINITY;
  const saidByThen = (c: Claim): boolean => claimDateKey(c) <= cutoff;
  const { first, latestBySource } = order
    ? saidFrom(order, cutoff)
    : saidWalking(req.asOf ? all.filter(saidByThen) : all);
  // A date before anything on the topic is a question the index cannot answer ("the November 2024 package"
  // is not the January 2025 one).
  if (!first) return null;

  let headline = first;
  let reason: HeadlineReason = req.asOf ? "named-date" : "latest";
  const namedSource = req.sources.find((s) => latestBySource.has(s));
  if (namedSource) {
    headline = latestBySource.get(namedSource) as Claim;
    reason = "named-source";
  }

  const show = (c: Claim): ShownClaim => showClaim(c, topic, index, now);
  const headlineMid = figureMidpoint({ ...headline, unit: topic.unit });
  const disagreements: Disagreement[] = [];
  const agreements: ShownClaim[] = [];
  for (const [source, latest] of latestBySource) {
    if (source === headline.source) continue;
    if (figuresAgree(latest, headline)) {
      agreements.push(show(latest));
    } else {
      const other = figureMidpoint({ ...latest, unit: topic.unit });
      disagreements.push({ ...show(latest), difference: describeDifference(other, headlineMid, topic.unit) });
    }
  }

  // The source the headline answers for; when none of those named has a figure here, the first named, so
  // that the answer can say plainly that it has none (headlineReason is then not `named-source`).
  const requestedId = namedSource ?? req.sources[0];
  const requestedSource = requestedId ? index.sourceById.get(requestedId) : undefined;
  const match: Omit<Match, "history"> = {
    topic,
    confidence: req.confidence,
    headline: show(headline),
    headlineReason: reason,
    ...(requestedSource || req.asOf
      ? {
          requested: {
            ...(requestedSource ? { source: requestedSource } : {}),
            ...(req.asOf ? { asOf: req.asOf } : {}),
          },
        }
      : {}),
    disagreements,
    agreements,
    review: topicReview(topic, index, now, checks),
    related: topic.related.flatMap((id) => {
      const other = index.topicById.get(id);
      const theirs = index.claimsByTopic.get(id) ?? noClaims;
      const theirOrder = claimOrder(theirs);
      const latest = theirOrder
        ? theirOrder.claims[firstSaidBy(theirOrder, cutoff)]
        : newestFirst(theirs).find(saidByThen);
      return other && latest
        ? [{ topic: { id: other.id, title: other.title }, headline: showClaim(latest, other, index, now) }]
        : [];
    }),
  };
  // The whole history is shown only when asked for ("Show history", a flag check), so it is dressed for
  // display on first read, not on every answer. Retired figures stay in it, marked by their `retired`, never
  // in the answer itself.
  let history: ShownClaim[] | null = null;
  return Object.defineProperty(match, "history", {
    enumerable: true,
    get(): ShownClaim[] {
      const retired = index.retiredByTopic.get(topic.id) ?? [];
      history ??= (retired.length > 0 ? [...all, ...retired].sort(compareClaimsNewestFirst) : all).map(show);
      return history;
    },
  }) as Match;
}

/** The newest figure said by the cutoff, and each source's newest by then, searched for in a long history. */
function saidFrom(
  order: ClaimOrder,
  cutoff: number,
): { first: Claim | undefined; latestBySource: Map<string, Claim> } {
  const from = firstSaidBy(order, cutoff);
  return { first: order.claims[from], latestBySource: latestBySourceFrom(order, from) };
}

/** The same, walking the figures said by then, newest first. */
function saidWalking(pool: readonly Claim[]): {
  first: Claim | undefined;
  latestBySource: Map<string, Claim>;
} {
  const latestBySource = new Map<string, Claim>();
  for (const c of pool) if (!latestBySource.has(c.source)) latestBySource.set(c.source, c);
  return { first: pool[0], latestBySource };
}

/**
 * Why a topic the question found has no answer as of the date it named: nothing on it was said that early.
 * Null when the topic has no figures at all, or when the date is not the reason.
 */
export function beforeFirstFigure(
  topic: Topic,
  asked: string | null,
  index: ClaimsIndex,
  now: Date,
): BeforeFirstFigure | null {
  if (!asked) return null;
  const all = index.claimsByTopic.get(topic.id) ?? [];
  if (all.length === 0) return null;
  const sorted = newestFirst(all);
  const firstKey = claimDateKey(sorted[sorted.length - 1] as Claim);
  if (firstKey <= asOfEnd(asked).getTime()) return null;
  // On the earliest date, the figure the answer would head with then.
  const earliest = sorted.find((c) => claimDateKey(c) === firstKey);
  if (!earliest) return null;
  return {
    code: "before-first-figure",
    topic: { id: topic.id, title: topic.title },
    asked,
    earliest: showClaim(earliest, topic, index, now),
  };
}
