import type { Qualifier } from "../claims/schema.ts";
import { type Amount, amountAt, numericAmounts, writtenAmounts } from "../flag/figures/amounts.ts";
import { hedgeSuffix, qualifierBefore } from "../flag/figures/qualifiers.ts";
import { readRange, readShare } from "../flag/figures/ranges.ts";
import type { FigureInputResult, FigureReading } from "./figure-input.ts";

/**
 * Reads a figure as a desk member types it into a modal, with the flag detector's own number reading (amounts,
 * ranges, qualifiers), so that a figure typed and a figure found in an article read the same way.
 */

const example = "write one number or a range, like 'over 1 million' or '10,000 to 12,000'";
const fail = (why: string): FigureInputResult => ({ ok: false, message: `${why}: ${example}` });

const currencyUnits: Record<string, string> = { $: "usd", us$: "usd", "€": "eur", "£": "gbp" };
// Currencies written as words around the number: "USD 5m", "5 million euros", "£3bn sterling".
const currencyWordBefore = /\b(usd|eur|gbp)\s*$/i;
const currencyWordAfter = /^\s*(?:us\s+)?(dollars?|euros?|pounds?(?:\s+sterling)?|usd|eur|gbp)\b/i;
const currencyWords: Record<string, string> = {
  dollar: "usd",
  dollars: "usd",
  usd: "usd",
  euro: "eur",
  euros: "eur",
  eur: "eur",
  pound: "gbp",
  pounds: "gbp",
  "pounds sterling": "gbp",
  gbp: "gbp",
};
// "-0.2%", "−0.2%" (a typographic minus), "minus 0.2%".
const minusBefore = /(?:^|[\s(])(?:-|minus\s+)$/i;
// A range whose high end is negative too: "-0.5 to -0.2%".
const negativeRangeJoiner = /^\s*(?:to|–|—|-)\s*-\s*/i;
// Words a desk member may add after the figure: what it counts, a rate; never another number.
const trailingWords = /^[\s\p{L}'’.,()-]*$/u;

/** Reads one figure ("over 1 million", "10,000 to 12,000", "€2.4m", "-0.2%") or says what to write instead. */
export function parseFigureInput(input: string): FigureInputResult {
  const text = input
    .replace(/\u2212/g, "-")
    .replace(/\s+/g, " ")
    .trim();
  if (text === "") return fail("the figure is empty");
  const amounts = findAmounts(text);
  const first = amounts[0];
  if (!first) return fail(`"${shorten(text)}" has no number`);
  if (!Number.isFinite(first.value)) return fail(`"${shorten(first.raw)}" is not a number`);

  let end = first.end;
  let start = first.start;
  let value: number | undefined = first.value;
  let low: number | undefined;
  let high: number | undefined;
  let percent = first.percent;
  let currency = first.currency;
  let unit: string | null = null;
  let hedge: Qualifier | undefined;

  const negative = minusBefore.exec(text.slice(0, start));
  if (negative) {
    start -= negative[0].trimStart().length;
    value = -first.value;
  }
  const suffix = first.written ? null : hedgeSuffix(text.slice(end));
  if (suffix) {
    hedge = suffix.qualifier;
    end += suffix.length;
  }

  if (negative) {
    const joiner = negativeRangeJoiner.exec(text.slice(end));
    const second = joiner ? amountAt(text, end + joiner[0].length) : null;
    if (second && value !== undefined) {
      const secondValue = -second.value;
      if (secondValue < value) return fail("the range goes down; write the low end first");
      [low, high, value] = [value, secondValue, undefined];
      percent ||= second.percent;
      end = second.end;
    }
  } else if (!first.written) {
    const share = readShare(text, first, end);
    const range = share ? null : readRange(text, first, end);
    if (share) {
      value = share.percent;
      percent = true;
      end = share.end;
    } else if (range?.kind === "range") {
      [low, high, value] = [range.low, range.high, undefined];
      percent ||= range.second.percent;
      currency ??= range.second.currency;
      start = range.start;
      end = range.end;
    } else if (range?.kind === "ratio") {
      unit = "ratio";
      end = range.end;
    }
  }

  const before = text.slice(0, start);
  const q = qualifierBefore(before);
  // The detector reads "under 500" as hedged with no qualifier the claims format has.
  if (q && q.qualifier === undefined)
    return fail(`Tally has no "under": say "up to" or "nearly" if that is what the source means`);
  const qualifier = q?.qualifier ?? (first.plus ? "over" : hedge);
  const lead = before.slice(0, before.length - (q?.length ?? 0));
  const wordBefore = currencyWordBefore.exec(lead);
  const leftBefore = wordBefore ? lead.slice(0, wordBefore.index) : lead;
  if (leftBefore.trim() !== "")
    return fail(`"${shorten(leftBefore.trim())}" before the number is not a qualifier Tally knows`);

  const after = text.slice(end);
  const wordAfter = currencyWordAfter.exec(after);
  const next = amounts.find((a) => a.start >= end);
  if (next) {
    const second = text.slice(next.start, next.end);
    if (
      low === undefined &&
      next.value <= (value ?? 0) &&
      /^\s?(?:-|–|—|to|and)\s?$/.test(after.slice(0, next.start - end))
    )
      return fail("the range goes down; write the low end first");
    return fail(`"${shorten(text)}" has a second number (${second}); give the date in its own field`);
  }
  if (!trailingWords.test(after))
    return fail(`"${shorten(after.trim())}" after the number is not understood`);

  if (unit === null) {
    const symbol = currency?.toLowerCase();
    if (symbol && currencyUnits[symbol]) unit = currencyUnits[symbol] ?? null;
    else if (wordBefore?.[1]) unit = currencyWords[wordBefore[1].toLowerCase()] ?? null;
    else if (wordAfter?.[1]) unit = currencyWords[wordAfter[1].toLowerCase().replace(/\s+/g, " ")] ?? null;
    else if (percent) unit = "percent";
  }
  const reading: FigureReading = {
    ...(value !== undefined ? { value: tidy(value) } : { low: tidy(low ?? 0), high: tidy(high ?? 0) }),
    ...(qualifier ? { qualifier } : {}),
    unit,
  };
  return { ok: true, reading };
}

/** Every amount in the text, in order: digits ("1.2 million", "€2.4m") and words ("a million"). */
function findAmounts(text: string): Amount[] {
  return [...numericAmounts(text), ...writtenAmounts(text)].sort((a, b) => a.start - b.start);
}

/** 1.2 × 1e6 is 1199999.9999999998 in floating point; a typed figure never means that. */
function tidy(n: number): number {
  return Number.parseFloat(n.toPrecision(12));
}

const shorten = (s: string): string => (s.length > 40 ? `${s.slice(0, 37)}…` : s);
