import type { FlagVocabulary } from "../flag-vocabulary.ts";
import { type Amount, isYear } from "./amounts.ts";
import { isPluralNoun } from "./counted-noun.ts";
import { labelWords, monthWords, timeWords } from "./newsroom-words.ts";
import { wordBeforeEndSpaces } from "./word-scan.ts";

/**
 * Numbers that are never figures: phone numbers, ids, versions, times, dates, labels ("page 12") and the
 * numbers of model names ("Leopard 2 tanks").
 */

// Never inside a grouped number: "500,000-600,000" is a range, not "000-600".
const phonePatterns = [
  /\+\d[\d\s().-]{6,}\d/g,
  /\(\d{3}\)\s?\d{3}[\s.-]\d{4}/g,
  /(?<![\d,.])\d{3}[.-]\d{3}[.-]\d{4}\b/g,
  /(?<![\d,.])\d{3}-0\d{3}\b/g,
  /(?<![\d,.])0\d{2,4}[\s-]?\d{3,4}(?:[\s-]?\d{3,4})?\b/g,
];

// Every phone pattern holds a run of at least seven digits and separators: most messages have none.
const mayHavePhone = /\d[\d\s().-]{5,}\d/;

/** The text with phone numbers blanked to spaces, so that offsets still hold. */
export function blankPhoneNumbers(text: string): string {
  if (!mayHavePhone.test(text)) return text;
  let out = text;
  for (const p of phonePatterns) out = out.replace(p, (m) => " ".repeat(m.length));
  return out;
}

/** Shapes that are never amounts: ids, versions, times, tickets, labels, numbers glued to letters. */
export function rejectedByShape(text: string, a: Amount, previous: string | undefined): boolean {
  const digitsAt = a.currency ? a.start + a.currency.length : a.start;
  const before = text[a.start - 1] ?? " ";
  const before2 = text[a.start - 2] ?? " ";
  if (/[\p{L}\d_#/@.,]/u.test(before)) return true;
  if (/[-–—]/.test(before) && /[\p{L}\d]/u.test(before2)) return true;
  if (before === ":" && /\d/.test(before2)) return true;
  const raw = text.slice(digitsAt, digitsAt + a.raw.length);
  if ((raw.match(/\./g) ?? []).length >= 2) return true;
  if (/^0\d/.test(raw)) return true;
  return (
    previous !== undefined &&
    labelWords.has(previous) &&
    !/[,;:]\s*$/.test(text.slice(Math.max(0, a.start - 4), a.start))
  );
}

// "85 Leopard 2 tanks", "the Patriot 3 batteries": a capitalised word after a count or a determiner, then the number.
const modelWordBefore =
  /(?:\d|\b(?:a|an|the|more|some|any|many|few|several|two|three|four|five|six|seven|eight|nine|ten|dozen|of|their|its|our|his|her|new|old))\s+(\p{L}[\p{L}-]*)\s$/iu;

/**
 * A number that is part of a model name: right after a capitalised model word that itself follows a count or
 * a determiner, and followed by the noun counted ("85 Leopard 2 tanks"). "In Kharkiv 3 were killed" is not.
 */
export function isModelNumber(text: string, a: Amount, vocabulary: FlagVocabulary): boolean {
  if (a.hasComma || a.scaled || a.percent || a.currency || a.multiple || a.plus || a.raw.length > 3)
    return false;
  if (!/\p{L}/u.test(text[a.start - 2] ?? "")) return false;
  // The pattern ends in one space right before the number.
  if (!/\s/.test(text[a.start - 1] ?? "")) return false;
  const model = modelWordBefore.exec(text.slice(Math.max(0, a.start - 40), a.start))?.[1];
  if (model === undefined || !/^\p{Lu}/u.test(model)) return false;
  const next = /^\s+(\p{Ll}[\p{L}'’-]*)/u.exec(text.slice(a.end, a.end + 30))?.[1];
  if (next === undefined) return false;
  return vocabulary.counted.has(next) || isPluralNoun(next);
}

/** "3 pm", "0800 GMT", "10 o'clock". */
export function isTimeAfter(after: string): boolean {
  const m = /^\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|^\s+([\p{L}'.]+)/iu.exec(after);
  if (!m) return false;
  if (m[1] === undefined) return true;
  return timeWords.has(m[1].toLowerCase());
}

/** "Jan 7", "June 12-14", "7 January", "Dec. 16"; not "Feb 41,000", which lists a month's figure. */
export function isDate(text: string, a: Amount, end: number): boolean {
  const start = a.start;
  const previous = wordBeforeEndSpaces(text.slice(Math.max(0, start - 12), start))?.toLowerCase();
  if (previous && monthWords.has(previous)) return couldBeDayOrYear(a);
  const next = /^\s+(\p{L}+)/u.exec(text.slice(end, end + 12))?.[1]?.toLowerCase();
  return next !== undefined && monthWords.has(next) && next !== "may" && next !== "mar";
}

function couldBeDayOrYear(a: Amount): boolean {
  if (a.scaled || a.percent || a.currency || a.multiple) return false;
  return isYear(a) || (!a.hasComma && Number.isInteger(a.value) && a.value <= 31);
}
