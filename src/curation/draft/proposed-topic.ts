import { knownUnits, type Topic } from "../../claims/schema.ts";
import { ClauseWords } from "../../flag/figures/clause-words.ts";
import { isPluralNoun, nounAfter } from "../../flag/figures/counted-noun.ts";
import type { FoundFigure } from "../../flag/find-figures.ts";
import { flagConfig } from "../../flag/flag-config.ts";
import type { FlagVocabulary } from "../../flag/flag-vocabulary.ts";
import type { FigureReading } from "../figure-input.ts";

/** What a new topic for a figure would count, read off the words around it; the desk edits the rest. */
export interface ProposedTopic {
  subject: string | null;
  measure: string | null;
  unit: string;
  thing: string | null;
}

const wordPattern = /[\p{L}][\p{L}'’-]*/gu;
// "3,800 soldiers killed or wounded", "1,200 homes destroyed": what happened to what was counted.
const outcomeAfter =
  /^\s+(?:(?:were|was|have been|had been|has been|are|being|had|have|has)\s+)?((?:\p{L}+)(?:\s+(?:or|and)\s+\p{L}+)?)/u;

/** The unit the figure's own writing shows: a currency, a percentage, a ratio, a distance; else null. */
export function writtenUnit(figure: FoundFigure): string | null {
  if (figure.unit === "usd") return "usd";
  if (figure.unit === "money")
    return /€|\beur/i.test(figure.text) ? "eur" : /£|\bgbp/i.test(figure.text) ? "gbp" : null;
  if (figure.unit === "percent" || figure.unit === "ratio" || figure.unit === "km") return figure.unit;
  return null;
}

/** Whether a topic's unit can hold the figure: money in money, a share in a share, a count in a count. */
export function unitFits(topic: Topic, figure: FoundFigure, reading: FigureReading): boolean {
  const unit = topic.unit;
  const known = (knownUnits as readonly string[]).includes(unit);
  if (reading.unit !== null) return unit === reading.unit;
  if (figure.unit === "money") return unit !== "percent" && unit !== "people" && unit !== "ratio";
  return !known || unit === "people";
}

/** The new topic a figure would need: its counted noun as thing, the outcome as measure, a name as subject. */
export function proposeTopic(
  text: string,
  figure: FoundFigure,
  vocabulary: FlagVocabulary,
  reading: FigureReading,
): ProposedTopic {
  const after = text.slice(figure.end, figure.end + 80);
  const pivot = figure.high ?? figure.value ?? 0;
  const noun = nounAfter(after, new ClauseWords(figure.clause), vocabulary, {
    large: pivot >= flagConfig.largeCountMin,
    grouped: /\d,\d/.test(figure.text),
  });
  // "40 warehouses": a plural the vocabulary does not know still says what is counted.
  const plural = /^\s+(\p{Ll}[\p{L}-]*s)\b/u.exec(after)?.[1];
  const word = noun.word ?? (plural && isPluralNoun(plural) ? plural : undefined);
  const phrase = word ? phraseUpTo(after, word) : [];
  const names = phrase.filter((w) => /^\p{Lu}/u.test(w));
  const plain = phrase.filter((w) => !/^\p{Lu}/u.test(w));
  const measure = outcomeOf(text, figure, after, phrase, vocabulary);
  const subject = names.length > 0 ? names.join(" ") : possessorBefore(text, figure);
  const people = figure.unit === "people";
  const thing = people || plain.length === 0 ? null : plain.join(" ");
  const unit = writtenUnit(figure) ?? reading.unit ?? (people ? "people" : (plain.at(-1) ?? "count"));
  const counted = word ?? countedBefore(text, figure, vocabulary);
  return { subject, measure: measure ?? (people && counted ? counted : null), unit, thing };
}

/** The words after the figure up to and including its counted noun: "Russian soldiers". */
function phraseUpTo(after: string, noun: string): string[] {
  const out: string[] = [];
  for (const m of after.matchAll(wordPattern)) {
    const w = m[0].replace(/['’]s$/, "");
    out.push(w);
    if (w.toLowerCase() === noun) return out;
    if (out.length > 5) break;
  }
  return [noun];
}

/** "3,800 soldiers killed", "killed 300 people", "lost 1,865 tanks": what happened to what was counted. */
function outcomeOf(
  text: string,
  figure: FoundFigure,
  after: string,
  phrase: string[],
  v: FlagVocabulary,
): string | null {
  let rest = after;
  for (const w of phrase) {
    const at = rest.indexOf(w);
    if (at >= 0) rest = rest.slice(at + w.length);
  }
  const next = outcomeAfter.exec(rest)?.[1];
  if (next) {
    const words = next.toLowerCase().split(/\s+/);
    const [first, , third] = words;
    // "killed or wounded" is one measure; "killed and then" is "killed".
    if (first && v.outcomes.has(first)) return third && v.outcomes.has(third) ? words.join(" ") : first;
  }
  const before =
    text
      .slice(Math.max(0, figure.start - 30), figure.start)
      .toLowerCase()
      .match(wordPattern) ?? [];
  const verb = before
    .slice(-3)
    .reverse()
    .find((w) => v.outcomes.has(w));
  return verb ?? null;
}

/** "total casualties … have surpassed one million": the last counted noun before the figure in its clause. */
function countedBefore(text: string, figure: FoundFigure, v: FlagVocabulary): string | null {
  const words = text.slice(figure.clauseOffset, figure.start).toLowerCase().match(wordPattern) ?? [];
  return words.reverse().find((w) => v.counted.has(w)) ?? null;
}

/** "Russia's losses reached 800,000": the owner named before the figure in its clause. */
function possessorBefore(text: string, figure: FoundFigure): string | null {
  const clauseStart = figure.clauseOffset;
  const before = text.slice(clauseStart, figure.start);
  const m = /(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*)['’]s\s+(?!\p{Lu})/u.exec(before);
  return m?.[1] ?? null;
}
