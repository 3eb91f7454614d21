import type { ClaimsIndex } from "../claims/claims-index.ts";
import { type Steps, sliceConfig } from "../schedule/time-slice.ts";
import { dayNumber } from "./currency.ts";
import { type IndexStats, indexStatsSteps, termStatsSteps } from "./index-stats.ts";
import type { NamedSources } from "./named-sources.ts";
import { storyGroupSteps } from "./story-groups.ts";
import { type TextReadings, TextTerms } from "./text-terms.ts";
import { buildTopicProfile, type TopicProfile, topicTextKey } from "./topic-profile.ts";
import type { TypoCorrector } from "./typo-corrector.ts";
import { Vocabulary } from "./vocabulary.ts";
import { readTopicWords, type TopicWords, wordingKey, wordingPartsSteps } from "./wording-parts.ts";

/** Everything the matcher reads off an index, built once per index. */
export interface MatcherParts {
  vocabulary: Vocabulary;
  profiles: TopicProfile[];
  stats: IndexStats;
  typos: TypoCorrector;
  sources: NamedSources;
  byId: Map<string, TopicProfile>;
  /** Inverted indexes: term → topics using it, source → topics it has figures on (positions in `profiles`). */
  byTerm: Map<string, number[]>;
  bySource: Map<string, number[]>;
  /** Each topic's earliest as-of date. */
  earliest: Map<string, string>;
  /** Each topic's newest as-of date, as a day number (currency.ts). */
  latest: Map<string, number>;
}

/**
 * Builds the matcher's parts, yielding between units of work (a topic, a few hundred claims) so that a
 * rebuild can run in slices beside a serving index (see schedule/time-slice.ts). With `readings` kept from
 * the last build, texts it read already are not read again.
 */
export function* matcherParts(index: ClaimsIndex, readings?: TextReadings): Steps<MatcherParts> {
  const vocabulary = yield* Vocabulary.steps(index.concepts);
  const terms = readings ? readings.next(vocabulary, index.concepts) : new TextTerms(vocabulary);
  const stories = yield* storyGroupSteps(index);
  const earliest = new Map<string, string>();
  const latest = new Map<string, number>();
  const sourcesByTopic = new Map<string, Set<string>>();
  // Claims share a few thousand dates between them: each is read as a day once.
  const days = new Map<string, number>();
  let n = 0;
  for (const c of index.claims) {
    const first = earliest.get(c.topic);
    if (!first || c.as_of < first) earliest.set(c.topic, c.as_of);
    let day = days.get(c.as_of);
    if (day === undefined) {
      day = dayNumber(c.as_of);
      days.set(c.as_of, day);
    }
    if (day > (latest.get(c.topic) ?? Number.NEGATIVE_INFINITY)) latest.set(c.topic, day);
    const set = sourcesByTopic.get(c.topic) ?? new Set<string>();
    set.add(c.source);
    sourcesByTopic.set(c.topic, set);
    if (++n % sliceConfig.itemsPerStep === 0) yield;
  }
  const profiles: TopicProfile[] = [];
  const topicKeys: string[] = [];
  const topicWords: TopicWords[] = [];
  for (const t of index.topics) {
    const key = topicTextKey(t);
    topicKeys.push(key);
    topicWords.push(readTopicWords(t, terms, key));
    profiles.push(
      buildTopicProfile(t, terms, sourcesByTopic.get(t.id) ?? new Set(), stories.get(t.id) ?? 0, key),
    );
    yield;
  }
  const byId = new Map<string, TopicProfile>();
  const byTerm = new Map<string, number[]>();
  const bySource = new Map<string, number[]>();
  for (let i = 0; i < profiles.length; i++) {
    const p = profiles[i] as TopicProfile;
    byId.set(p.topic.id, p);
    for (const t of p.all) {
      const list = byTerm.get(t);
      if (list) list.push(i);
      else byTerm.set(t, [i]);
    }
    for (const id of p.sources) {
      const list = bySource.get(id);
      if (list) list.push(i);
      else bySource.set(id, [i]);
    }
    if (i % sliceConfig.itemsPerStep === 0) yield;
  }
  // A story's theme: the words of the headlines of the documents its figures come from, each document once
  // (a document's claims are all in one story: it is what joins their topics).
  const themed = new Set<string>();
  const themes = new Map<number, Set<string>>();
  n = 0;
  for (const c of index.claims) {
    if (++n % sliceConfig.itemsPerStep === 0) yield;
    if (themed.has(c.document)) continue;
    const story = stories.get(c.topic);
    const headline = index.documentById.get(c.document)?.headline;
    if (story === undefined || !headline) continue;
    themed.add(c.document);
    const set = themes.get(story) ?? new Set<string>();
    for (const t of terms.headlineKeys(headline)) set.add(t);
    themes.set(story, set);
  }
  // Term statistics, names and typos depend on the wording alone: the last build's serve while it is unchanged.
  const wording = wordingKey(topicKeys, index.sourceById.values());
  let parts = terms.wording(wording);
  const termStats = parts?.termStats ?? (yield* termStatsSteps(profiles));
  const stats = yield* indexStatsSteps(profiles, themes, termStats);
  if (!parts) {
    parts = yield* wordingPartsSteps(index, topicWords, terms, termStats);
    terms.keepWording(wording, parts);
  }
  const { sources, typos } = parts;
  terms.settle();
  readings?.settled(terms);
  return { vocabulary, profiles, stats, typos, sources, byId, byTerm, bySource, earliest, latest };
}
