import type { FlagVocabulary } from "../flag-vocabulary.ts";
import { type ClauseWords, hasAny } from "./clause-words.ts";
import { audienceWords, durationNouns, logisticsNouns, longDurations } from "./newsroom-words.ts";
import type { FigureUnit } from "./types.ts";
import { withoutPossessive } from "./word-scan.ts";

/** What a number counts, as read from the words after it. */
export interface NounScan {
  unit?: FigureUnit;
  word?: string;
  /** It counts the newsroom's own things: words, minutes, pages. */
  logistics: boolean;
}

/** Words after a number scanned for its noun ("38,000 Russian soldiers"). */
const nounLookahead = 4;
// "F-16s", "Su-34", "T-72B3s", "MiG-29s", "S-300": letters, an optional dash, digits.
const modelDesignation = /^\p{L}{1,8}-?\d+[\p{L}\d]*$/u;
// "450 square kilometres", "12 sq km": an area, in the unit Tally writes distances in.
const areaWords = new Set(["km", "kilometres", "kilometers", "sq"]);
// A word, or one mark that is not a space: the tokens read after a number.
const nounTokens = /([\p{L}][\p{L}\d'’.-]*)|[^\s\p{L}]/gu;
const periodOnPeriod = /^\s*(?:year|month|week|quarter)[\s-]+(?:on|over)[\s-]+(?:year|month|week|quarter)\b/i;
const notPlurals = new Set(
  "this does goes plus less across thus always perhaps whereas hers ours yours theirs".split(" "),
);

/** A plural-looking word: "explainers", "launchers"; not "this", "across", "press". */
export function isPluralNoun(word: string): boolean {
  return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") && !notPlurals.has(word);
}

/**
 * The noun a number counts, skipping modifiers: "38,000 Russian soldiers" → soldiers. Capitalised words are
 * modifiers too ("500 Wagner fighters"); a thing named with a capital ("3 Patriots") is counted unless a plural
 * noun follows it ("2 HIMARS explainers" counts explainers); a plural model designation is the noun ("20 F-16s").
 */
export function nounAfter(
  after: string,
  context: ClauseWords,
  vocabulary: FlagVocabulary,
  /** large: scaled or at least tens of thousands; grouped: written with a thousands separator. */
  size: { large: boolean; grouped: boolean },
): NounScan {
  let seenPeople = false;
  let named: string | undefined;
  let count = 0;
  // "fell 24% year on year": how it was measured, not what.
  if (periodOnPeriod.test(after)) return { logistics: false };
  let previous = "";
  // Read token by token, not all at once: most scans stop at the first word or two.
  nounTokens.lastIndex = 0;
  for (let m = nounTokens.exec(after); m !== null; m = nounTokens.exec(after)) {
    const token = m[0];
    if (m[1] === undefined) {
      if (token === "+" || token === "~") continue;
      break;
    }
    const possessed = withoutPossessive(token.toLowerCase());
    const word = possessed.endsWith(".") ? possessed.slice(0, -1) : possessed;
    if (durationNouns.has(word)) {
      // "1,340 the day before": when, not what. "1,026 days" of war: nobody plans thousands of days.
      if (previous === "the") break;
      if (size.grouped && !seenPeople && longDurations.has(word))
        return { unit: "count", word, logistics: false };
    }
    if (logisticsNouns.has(word)) return seenPeople ? { logistics: true } : { logistics: true, word };
    if (areaWords.has(word)) return { unit: "km", word, logistics: false };
    const unit = vocabulary.counted.get(word);
    if (named && unit) return { unit, word, logistics: false };
    if (named && isPluralNoun(word)) return { logistics: false };
    if (named) break;
    if (unit === "count" && /^\p{Lu}/u.test(token)) named = word;
    else if (unit) return { unit, word, logistics: false };
    else if (word === "people") seenPeople = true;
    else if (modelDesignation.test(token)) {
      // "20 F-16s" counts jets; in "2 F-16 explainers" the model only describes the noun after it.
      if (/\d[\p{L}\d]*s$/iu.test(token)) return { unit: "count", word, logistics: false };
    } else if (!vocabulary.modifiers.has(word) && !/^\p{Lu}/u.test(token)) break;
    previous = word;
    if (++count >= nounLookahead) break;
  }
  if (named) return { unit: "count", word: named, logistics: false };
  if (seenPeople) {
    for (const word of context.words)
      if (vocabulary.harm.has(word)) return { unit: "people", word: "people", logistics: false };
    // "900,000 people under arms", "6.7 million people": a population, unless they read or watched something.
    const population = size.large || (size.grouped && hasAny(context.words, vocabulary.storyContext));
    if (population && !hasAny(context.words, audienceWords))
      return { unit: "people", word: "people", logistics: false };
    return { logistics: true };
  }
  return { logistics: false };
}

const capitalised = /(?<!\p{L})\p{Lu}[\p{L}-]*/gu;
const possessionVerbs = new Set(
  "got have has had received receive receiving delivered own owns operate operates operating field fields fielded".split(
    " ",
  ),
);

/** "they've got 39", "Ukraine received 31": the number says how many of something the clause named. */
export function possessedBefore(beforeWords: readonly string[], vocabulary: FlagVocabulary): boolean {
  return beforeWords.some((w) => possessionVerbs.has(w) || vocabulary.outcomes.has(w));
}

/**
 * A thing named with a capital earlier in the clause, with no other number in between: "HIMARS: they've got
 * 39 now" counts HIMARS.
 */
export function thingNamedBefore(
  text: string,
  clauseStart: number,
  at: number,
  vocabulary: FlagVocabulary,
): string | undefined {
  const before = text.slice(Math.max(clauseStart, at - 60), at);
  if (/\d/.test(before)) return undefined;
  for (const token of before.match(capitalised) ?? []) {
    const w = token.toLowerCase();
    if (vocabulary.counted.get(w) === "count") return w;
  }
  return undefined;
}
