import type { Claim } from "../claims/schema.ts";
import { asOfSortKey } from "../figures/format-as-of.ts";

/*
 * Claim order, worked out once per claim and once per topic. An index is immutable once built, so a topic's
 * claims (the same array every answer reads) are sorted on the first answer and reused after; dates are parsed
 * once per claim, not on every comparison.
 */
const keys = new WeakMap<Claim, number>();
const sorted = new WeakMap<readonly Claim[], readonly Claim[]>();

/** The claim's as-of date as a number to order by (a month sorts as its first day). */
export function claimDateKey(c: Claim): number {
  let key = keys.get(c);
  if (key === undefined) {
    key = asOfSortKey(c.as_of);
    keys.set(c, key);
  }
  return key;
}

/** Newest first; on the same date an attributed figure before the outlet's own, a day before a month, then by id. */
export function compareClaimsNewestFirst(a: Claim, b: Claim): number {
  return (
    claimDateKey(b) - claimDateKey(a) ||
    Number(a.unattributed) - Number(b.unattributed) ||
    b.as_of.length - a.as_of.length ||
    a.id.localeCompare(b.id)
  );
}

/** The claims newest first, sorted once for each list the index holds. */
export function newestFirst(claims: readonly Claim[]): readonly Claim[] {
  let out = sorted.get(claims);
  if (!out) {
    out = [...claims].sort(compareClaimsNewestFirst);
    sorted.set(claims, out);
  }
  return out;
}

/**
 * A topic's claims newest first, with what every answer reads off them worked out once: each claim's date key,
 * and where each source's figures are. An answer as of a date then finds what was said by then, and each
 * source's latest figure, by binary search rather than by walking a long history (1,700 figures at 100,000
 * claims).
 */
export interface ClaimOrder {
  /** Newest first (`newestFirst`). */
  claims: readonly Claim[];
  /** Each claim's `claimDateKey`, in the same order: never increasing. */
  keys: Float64Array;
  /** Per source, in order of its newest figure: the positions of its figures, ascending. */
  bySource: Map<string, number[]>;
}

const orders = new WeakMap<readonly Claim[], ClaimOrder | null>();

/** The order of a list the index holds; null when a date key is not a number, so nothing can be searched. */
export function claimOrder(claims: readonly Claim[]): ClaimOrder | null {
  let order = orders.get(claims);
  if (order === undefined) {
    const sortedClaims = newestFirst(claims);
    const keys = Float64Array.from(sortedClaims, claimDateKey);
    const bySource = new Map<string, number[]>();
    sortedClaims.forEach((c, i) => {
      const at = bySource.get(c.source);
      if (at) at.push(i);
      else bySource.set(c.source, [i]);
    });
    order = keys.some(Number.isNaN) ? null : { claims: sortedClaims, keys, bySource };
    orders.set(claims, order);
  }
  return order;
}

/** The first position said by `cutoff` (its key at most the cutoff); the list's length when none is. */
export function firstSaidBy(order: ClaimOrder, cutoff: number): number {
  let lo = 0;
  let hi = order.keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((order.keys[mid] as number) <= cutoff) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Each source's newest figure from position `from` on, in the order a walk from there meets them: what a
 * Map filled by walking `claims.slice(from)` would hold, in its order.
 */
export function latestBySourceFrom(order: ClaimOrder, from: number): Map<string, Claim> {
  const firsts: Array<{ source: string; at: number }> = [];
  for (const [source, positions] of order.bySource) {
    const at = firstAtLeast(positions, from);
    if (at !== undefined) firsts.push({ source, at });
  }
  firsts.sort((a, b) => a.at - b.at);
  return new Map(firsts.map(({ source, at }) => [source, order.claims[at] as Claim]));
}

function firstAtLeast(sorted: readonly number[], from: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) >= from) hi = mid;
    else lo = mid + 1;
  }
  return sorted[lo];
}
