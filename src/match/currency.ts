import { asOfSortKey } from "../figures/format-as-of.ts";
import type { QuestionReading } from "./read-question.ts";

/** An `as_of` date as a count of days, ordered as every other as-of date is (asOfSortKey). */
export const dayNumber = (asOf: string): number => asOfSortKey(asOf) / 86_400_000;

/**
 * The question names a period (a year, or a month with its year), so it is not asking about now. A month named
 * without its year ("rain for October") is the latest such month: a question about now.
 */
export function namesAPeriod(reading: QuestionReading): boolean {
  if (reading.terms.some((t) => t.key.startsWith("@y"))) return true;
  if (reading.date.yearGuessed) return false;
  if (reading.date.yearPeriod !== null || reading.date.monthPeriod !== null) return true;
  return reading.terms.some((t) => t.key.startsWith("@m"));
}

export interface CurrencyWeights {
  /** Years a topic's newest figure may trail the newest among the candidates before it counts against it. */
  graceYears: number;
  /** Rank lost per year beyond the grace. */
  perYear: number;
  /** The least a stale topic keeps: it may still be the only one that fits. */
  floor: number;
  /** Candidates ranked within this share of the best set what "current" is. */
  closeWithin: number;
}

/**
 * How current each candidate is, as a factor on its rank. A question that names no period asks about now (or
 * about the date it names): of topics that fit it alike (the same measure, in another year's round), the one
 * whose figures are being said now is what a reporter means, not one whose last figure is years old. Measured
 * against the most current candidate, never against the clock, so an index of old stories still answers.
 */
export function currencyFactors(
  candidates: ReadonlyArray<{ latest: number | undefined; rank: number }>,
  askedDay: number,
  w: CurrencyWeights,
): number[] {
  // As of the day asked (today when none is): what was said after it cannot make a topic current then.
  const when = candidates.map(({ latest: d }) => (d === undefined ? undefined : Math.min(d, askedDay)));
  // Current among those that fit nearly as well: a topic sharing one word is no measure of what is current.
  let best = 0;
  for (const c of candidates) if (c.rank > best) best = c.rank;
  let newest = Number.NEGATIVE_INFINITY;
  when.forEach((d, i) => {
    if (d !== undefined && d > newest && (candidates[i]?.rank ?? 0) >= best * w.closeWithin) newest = d;
  });
  return when.map((d) => {
    if (d === undefined) return 1;
    const behind = (newest - d) / 365.25 - w.graceYears;
    return behind <= 0 ? 1 : Math.max(w.floor, 1 - w.perYear * behind);
  });
}
