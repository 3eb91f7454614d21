import type { FoundFigure } from "./figures/types.ts";
import { findUnsourcedFigures } from "./find-unsourced-figures.ts";
import type { FlagVocabulary } from "./flag-vocabulary.ts";
import type { LabelledMessage } from "./labelled-messages.ts";

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface Miss {
  text: string;
  expected: string[];
  found: string[];
}

export interface FlaggingEvaluation {
  messages: number;
  /** Flagged (any unsourced figure found) against should-flag (any labelled unsourced figure). */
  messageLevel: Score;
  /** Each unsourced figure found against each labelled one. */
  figureLevel: Score;
  falsePositives: Miss[];
  falseNegatives: Miss[];
}

/** Precision and recall of the detector over a labelled set, with the vocabulary of the index it runs on. */
export function evaluateFlagging(
  set: readonly LabelledMessage[],
  vocabulary: FlagVocabulary,
): FlaggingEvaluation {
  const message = { tp: 0, fp: 0, fn: 0 };
  const figure = { tp: 0, fp: 0, fn: 0 };
  const falsePositives: Miss[] = [];
  const falseNegatives: Miss[] = [];
  for (const labelled of set) {
    const found = findUnsourcedFigures(labelled.text, vocabulary).unsourced;
    const shouldFlag = labelled.figures.length > 0;
    const flagged = found.length > 0;
    if (flagged && shouldFlag) message.tp++;
    else if (flagged) message.fp++;
    else if (shouldFlag) message.fn++;
    const { matched, extraFound, missed } = pairFigures(labelled.figures, found);
    figure.tp += matched;
    figure.fp += extraFound.length;
    figure.fn += missed.length;
    const foundTexts = found.map((f) => f.text);
    if (extraFound.length > 0)
      falsePositives.push({ text: labelled.text, expected: labelled.figures, found: foundTexts });
    if (missed.length > 0)
      falseNegatives.push({ text: labelled.text, expected: labelled.figures, found: foundTexts });
  }
  return {
    messages: set.length,
    messageLevel: score(message),
    figureLevel: score(figure),
    falsePositives,
    falseNegatives,
  };
}

/** Pairs labelled figure strings with found figures, one to one, by the number they share. */
function pairFigures(labels: readonly string[], found: readonly FoundFigure[]) {
  const unused = found.map((f) => normalise(f.text));
  const missed: string[] = [];
  let matched = 0;
  for (const label of labels) {
    const want = normalise(label);
    const i = unused.findIndex((got) => contains(got, want) || contains(want, got));
    if (i >= 0) {
      unused.splice(i, 1);
      matched++;
    } else missed.push(label);
  }
  return { matched, extraFound: unused, missed };
}

function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/(\d),(\d{3})/g, "$1$2")
    .replace(/(\d),(\d{3})/g, "$1$2")
    .replace(/[–—]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether `inner` appears in `outer` without cutting a number: "28" is not in "1280". */
function contains(outer: string, inner: string): boolean {
  if (inner.length === 0) return false;
  let at = outer.indexOf(inner);
  while (at >= 0) {
    const before = outer[at - 1] ?? " ";
    const after = outer[at + inner.length] ?? " ";
    if (!/[\d.]/.test(before) && !/\d/.test(after)) return true;
    at = outer.indexOf(inner, at + 1);
  }
  return false;
}

function score(c: { tp: number; fp: number; fn: number }): Score {
  return {
    truePositives: c.tp,
    falsePositives: c.fp,
    falseNegatives: c.fn,
    precision: c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp),
    recall: c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn),
  };
}
