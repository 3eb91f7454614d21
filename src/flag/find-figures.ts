import {
  type Amount,
  hasDigit,
  mayHaveWrittenAmount,
  numericAmounts,
  writtenAmounts,
} from "./figures/amounts.ts";
import { ClauseWords } from "./figures/clause-words.ts";
import { blankPhoneNumbers } from "./figures/not-amounts.ts";
import { readFigure } from "./figures/read-figure.ts";
import type { FoundFigure } from "./figures/types.ts";
import type { FlagVocabulary } from "./flag-vocabulary.ts";
import { type Clause, splitClauses } from "./split-clauses.ts";

export type { FigureRate, FigureUnit, FoundFigure } from "./figures/types.ts";

/**
 * Every figure a message's prose claims, in order. Each number is read with what comes before it in the
 * message: a number without a noun may go on counting what an earlier one counted ("63 drones … 28 were shot
 * down"), and one after a logistics count goes on counting logistics ("800 words, it's 1,150 now").
 */
export function findFigures(
  prose: string,
  vocabulary: FlagVocabulary,
  clauses: Clause[] = splitClauses(prose),
): FoundFigure[] {
  const digits = hasDigit.test(prose);
  const written = mayHaveWrittenAmount.test(prose);
  if (!digits && !written) return [];
  const text = digits ? blankPhoneNumbers(prose) : prose;
  const amounts: Amount[] = digits ? numericAmounts(text) : [];
  if (written) amounts.push(...writtenAmounts(text));
  amounts.sort((a, b) => a.start - b.start);
  return readAmounts(text, amounts, clauses, vocabulary, { keepUnclaimed: false });
}

/** How `readAmounts` treats a number the figure reading finds but the claim test refuses. */
export interface ReadPolicy {
  /**
   * Keep it (but never a bare year): in an article every stated number is news, while in chatter a bare
   * "842" is as often a ticket number. Logistics counts then start no run of logistics.
   */
  keepUnclaimed: boolean;
}

// A year on its own ("in 2023") is a when; the reading keeps it only to decide it is no claim.
const bareYear = /^(?:19|20)\d\d$/;

/** Reads each amount (sorted by start) as a figure in its clause, with what came before it in the text. */
export function readAmounts(
  text: string,
  amounts: readonly Amount[],
  clauses: Clause[],
  vocabulary: FlagVocabulary,
  policy: ReadPolicy,
): FoundFigure[] {
  const figures: FoundFigure[] = [];
  const contexts = new Map<number, ClauseWords>();
  let consumedUntil = 0;
  let countedNoun = false;
  let logisticsClause = -1;
  for (const amount of amounts) {
    if (amount.start < consumedUntil) continue;
    const clauseIndex = clauseAt(clauses, amount.start);
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
      followsLogistics: logisticsClause === clauseIndex,
    };
    const read = readFigure(text, amount, clause, clauseIndex, context, preceding, vocabulary);
    if (read === "skip") continue;
    consumedUntil = read.end;
    const keep =
      read.figure !== null && (read.accepted || (policy.keepUnclaimed && !bareYear.test(read.figure.text)));
    if (keep && read.figure) {
      figures.push(read.figure);
      if (read.counted) countedNoun = true;
    } else if (read.logistics && !policy.keepUnclaimed) logisticsClause = clauseIndex;
  }
  return figures;
}

/** The first clause ending after `at` (else the last), by halving: a scan per amount was quadratic ("? 1? 1? 1…"). */
function clauseAt(clauses: Clause[], at: number): number {
  let lo = 0;
  let hi = clauses.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at < (clauses[mid]?.end ?? 0)) hi = mid;
    else lo = mid + 1;
  }
  return lo < clauses.length ? lo : clauses.length - 1;
}
