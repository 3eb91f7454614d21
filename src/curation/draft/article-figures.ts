import { hasDigit, numericAmounts, writtenAmounts } from "../../flag/figures/amounts.ts";
import { ClauseWords } from "../../flag/figures/clause-words.ts";
import { blankPhoneNumbers } from "../../flag/figures/not-amounts.ts";
import { readFigure } from "../../flag/figures/read-figure.ts";
import type { FoundFigure } from "../../flag/find-figures.ts";
import type { FlagVocabulary } from "../../flag/flag-vocabulary.ts";
import { splitClauses } from "../../flag/split-clauses.ts";
import { blankContactNumbers } from "./contact-numbers.ts";
import { dataSizes } from "./data-sizes.ts";
import { numberWordFigures } from "./number-words.ts";

/**
 * Every figure an article gives, read with the flag detector's figure reading. The detector keeps only numbers
 * that are surely claims in newsroom chatter, where a bare "842" is as often a ticket number; an article's
 * prose states figures, so here every number it reads as a figure counts, claim words or not. Dates, times,
 * years, phone numbers, ids and compound adjectives are still left out by its reading. Counts chatter calls
 * logistics ("85,000 calls", "9,400 of its members") are kept: in an article they are the news. Added to its
 * reading: amounts of data ("412GB") and numbers written in words ("six", "two-thirds", "dozens").
 */
export function articleFigures(prose: string, vocabulary: FlagVocabulary): FoundFigure[] {
  const digits = hasDigit.test(prose);
  const text = digits ? blankContactNumbers(blankPhoneNumbers(prose)) : prose;
  const amounts = [...(digits ? numericAmounts(text) : []), ...writtenAmounts(text)].sort(
    (a, b) => a.start - b.start,
  );
  const clauses = splitClauses(text);
  const figures: FoundFigure[] = [];
  const contexts = new Map<number, ClauseWords>();
  let consumedUntil = 0;
  let countedNoun = false;
  for (const amount of amounts) {
    if (amount.start < consumedUntil) continue;
    let clauseIndex = clauses.findIndex((c) => amount.start < c.end);
    if (clauseIndex < 0) clauseIndex = clauses.length - 1;
    const clause = clauses[clauseIndex];
    if (!clause) continue;
    let context = contexts.get(clauseIndex);
    if (!context) {
      context = new ClauseWords(clause.text);
      contexts.set(clauseIndex, context);
    }
    const preceding = {
      followsFigure: figures.at(-1)?.clauseIndex === clauseIndex,
      countedNoun,
      followsLogistics: false,
    };
    const read = readFigure(text, amount, clause, clauseIndex, context, preceding, vocabulary);
    if (read === "skip") continue;
    consumedUntil = read.end;
    if (!read.figure) continue;
    // A year on its own ("in 2023") is a when; the reading keeps it only to decide it is no claim.
    if (!read.accepted && /^(?:19|20)\d\d$/.test(read.figure.text)) continue;
    figures.push(read.figure);
    if (read.counted) countedNoun = true;
  }
  // "1.5 TB": the size as a whole, over the reading's bare "1.5".
  const sizes = digits ? dataSizes(text, clauses) : [];
  const read = [...figures.filter((f) => !sizes.some((d) => d.start < f.end && f.start < d.end)), ...sizes];
  return [...read, ...numberWordFigures(text, clauses, vocabulary, read)].sort((a, b) => a.start - b.start);
}
