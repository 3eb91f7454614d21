import type { matchConfig } from "./config.ts";
import type { IndexStats } from "./index-stats.ts";
import { conceptKey, type Vocabulary } from "./vocabulary.ts";

export type MatchWeights = typeof matchConfig;

export interface ScoreContext {
  stats: IndexStats;
  vocabulary: Vocabulary;
  /** Terms of the sides of the sources the question names. */
  sourceSides: ReadonlySet<string>;
  weights?: MatchWeights;
}

export const perMonth = conceptKey("per-month");
export const shareKey = conceptKey("share");
export const ratioKey = conceptKey("ratio");
export const perYear = conceptKey("per-year");
export const cumulative = conceptKey("cumulative");
export const nationwide = conceptKey("nationwide");
export const combined = conceptKey("combined");

export const otherStoryField = (t: string, ctx: ScoreContext): boolean =>
  ctx.stats.anyField.subject.has(t) || ctx.stats.anyField.place.has(t) || ctx.stats.anyField.thing.has(t);

/** A term counts something: a measure concept, or a word some topic of the story uses as its measure. */
export const isMeasureTerm = (
  t: string,
  k: string | undefined,
  storyMeasures: ReadonlySet<string>,
): boolean => k === "measure" || (k === undefined && !t.startsWith("#") && storyMeasures.has(t));

/** A term says whose figure it is when some topic uses it as its subject (a group such as "people" does not). */
export const isSubjectTerm = (t: string, ctx: ScoreContext): boolean => {
  if (!ctx.stats.subjectNames.has(t)) return false;
  // Only names say whose: "arrested protesters under 18" as a subject does not make "arrested" a side.
  const k = ctx.vocabulary.kind(t);
  return k === undefined || k === "name";
};
