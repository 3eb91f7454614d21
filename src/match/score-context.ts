import type { matchConfig } from "./config.ts";
import { type IndexStats, usedBy } from "./index-stats.ts";
import type { QuestionFacts, TermScratch } from "./question-facts.ts";
import type { FieldName, TopicProfile } from "./topic-profile.ts";
import { conceptKey, type Vocabulary } from "./vocabulary.ts";

export type MatchWeights = typeof matchConfig;

export interface ScoreContext {
  stats: IndexStats;
  vocabulary: Vocabulary;
  /** Terms of the sides of the sources the question names. */
  sourceSides: ReadonlySet<string>;
  weights?: MatchWeights;
  /** The question's facts, read once by the caller for every topic it scores (read per topic without them). */
  facts?: QuestionFacts | undefined;
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

/** The terms a story's topics use in each field. */
export type StoryFields = Record<FieldName, Set<string>>;

/** A story's theme word ("fires", "protests") is never what tells its topics apart. */
export function isTheme(
  t: string,
  p: TopicProfile,
  story: StoryFields,
  ctx: ScoreContext,
  cfg: MatchWeights,
): boolean {
  return (
    (!t.startsWith("#") || ctx.vocabulary.kind(t) === "noun") &&
    (usedBy(ctx.stats, p.story, t) >= cfg.themeShare ||
      (ctx.stats.storyThemes.get(p.story)?.has(t) === true && !story.place.has(t)))
  );
}

/** How well a measure asked fits the topic's: judged on the measure field, so an alias that says "killed or
 * wounded" does not make a deaths topic. */
export function measureFitOf(m: string, p: TopicProfile, vocabulary: Vocabulary, cfg: MatchWeights): number {
  // "%" asked of a topic counted in percent is what it counts.
  if (p.fields.measure.has(m) || p.fields.unit.has(m)) return 1;
  let close = 0;
  for (const tm of p.lists.measures) {
    const c = vocabulary.closeness(m, tm);
    if (c > close) close = c;
  }
  if (close > 0) return close;
  // A plain word counts where the measure field is plain words too; beside a vocabulary measure it must be in it.
  if (!p.all.has(m)) return 0;
  if (p.lists.vocabularyMeasures.length === 0) return 1;
  // A vocabulary measure must be the field's ("killed or wounded" in an alias does not make a deaths topic).
  return vocabulary.kind(m) === "measure" ? 0 : cfg.aliasMeasure;
}

/** A term's measure fit to this topic, worked out once however often scoring asks (0…1, as measureFitOf). */
export function fitAt(
  scratch: TermScratch,
  i: number,
  t: string,
  p: TopicProfile,
  vocabulary: Vocabulary,
  cfg: MatchWeights,
): number {
  let fit = scratch.fits[i] as number;
  if (Number.isNaN(fit)) {
    fit = measureFitOf(t, p, vocabulary, cfg);
    scratch.fits[i] = fit;
  }
  return fit;
}

/** Whether a term is this topic's story's theme, worked out once however often scoring asks (as isTheme). */
export function themeAt(
  scratch: TermScratch,
  i: number,
  t: string,
  p: TopicProfile,
  story: StoryFields,
  ctx: ScoreContext,
  cfg: MatchWeights,
): boolean {
  let theme = scratch.themes[i] as number;
  if (theme === -1) {
    theme = isTheme(t, p, story, ctx, cfg) ? 1 : 0;
    scratch.themes[i] = theme;
  }
  return theme === 1;
}
