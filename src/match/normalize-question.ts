import { stemmer } from "stemmer";

/**
 * Slack markup that carries no words of the question: mentions, channel links, special mentions, emoji. A
 * token never holds a "<" (Slack sends a typed one as "&lt;"), so none is read past one: "<@<@<@…" stays linear.
 */
const slackMarkup = /<[@#!][^<>]*>|:[a-z0-9_+-]+:/gi;
/** A Slack link `<https://…|label>` keeps its label. */
const slackLink = /<(https?:[^<>|]+)(?:\|([^<>]*))?>/gi;

/**
 * Lower-cases, strips diacritics, Slack markup, possessives and punctuation, and splits into words.
 * Numbers keep their digits ("2024", "10,000" → "10000"); "k"/"m" suffixes stay separate words.
 */
export function tokenizeQuestion(text: string): string[] {
  const cleaned = text
    .replace(slackLink, (_m, _url: string, label?: string) => ` ${label ?? ""} `)
    .replace(slackMarkup, " ")
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    // "2,000" is a count, never the year 2000: written with a separator it keeps an "n" so dates skip it.
    .replace(/\b\d{1,3}(?:,\d{3})+\b/g, (n) => `${n.replace(/,/g, "")}n`)
    .replace(/(\w)'s\b/g, "$1")
    .replace(/s'(?=\s|$)/g, "s")
    // "KIA/month", "cas/day": a rate. "CY2024": a calendar year.
    .replace(/\/\s*(day|month|week|year)\b/g, " per $1")
    .replace(/\bcy(\d{4})\b/g, "$1")
    .replace(/&/g, " and ")
    .replace(/%/g, " percent ")
    .replace(/\$/g, " dollar ");
  return cleaned.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
}

/** Past tenses the Porter stemmer does not fold: "burnt" is "burned". */
const irregularPast: Readonly<Record<string, string>> = Object.freeze({
  burnt: "burn",
  spoilt: "spoil",
  spilt: "spill",
  built: "build",
  fled: "flee",
  dealt: "deal",
  learnt: "learn",
  // "Marched" is the crowd's verb; folded to "march" it would read as the month.
  marched: "marched",
  marching: "marched",
  // Boats "landed" are not "land" (territory); "crossings" are not "crossed a million".
  landed: "landed",
  landing: "landed",
  landings: "landed",
  crossing: "crossing",
  crossings: "crossing",
});

/**
 * Folds a word to its stem with the Porter stemmer ("casualties" and "casualty" → "casualti", "flooding" →
 * "flood"), so plurals and tenses meet. It only has to map related words to the same key, on both the data
 * side and the question side, not produce real words.
 */
export function stemWord(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  // "Lives" (as in lives lost) must not become "live" (as in people who live in a city).
  if (word === "lives") return word;
  const irregular = irregularPast[word];
  if (irregular) return irregular;
  // People named by what they do keep their name: "protesters" are not "protests", "reporters" not "reported".
  if (/(er|or)s?$/.test(word) && word.length > 5) return word.replace(/s$/, "");
  return stemmer(word);
}
