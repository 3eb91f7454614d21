import type { ClaimsIndex } from "../claims/claims-index.ts";
import type { Claim, Topic } from "../claims/schema.ts";
import { asOfEnd, asOfSortKey, asOfStart } from "../figures/format-as-of.ts";
import { describeDifference } from "../figures/format-difference.ts";
import { figureMidpoint } from "../figures/format-figure.ts";
import { showClaim } from "./show-claim.ts";
import type { Disagreement, HeadlineReason, Match, ShownClaim } from "./types.ts";

/** Two figures within this fraction of each other are the same figure ("about 250,000" and "250,000"). */
const sameFigureTolerance = 0.005;

/** Newest first; on the same date an attributed figure before the outlet's own, a day before a month. */
export function compareClaimsNewestFirst(a: Claim, b: Claim): number {
  return (
    asOfSortKey(b.as_of) - asOfSortKey(a.as_of) ||
    Number(a.unattributed) - Number(b.unattributed) ||
    b.as_of.length - a.as_of.length ||
    a.id.localeCompare(b.id)
  );
}

export function sameFigure(a: Claim, b: Claim): boolean {
  const close = (x: number, y: number) =>
    Math.abs(x - y) <= sameFigureTolerance * Math.max(Math.abs(x), Math.abs(y));
  if (a.value !== undefined && b.value !== undefined) return close(a.value, b.value);
  if (a.low !== undefined && b.low !== undefined && a.high !== undefined && b.high !== undefined) {
    return close(a.low, b.low) && close(a.high, b.high);
  }
  return false;
}

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
export function buildMatch(req: MatchRequest, index: ClaimsIndex, now: Date): Match | null {
  const { topic } = req;
  const all = [...(index.claimsByTopic.get(topic.id) ?? [])].sort(compareClaimsNewestFirst);

  // As of a named date: only what had been said by then.
  const cutoff = req.asOf ? asOfEnd(req.asOf).getTime() : Number.POSITIVE_INFINITY;
  const saidByThen = (c: Claim): boolean => asOfStart(c.as_of).getTime() <= cutoff;
  const pool = all.filter(saidByThen);
  // A date before anything on the topic is a question the index cannot answer ("the November 2024 package"
  // is not the January 2025 one).
  if (pool.length === 0) return null;

  const latestBySource = new Map<string, Claim>();
  for (const c of pool) if (!latestBySource.has(c.source)) latestBySource.set(c.source, c);

  let headline = pool[0] as Claim;
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
    if (sameFigure(latest, headline)) {
      agreements.push(show(latest));
    } else {
      const other = figureMidpoint({ ...latest, unit: topic.unit });
      disagreements.push({ ...show(latest), difference: describeDifference(other, headlineMid, topic.unit) });
    }
  }

  const requestedSource = req.sources[0] ? index.sourceById.get(req.sources[0]) : undefined;
  return {
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
    history: all.map(show),
    related: topic.related.flatMap((id) => {
      const other = index.topicById.get(id);
      const claims = [...(index.claimsByTopic.get(id) ?? [])]
        .filter(saidByThen)
        .sort(compareClaimsNewestFirst);
      const latest = claims[0];
      return other && latest
        ? [{ topic: { id: other.id, title: other.title }, headline: showClaim(latest, other, index, now) }]
        : [];
    }),
  };
}
