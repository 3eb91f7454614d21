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
