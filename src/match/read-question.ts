import type { WordList } from "./english-words.ts";
import { type DateFound, findDate } from "./find-date.ts";
import { nameKey } from "./name-key.ts";
import type { NamedSources } from "./named-sources.ts";
import { stemWord, tokenizeQuestion } from "./normalize-question.ts";
import { readTerms } from "./read-terms.ts";
import {
  agentPrepositions,
  attributionAfter,
  negations,
  ownSide,
  placePrepositions,
  stopwords,
} from "./stopwords.ts";

/** After a group, these make it the one who counts: "police percentage", "the organisers' total". */
const countedByStems = new Set(
  [...attributionAfter, "percentage", "percent", "share", "rate", "tally", "toll", "total"].map(stemWord),
);

import type { TypoCorrector } from "./typo-corrector.ts";
import { isConcept, type Vocabulary } from "./vocabulary.ts";

/** How a word stands in the question: plainly, as where something happened, or as who did it. */
export type TermRole = "plain" | "place" | "agent";

export interface QuestionTerm {
  key: string;
  role: TermRole;
}

/** A question read into what the matcher compares: terms, named sources, the date, and a few cues. */
export interface QuestionReading {
  terms: QuestionTerm[];
  /**
   * Content words nothing in the index uses. `afterIn` when one reads as a place ("deaths in Murcia");
   * `counted` when it is what the question counts ("how many missiles") or whose ("EU aid").
   */
  unknown: Array<{ word: string; afterIn: boolean; counted: boolean }>;
  /** The term the question counts: the one after "how many" or "number of". */
  counted: string | null;
  sources: string[];
  /** Of `sources`, those the question asks what they say. */
  attributed: Set<string>;
  /** Of `sources`, those named only by a common English word ("insurers"). */
  generic: Set<string>;
  date: DateFound;
  /** "How much …": money, unless a measure says otherwise. */
  howMuch: boolean;
  /** "How many", "number of": a count. */
  asksCount: boolean;
  /** "Rate", "%", "share", "proportion": a share. */
  asksShare: boolean;
  /** "His", "their own": the side of the source named. */
  ownSide: boolean;
}

export interface QuestionReaderDeps {
  vocabulary: Vocabulary;
  typos: TypoCorrector;
  sources: NamedSources;
  /** Every term some topic explains. */
  known: ReadonlySet<string>;
  /** English words, which are never typos. */
  english: WordList;
}

/** Upper-case "US" and "the us" are the country; lower-case "us" alone is the pronoun. */
function markCountryUs(question: string): string {
  return question.replace(/\bU\.?S\.?(?=\s|$|[^\w])/g, "USA").replace(/\bthe us\b/gi, "the USA");
}

/** Past tenses that follow "how many" with the people counted left unsaid. */
const pastVerbs = new Set([
  "came",
  "went",
  "fled",
  "left",
  "got",
  "fell",
  "ran",
  "saw",
  "took",
  "were",
  "are",
  "have",
  "had",
  "did",
  "made",
]);
/** Words that ask for a share rather than a count. */
const shareWords = new Set([
  "rate",
  "percent",
  "percentage",
  "pct",
  "share",
  "proportion",
  "fraction",
  "ratio",
]);
/** Words before a verb: "have gone back" is not "EU aid". */
const auxiliaries = new Set([
  "have",
  "has",
  "had",
  "be",
  "been",
  "were",
  "was",
  "is",
  "are",
  "got",
  "get",
  "did",
  "do",
  "does",
  "will",
  "would",
]);
const filler = new Set([
  "the",
  "a",
  "an",
  "its",
  "their",
  "his",
  "her",
  "first",
  "second",
  "last",
  "whole",
  "entire",
]);

