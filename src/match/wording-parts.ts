import { createHash } from "node:crypto";
import type { ClaimsIndex } from "../claims/claims-index.ts";
import type { Source, Topic } from "../claims/schema.ts";
import { type Steps, sliceConfig } from "../schedule/time-slice.ts";
import type { TermStats } from "./index-stats.ts";
import { NamedSources } from "./named-sources.ts";
import { stopwords } from "./stopwords.ts";
import type { TextTerms } from "./text-terms.ts";
import { topicTextKey } from "./topic-profile.ts";
import { TypoCorrector } from "./typo-corrector.ts";

/**
 * The matcher's parts that the index's wording alone decides: its topics' and sources' texts, over one
 * vocabulary. An edit to figures leaves them as they were, so a reload after one takes the last build's.
 */
export interface WordingParts {
  sources: NamedSources;
  typos: TypoCorrector;
  termStats: TermStats;
}

/**
 * A fingerprint of everything `wordingPartsSteps` reads but the vocabulary: each topic's wording (`topicKeys`,
 * see topicTextKey, in index order) and each source, in order. The subject names it is given are read off
 * the topics' wording too.
 */
export function wordingKey(topicKeys: readonly string[], sources: Iterable<Source>): string {
  const hash = createHash("sha1");
  for (const key of topicKeys) hash.update(key).update("\n");
  hash.update("\u0000");
  for (const s of sources) hash.update(JSON.stringify(s)).update("\n");
  return hash.digest("hex");
}

/** The words of one topic's texts, each once: all of them, its own (not filler), and those codes stand for. */
export interface TopicWords {
  words: readonly string[];
  own: readonly string[];
  codes: readonly string[];
}

/**
 * One topic's words, by its wording (`key`, its topicTextKey): read only when no build since the last one read
 * a topic worded so. Every build asks for every topic's, reused parts or not, so they are there to carry.
 */
export function readTopicWords(t: Topic, terms: TextTerms, key: string = topicTextKey(t)): TopicWords {
  return terms.topicWords(key, () => topicWords(t, terms));
}

function topicWords(t: Topic, terms: TextTerms): TopicWords {
  const words = new Set<string>();
  const own = new Set<string>();
  const codes = new Set<string>();
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
    for (const w of terms.words(text)) {
      words.add(w);
      if (isOwn && !stopwords.has(w)) own.add(w);
      if (isCode) codes.add(w);
    }
  }
  return { words: [...words], own: [...own], codes: [...codes] };
}

/**
 * Reads the sources' names, and every word the index uses for typos (`topicWords`: each topic's, see
 * readTopicWords), yielding between topics.
 */
export function* wordingPartsSteps(
  index: ClaimsIndex,
  topicWords: readonly TopicWords[],
  terms: TextTerms,
  termStats: TermStats,
): Steps<WordingParts> {
  const sources = yield* NamedSources.steps(index.sourceById.values(), terms, termStats.subjectNames);
  // Every word Tally knows, for typos; the index's own words (not filler), which abbreviations expand to;
  // and the words of subjects and places, which two-letter codes stand for.
  const surface = new Set<string>([...terms.vocabulary.surface, ...stopwords]);
  const own = new Set<string>();
  const codes = new Set<string>();
  for (const [i, read] of topicWords.entries()) {
    for (const w of read.words) surface.add(w);
    for (const w of read.own) own.add(w);
    for (const w of read.codes) codes.add(w);
    if (i % sliceConfig.itemsPerStep === 0) yield;
  }
  for (const s of index.sourceById.values()) {
    for (const text of [s.name, ...s.aliases]) for (const w of terms.words(text)) surface.add(w);
  }
  yield;
  return { sources, typos: new TypoCorrector(surface, own, codes, stopwords), termStats };
}
