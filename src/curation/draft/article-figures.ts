import { hasDigit, numericAmounts, writtenAmounts } from "../../flag/figures/amounts.ts";
import { blankPhoneNumbers } from "../../flag/figures/not-amounts.ts";
import { type FoundFigure, readAmounts } from "../../flag/find-figures.ts";
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
  const figures = readAmounts(text, amounts, clauses, vocabulary, { keepUnclaimed: true });
  // "1.5 TB": the size as a whole, over the reading's bare "1.5".
  const sizes = digits ? dataSizes(text, clauses) : [];
  const read = [...figures.filter((f) => !sizes.some((d) => d.start < f.end && f.start < d.end)), ...sizes];
  return [...read, ...numberWordFigures(text, clauses, vocabulary, read)].sort((a, b) => a.start - b.start);
}
