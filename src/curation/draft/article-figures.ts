import {
  hasDigit,
  mayHaveWrittenAmount,
  numericAmounts,
  writtenAmounts,
} from "../../flag/figures/amounts.ts";
import { ClauseWords } from "../../flag/figures/clause-words.ts";
import { blankPhoneNumbers } from "../../flag/figures/not-amounts.ts";
import { readFigure } from "../../flag/figures/read-figure.ts";
import type { FoundFigure } from "../../flag/find-figures.ts";
import type { FlagVocabulary } from "../../flag/flag-vocabulary.ts";
import { splitClauses } from "../../flag/split-clauses.ts";

/**
 * Every figure an article gives, read with the flag detector's figure reading. The detector keeps only numbers
 * that are surely claims in newsroom chatter, where a bare "842" is as often a ticket number; an article's
 * prose states figures, so here every number it reads as a figure counts, claim words or not. Dates, times,
 * years, phone numbers, ids and compound adjectives are still left out by its reading.
 */
export function articleFigures(prose: string, vocabulary: FlagVocabulary): FoundFigure[] {
  const digits = hasDigit.test(prose);
  if (!digits && !mayHaveWrittenAmount.test(prose)) return [];
  const text = digits ? blankPhoneNumbers(prose) : prose;
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
    if (!read.figure || read.logistics) continue;
    // A year on its own ("in 2023") is a when; the reading keeps it only to decide it is no claim.
    if (!read.accepted && /^(?:19|20)\d\d$/.test(read.figure.text)) continue;
    figures.push(read.figure);
    if (read.counted) countedNoun = true;
  }
  return figures;
}
