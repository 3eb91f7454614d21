import { allMatches } from "../all-matches.ts";
import { cardinalWords } from "./cardinal-words.ts";
import { idiomNouns } from "./newsroom-words.ts";

/** One number as written, before anything decides whether it is a figure. */
export interface Amount {
  start: number;
  end: number;
  raw: string;
  value: number;
  currency: string | undefined;
  scaled: boolean;
  percent: boolean;
  plus: boolean;
  hasComma: boolean;
  /** "a million", "two thousand". */
  written: boolean;
  /** "3x", "2×": a multiplier. */
  multiple: boolean;
}

// One amount: currency, digits (grouped or plain, dots kept so versions show), scale ("700k-ish" too) or
// multiplier ("3x", not "1920x1080"), percent, "+".
const amountPattern =
  /((?:US)?\$|£|€|₽|₴|₹|¥)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)*)(?:(k|mn|mln|bn|tn|m|b)(?:(?![a-z])|(?=ish\b))|\s?(thousand|million|billion|trillion|mn|mln|bn|tn)\b|([x×])(?![a-z\d]))?(\s?(?:%|percent\b|per cent\b|pct\b|percentage points?\b))?(\+)?/giy;
const writtenPattern =
  /\b(?:(half) a|(a quarter of) a|(a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty))\s+(thousand|million|billion)\b(\+| plus\b)?/gi;

/** Whether a text may hold a written amount ("a million"), checked before the costlier scan. */
export const mayHaveWrittenAmount = /thousand|million|billion/i;
export const hasDigit = /\d/;

const scales: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  tn: 1e12,
  trillion: 1e12,
};
// Keyed by what writtenPattern captures; only its words are ever looked up.
const writtenValues: Record<string, number> = { half: 0.5, "a quarter of": 0.25, a: 1, ...cardinalWords };

const currencySigns = new Set(["$", "£", "€", "₽", "₴", "₹", "¥"]);

/**
 * Every amount written in digits, in order: the matches of `amountPattern` searched from left to right. An
 * amount starts at a digit or at the currency sign right before one, so only those places are tried, rather
 * than the whole pattern at every character of the message.
 */
export function numericAmounts(text: string): Amount[] {
  const out: Amount[] = [];
  let from = 0;
  for (let d = nextDigit(text, 0); d >= 0; ) {
    const found = amountAround(text, d, from);
    if (found) {
      out.push(found);
      from = found.end;
    }
    d = nextDigit(text, found ? from : d + 1);
  }
  return out;
}

/** The leftmost amount starting at `from` or later that starts at the digit at `d` or at its currency sign. */
function amountAround(text: string, d: number, from: number): Amount | null {
  const sign = text[d - 1];
  if (sign === undefined || !currencySigns.has(sign)) return amountAt(text, d);
  // "US$5": the pattern's one sign of three characters.
  const us = sign === "$" && d - 3 >= from ? amountAt(text, d - 3) : null;
  return us ?? (d - 1 >= from ? amountAt(text, d - 1) : null) ?? amountAt(text, d);
}

/** Where the next digit (`\d`: ASCII only) is, from `at` on; -1 if none. */
function nextDigit(text: string, at: number): number {
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return i;
  }
  return -1;
}

/** The amount that starts exactly at `at`, if any: the second number of "10 to 12k". */
export function amountAt(text: string, at: number): Amount | null {
  amountPattern.lastIndex = at;
  const m = amountPattern.exec(text);
  return m ? toAmount(m, at) : null;
}

function toAmount(m: RegExpExecArray | RegExpMatchArray, start: number): Amount {
  const [whole, currency, raw = "", short, word, times, pct, plus] = m;
  const scale = short ?? word;
  const base = rawNumber(raw);
  return {
    start,
    end: start + whole.length,
    raw,
    value: scale ? base * (scales[scale.toLowerCase()] ?? 1) : base,
    currency: currency ?? undefined,
    scaled: scale !== undefined,
    percent: pct !== undefined,
    plus: plus !== undefined,
    hasComma: raw.includes(","),
    written: false,
    multiple: times !== undefined,
  };
}

/** "a million", "two thousand", "half a million"; not "a million things to do" or "one in a million". */
export function writtenAmounts(text: string): Amount[] {
  const out: Amount[] = [];
  for (const m of allMatches(writtenPattern, text)) {
    const multiplier = writtenValues[(m[1] ?? m[2] ?? m[3] ?? "").toLowerCase()] ?? 1;
    const end = m.index + m[0].length;
    const next = /^\s+(\p{L}+)/u.exec(text.slice(end, end + 20))?.[1]?.toLowerCase();
    if (next && idiomNouns.has(next)) continue;
    if (
      /\bin\s+$|\b(?:thanks|thank you|thx|ta|cheers)\s+$/i.test(
        text.slice(Math.max(0, m.index - 12), m.index),
      )
    )
      continue;
    out.push({
      start: m.index,
      end,
      raw: m[0],
      value: multiplier * (scales[(m[4] ?? "").toLowerCase()] ?? 1),
      currency: undefined,
      scaled: true,
      percent: false,
      plus: m[5] !== undefined,
      hasComma: false,
      written: true,
      multiple: false,
    });
  }
  return out;
}

/** "1,200.5" → 1200.5. */
export function rawNumber(raw: string): number {
  const digits = raw.includes(",") ? raw.replaceAll(",", "") : raw;
  // A whole number of up to 15 digits (exact in a double) is read digit by digit: Number() on a fresh string
  // is a call into the runtime, and every number in every message is read.
  if (digits.length === 0 || digits.length > 15) return Number(digits);
  let value = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return Number(digits);
    value = value * 10 + d;
  }
  return value;
}

/** "2024": four digits from 1900 on, written plain. */
export function isYear(a: Amount): boolean {
  return (
    !a.hasComma && !a.scaled && !a.currency && !a.percent && /^(19|20)\d\d$/.test(a.raw) && a.value >= 1900
  );
}
