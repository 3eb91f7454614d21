import type { ClaimsIndex } from "../claims/claims-index.ts";
import { type Steps, sliceConfig } from "../schedule/time-slice.ts";
import { dayNumber } from "./currency.ts";
import { type IndexStats, indexStatsSteps } from "./index-stats.ts";
import { NamedSources } from "./named-sources.ts";
import { stopwords } from "./stopwords.ts";
import { storyGroupSteps } from "./story-groups.ts";
import { type TextReadings, TextTerms } from "./text-terms.ts";
import { buildTopicProfile, type TopicProfile } from "./topic-profile.ts";
import { TypoCorrector } from "./typo-corrector.ts";
import { Vocabulary } from "./vocabulary.ts";

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
  for (const t of index.topics) {
    profiles.push(buildTopicProfile(t, terms, sourcesByTopic.get(t.id) ?? new Set(), stories.get(t.id) ?? 0));
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
    for (const t of terms.keys(headline)) set.add(t);
    themes.set(story, set);
  }
  const stats = yield* indexStatsSteps(profiles, themes);
  const sources = yield* NamedSources.steps(index.sourceById.values(), terms, stats.subjectNames);
  // Every word Tally knows, for typos; the index's own words (not filler), which abbreviations expand to;
  // and the words of subjects and places, which two-letter codes stand for.
  const surface = new Set<string>([...vocabulary.surface, ...stopwords]);
  const own = new Set<string>();
  const codes = new Set<string>();
  // Near-neighbour topics share most of their texts: each text is gone through once per way it counts.
  const seen = new Set<string>();
  for (const t of index.topics) {
    const fields: Array<[string | undefined, boolean, boolean]> = [
      [t.title, true, false],
      [t.subject, true, true],
      [t.measure, true, false],
      [t.period, false, false],
      [t.place, true, true],
      [t.thing, true, false],
      ...t.aliases.map((a): [string, boolean, boolean] => [a, true, false]),
    ];
    for (const [text, isOwn, isCode] of fields) {
      if (!text) continue;
      const seenKey = `${Number(isOwn)}${Number(isCode)}${text}`;
      if (seen.has(seenKey)) continue;
      seen.add(seenKey);
      for (const w of terms.words(text)) {
        surface.add(w);
        if (isOwn && !stopwords.has(w)) own.add(w);
        if (isCode) codes.add(w);
      }
    }
    yield;
  }
  for (const s of index.sourceById.values()) {
    for (const text of [s.name, ...s.aliases]) for (const w of terms.words(text)) surface.add(w);
  }
  yield;
  const typos = new TypoCorrector(surface, own, codes, stopwords);
  return { vocabulary, profiles, stats, typos, sources, byId, byTerm, bySource, earliest, latest };
}
