import type { Steps } from "../schedule/time-slice.ts";
import { type FieldName, fieldNames, type TopicProfile } from "./topic-profile.ts";

/** What the matcher needs to know about the whole index: how rare each term is, and each story's field words. */
export interface IndexStats {
  /** Inverse document frequency over topics: rare terms tell topics apart. */
  weight(term: string): number;
  /** Weight of a word nothing in the index uses. */
  unknownWeight: number;
  /** Weight of a term that only a few topics use. */
  rareWeight: number;
  /** Per topic id: the total weight of each of its phrasings (title, then aliases). */
  phrasingWeights: Map<string, number[]>;
  /** Terms any topic (of any story) uses in each field. */
  anyField: Record<FieldName, Set<string>>;
  /** Names any topic uses as its subject. */
  subjectNames: Set<string>;
  /** Per story: terms its topics use in each field. */
  storyField: Map<number, Record<FieldName, Set<string>>>;
  /** Per story: how many of its topics use each term anywhere, and how many topics it has. */
  storyUse: Map<number, { topics: number; uses: Map<string, number> }>;
  /** Every term some topic explains. */
  known: Set<string>;
  /** Per story: the days its topics' definitions name ("MM-DD"). */
  storyDays: Map<number, Set<string>>;
  /** Per story: the sources with figures on its topics. */
  storySources: Map<number, Set<string>>;
  /** Per story: the words of its documents' headlines, its theme ("protests", "floods"). */
  storyThemes: Map<number, Set<string>>;
}

const emptyFields = (): Record<FieldName, Set<string>> => ({
  subject: new Set(),
  measure: new Set(),
  place: new Set(),
  thing: new Set(),
  period: new Set(),
  unit: new Set(),
});

/** What the topics' wording alone decides of the statistics: the same while it is (see wording-parts.ts). */
export interface TermStats {
  /** Inverse document frequency over topics, by term. */
  weights: ReadonlyMap<string, number>;
  unknownWeight: number;
  rareWeight: number;
  anyField: Record<FieldName, Set<string>>;
  subjectNames: Set<string>;
  known: Set<string>;
}

/** How rare each term is over the topics, and which terms their fields use, yielding between topics. */
export function* termStatsSteps(profiles: readonly TopicProfile[]): Steps<TermStats> {
  const df = new Map<string, number>();
  const anyField = emptyFields();
  const subjectNames = new Set<string>();
  for (const p of profiles) {
    for (const t of p.all) df.set(t, (df.get(t) ?? 0) + 1);
    for (const t of p.subjectNames) subjectNames.add(t);
    for (const f of fieldNames) for (const t of p.fields[f]) anyField[f].add(t);
    yield;
  }
  const n = Math.max(1, profiles.length);
  const weights = new Map<string, number>();
  for (const [t, d] of df) weights.set(t, Math.log(1 + n / d));
  yield;
  return {
    weights,
    unknownWeight: Math.log(1 + n),
    rareWeight: Math.log(1 + n / 3),
    anyField,
    subjectNames,
    known: new Set(df.keys()),
  };
}

/**
 * The index's statistics, yielding between topics (see schedule/time-slice.ts); `termStats`, when given, are
 * the last build's over the same wording.
 */
export function* indexStatsSteps(
  profiles: readonly TopicProfile[],
  storyThemes: Map<number, Set<string>> = new Map(),
  termStats?: TermStats,
): Steps<IndexStats> {
  const terms = termStats ?? (yield* termStatsSteps(profiles));
  const storyField = new Map<number, Record<FieldName, Set<string>>>();
  const storyUse = new Map<number, { topics: number; uses: Map<string, number> }>();
  const storyDays = new Map<number, Set<string>>();
  const storySources = new Map<number, Set<string>>();
  for (const p of profiles) {
    const srcs = storySources.get(p.story) ?? new Set<string>();
    for (const id of p.sources) srcs.add(id);
    storySources.set(p.story, srcs);
    const days = storyDays.get(p.story) ?? new Set<string>();
    for (const d of p.definitionDays) days.add(d);
    storyDays.set(p.story, days);
    const fields = storyField.get(p.story) ?? emptyFields();
    storyField.set(p.story, fields);
    for (const f of fieldNames) for (const t of p.fields[f]) fields[f].add(t);
    const use = storyUse.get(p.story) ?? { topics: 0, uses: new Map<string, number>() };
    use.topics += 1;
    for (const t of p.all) use.uses.set(t, (use.uses.get(t) ?? 0) + 1);
    storyUse.set(p.story, use);
    yield;
  }
  const { weights, unknownWeight } = terms;
  const weight = (t: string) => weights.get(t) ?? unknownWeight;
  const phrasingWeights = new Map<string, number[]>();
  for (const p of profiles) {
    phrasingWeights.set(
      p.topic.id,
      p.phrasings.map((ph) => {
        let sum = 0;
        for (const t of ph) sum += weight(t);
        return sum;
      }),
    );
    yield;
  }
  return {
    weight,
    phrasingWeights,
    unknownWeight,
    rareWeight: terms.rareWeight,
    anyField: terms.anyField,
    subjectNames: terms.subjectNames,
    storyField,
    storyUse,
    known: terms.known,
    storyDays,
    storySources,
    storyThemes,
  };
}

/** A term of a topic tells it from its story's neighbours when some topic of that story does without it. */
export function discriminates(stats: IndexStats, story: number, term: string): boolean {
  const use = stats.storyUse.get(story);
  if (!use) return false;
  return (use.uses.get(term) ?? 0) < use.topics;
}

/** The share of a story's topics that use a term anywhere. */
export function usedBy(stats: IndexStats, story: number, term: string): number {
  const use = stats.storyUse.get(story);
  return use && use.topics > 0 ? (use.uses.get(term) ?? 0) / use.topics : 0;
}