export function readQuestion(question: string, now: Date, deps: QuestionReaderDeps): QuestionReading {
  // Lower-case "us" before a word that counts people or money ("us troops", "us aid") is the country too.
  // "Holt's party", "Perl's lot": the side of the person named, who is the name that counts.
  // "No. of fires": the number, not a negation. "May Day" is the first of May.
  const numbered = question
    .replace(/\bnos?\.\s*(?=of\b)/gi, "number ")
    .replace(/\bmay\s?day\b/gi, "1 may")
    .replace(/\byrs?\b/gi, "year")
    // "YTD", "year to date", "so far this year": this calendar year.
    .replace(/\b(ytd|year[\s-]to[\s-]date|so far this year)\b/gi, "this year");
  const sided = numbered.replace(
    /(\w)['’]s\s+(party|lot|side|camp|team|movement|government|people)\b/gi,
    "$1's",
  );
  const raw = tokenizeQuestion(markCountryUs(sided)).map((w, i, all) =>
    w === "us" && deps.vocabulary.countsSomething(stemWord(all[i + 1] ?? "")) ? "usa" : w,
  );
  // A word whose name key the index knows ("Sudanese" for "Sudan") is not a typo.
  // Then a typo ("casualites"), then an abbreviation ("conf", "ug"), for words the index does not know.
  const corrected = raw.map((w) => {
    if (deps.known.has(nameKey(stemWord(w))) || stopwords.has(w) || deps.vocabulary.surface.has(w)) return w;
    // A real English word is never a typo ("standing", "lunch"); a short one may still be cut ("conf").
    if (w.length >= 5 && deps.english.has(w)) return w;
    // Nor is a short one mistyped ("fast" is not "fatal"), though it may be cut ("conf" for confirmed).
    if (w.length === 4 && deps.english.has(w)) return deps.typos.expand(w) ?? w;
    // Short words are more often cut than mistyped: "sarv" is Sarvonia, not "save".
    if (w.length === 3 && deps.english.has(w)) return w;
    if (w.length <= 4) return deps.typos.expand(w) ?? deps.typos.correct(w) ?? w;
    return deps.typos.correct(w) ?? deps.typos.expand(w) ?? w;
  });
  const date = findDate(corrected, now);
  const stems = corrected.map((w, i) => (date.used.has(i) ? "" : stemWord(w)));
  // A longer vocabulary phrase wins over a source inside it: "Kim Jong Un" is not the UN.
  const protectedAt = new Set<number>();
  for (const m of deps.vocabulary.phrases.match(stems)) {
    if (m.end - m.start > 1) for (let i = m.start; i < m.end; i++) protectedAt.add(i);
  }
  const found = deps.sources.find(stems, question, protectedAt, (i) => deps.english.has(corrected[i] ?? ""));
  const skip = new Set([...date.used, ...found.covered]);
  const wordBefore = (start: number): string => {
    let i = start - 1;
    while (i > 0 && filler.has(corrected[i] ?? "")) i--;
    return corrected[i] ?? "";
  };
  const roleAt = (start: number): TermRole => {
    const before = wordBefore(start);
    if (placePrepositions.has(before)) return "place";
    if (agentPrepositions.has(before)) return "agent";
    return "plain";
  };
  const terms: QuestionTerm[] = [];
  const unknown: Array<{ word: string; afterIn: boolean; counted: boolean }> = [];
  // "How many missiles", "number of journalists": the word counted.
  const countedAt = (start: number): boolean => {
    const a = corrected[start - 1] ?? "";
    const b = corrected[start - 2] ?? "";
    // "How many came", "how many fled": a verb, the people counted left unsaid.
    if (pastVerbs.has(corrected[start] ?? "") || /ed$/.test(corrected[start] ?? "")) return false;
    return (a === "many" && b === "how") || (a === "of" && b === "number");
  };
  let counted: string | null = null;
  const all = readTerms(stems, deps.vocabulary, skip);
  for (const [n, t] of all.entries()) {
    // "Dead, not wounded": a negated concept is not asked for. Names and places are never negated: "homes
    // without power in Halden" still asks about Halden.
    if (corrected.slice(Math.max(0, t.start - 3), t.start).some((w) => negations.has(w))) continue;
    // "Police estimate", "the organisers' figure": whose count it is, not whose people are counted.
    const saysSo = stems.slice(t.end, t.end + 3).some((w) => countedByStems.has(w));
    const role = saysSo && deps.vocabulary.kind(t.key) === "group" ? "agent" : roleAt(t.start);
    if (!isConcept(t.key) && !deps.known.has(t.key)) {
      // An unknown word just before what is counted says whose ("EU aid", "Chinese troops").
      const next = all[n + 1];
      const whose =
        next !== undefined &&
        next.start === t.end &&
        ["measure", "group"].includes(deps.vocabulary.kind(next.key) ?? "") &&
        !auxiliaries.has(corrected[t.start - 1] ?? "");
      unknown.push({
        word: t.key,
        // "In Murcia", "at Avdiivka" (but "at the height of it" is English, not a place).
        afterIn:
          role === "place" &&
          !["to", "for"].includes(wordBefore(t.start)) &&
          (wordBefore(t.start) !== "at" || !deps.english.has(corrected[t.start] ?? "")),
        counted: countedAt(t.start) || whose,
      });
      continue;
    }
    if (countedAt(t.start)) counted = t.key;
    terms.push({ key: t.key, role });
  }
  const combined = deps.vocabulary.combine(terms.map((t) => t.key));
  const merged = combined.map((key) => terms.find((t) => t.key === key) ?? { key, role: "plain" as const });
  return {
    terms: merged,
    unknown,
    counted,
    sources: found.ids,
    attributed: found.attributed,
    generic: found.generic,
    date,
    howMuch: raw.some((w, i) => w === "much" && raw[i - 1] === "how"),
    asksCount: raw.some(
      (w, i) => (w === "many" && raw[i - 1] === "how") || (w === "number" && raw[i + 1] === "of"),
    ),
    asksShare: raw.some((w) => shareWords.has(w)),
    ownSide: raw.some((w) => ownSide.has(w)),
  };
}
