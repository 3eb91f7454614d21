import type { ClaimsIndex } from "../claims/claims-index.ts";
import type { Topic } from "../claims/schema.ts";
import { matchConfig } from "./config.ts";
import { loadEnglishWords, type WordList } from "./english-words.ts";
import { buildIndexStats, type IndexStats } from "./index-stats.ts";
import { NamedSources } from "./named-sources.ts";
import { tokenizeQuestion } from "./normalize-question.ts";
import { bestPhrasing } from "./phrasing-similarity.ts";
import { type QuestionReading, readQuestion } from "./read-question.ts";
import { readTerms } from "./read-terms.ts";
import { isSubjectTerm, type MatchWeights, type ScoreContext, scoreTopic } from "./score-topic.ts";
import { stopwords } from "./stopwords.ts";
import { storyGroups } from "./story-groups.ts";
import { buildTopicProfile, type TopicProfile } from "./topic-profile.ts";
import { TypoCorrector } from "./typo-corrector.ts";
import { stemsOf, Vocabulary } from "./vocabulary.ts";

export interface RankedTopic {
  topic: Topic;
  confidence: number;
}

/** What the answer builder needs from the question beyond the topic. */
export interface QuestionSlots {
  /** Source ids the question names ("what does the ministry say"). */
  sources: string[];
  /** The date the question names, as YYYY-MM or YYYY-MM-DD: the headline is the figure as of then. */
  asOf: string | null;
  reading: QuestionReading;
}

export interface TopicMatch {
  /** Best first; the first is the answer when its confidence clears `matchConfig.answer.abstainBelow`. */
  ranked: RankedTopic[];
  /** Best first, scored without ruling topics out: "did you mean" material when Tally abstains. */
  related: () => RankedTopic[];
  slots: QuestionSlots;
}

/** The question up to `max` characters, cut before a word it would split rather than inside it. */
function readablePart(question: string, max: number): string {
  if (question.length <= max) return question;
  const cut = question.slice(0, max);
  return /\S/.test(question[max] ?? "") ? cut.replace(/\S+$/, "") : cut;
}

/** Higher rank first; then key topics; then by id, so the order of files never decides. */
const byRank = (a: { topic: Topic; rank: number }, b: { topic: Topic; rank: number }): number =>
  b.rank - a.rank || Number(b.topic.key) - Number(a.topic.key) || a.topic.id.localeCompare(b.topic.id);

/**
 * Finds the topic a question asks about, for any story in the index. Words are typo-corrected with fuse.js
 * against everything the index says, read into terms (the vocabulary's concepts, other words as themselves),
 * and each topic is scored on how its fields fit and how much of the question it explains (score-topic.ts).
 */
export class TopicMatcher {
  readonly #vocabulary: Vocabulary;
  readonly #profiles: TopicProfile[];
  readonly #stats: IndexStats;
  readonly #typos: TypoCorrector;
  readonly #sources: NamedSources;
  readonly #weights: MatchWeights;
  readonly #english: WordList;
  readonly #byId = new Map<string, TopicProfile>();
  /** Inverted indexes: term → topics using it, source → topics it has figures on (positions in #profiles). */
  readonly #byTerm = new Map<string, number[]>();
  readonly #bySource = new Map<string, number[]>();
  /** Each topic's earliest as-of date. */
  readonly #earliest = new Map<string, string>();

  constructor(index: ClaimsIndex, options: { weights?: MatchWeights; englishWords?: WordList } = {}) {
    this.#weights = options.weights ?? matchConfig;
    this.#english = options.englishWords ?? loadEnglishWords();
    this.#vocabulary = new Vocabulary(index.concepts);
    const stories = storyGroups(index);
    const sourcesByTopic = new Map<string, Set<string>>();
    for (const c of index.claims) {
      const first = this.#earliest.get(c.topic);
      if (!first || c.as_of < first) this.#earliest.set(c.topic, c.as_of);
      const set = sourcesByTopic.get(c.topic) ?? new Set<string>();
      set.add(c.source);
      sourcesByTopic.set(c.topic, set);
    }
    this.#profiles = index.topics.map((t) =>
      buildTopicProfile(t, this.#vocabulary, sourcesByTopic.get(t.id) ?? new Set(), stories.get(t.id) ?? 0),
    );
    this.#profiles.forEach((p, i) => {
      this.#byId.set(p.topic.id, p);
      for (const t of p.all) {
        const list = this.#byTerm.get(t) ?? [];
        list.push(i);
        this.#byTerm.set(t, list);
      }
      for (const id of p.sources) {
        const list = this.#bySource.get(id) ?? [];
        list.push(i);
        this.#bySource.set(id, list);
      }
    });
    // A story's theme: the words of the headlines of the documents its figures come from, each read once.
    const headlineTerms = new Map<string, string[]>();
    const themes = new Map<number, Set<string>>();
    for (const c of index.claims) {
      const story = stories.get(c.topic);
      const headline = index.documentById.get(c.document)?.headline;
      if (story === undefined || !headline) continue;
      let terms = headlineTerms.get(c.document);
      if (!terms) {
        terms = readTerms(stemsOf(headline), this.#vocabulary).map((t) => t.key);
        headlineTerms.set(c.document, terms);
      }
      const set = themes.get(story) ?? new Set<string>();
      for (const t of terms) set.add(t);
      themes.set(story, set);
    }
    this.#stats = buildIndexStats(this.#profiles, themes);
    this.#sources = new NamedSources(index.sourceById.values(), this.#vocabulary, this.#stats.subjectNames);
    // Every word Tally knows, for typos; the index's own words (not filler), which abbreviations expand to;
    // and the words of subjects and places, which two-letter codes stand for.
    const surface = new Set<string>([...this.#vocabulary.surface, ...stopwords]);
    const own = new Set<string>();
    const codes = new Set<string>();
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
        for (const w of tokenizeQuestion(text)) {
          surface.add(w);
          if (isOwn && !stopwords.has(w)) own.add(w);
          if (isCode) codes.add(w);
        }
      }
    }
    for (const s of index.sourceById.values()) {
      for (const text of [s.name, ...s.aliases]) for (const w of tokenizeQuestion(text)) surface.add(w);
    }
    this.#typos = new TypoCorrector(surface, own, codes, stopwords);
  }

  match(question: string, now: Date): TopicMatch {
    const reading = readQuestion(readablePart(question, this.#weights.question.maxChars), now, {
      vocabulary: this.#vocabulary,
      typos: this.#typos,
      sources: this.#sources,
      known: this.#stats.known,
      english: this.#english,
    });
    const sourceSides = new Set<string>();
    const subjectNamed = reading.terms.some((t) => isSubjectTerm(t.key, this.#context(sourceSides)));
    // A source named without asking what it says, whose side is a topic's subject ("PUP seats"), names whose
    // figure, not who says so. One asked what it says gives its side only when the question points back at it
    // ("the governor … her province").
    const sources = reading.sources.filter((id) => {
      const side = this.#sources.side(id);
      const names = [...side].filter((t) => this.#stats.subjectNames.has(t));
      const sideIsSubject =
        this.#sources.isItsOwnSide(id) &&
        names.length > 0 &&
        this.#profiles.some((p) => names.every((t) => p.subjectNames.has(t)));
      if (
        !subjectNamed &&
        side.size > 0 &&
        (reading.ownSide || (sideIsSubject && !reading.attributed.has(id)))
      )
        for (const t of side) sourceSides.add(t);
      return !(sideIsSubject && !reading.attributed.has(id));
    });
    reading.sources = sources;
    const ctx = this.#context(sourceSides);
    // Asked "as of" a date, a topic with nothing said by then is the less likely reading of two that fit.
    const asked = reading.date.asOf;
    const saidBy = (id: string) => {
      const first = this.#earliest.get(id);
      return !asked || (first !== undefined && first.slice(0, asked.length) <= asked);
    };
    const candidates = this.#candidates(reading);
    const ranked = candidates
      .map((p) => {
        const s = scoreTopic(p, reading, ctx);
        return {
          topic: p.topic,
          ...s,
          rank: saidBy(p.topic.id) ? s.rank : s.rank * this.#weights.nothingByThen,
          subject: p.fields.subject,
        };
      })
      .sort(byRank);

    // A question that does not say whose figure it wants is only clear when the close candidates agree on whose.
    const best = ranked[0]?.rank ?? 0;
    const top = ranked[0];
    const sourced =
      top !== undefined && reading.sources.some((s) => this.#byId.get(top.topic.id)?.sources.has(s));
    if (!subjectNamed && sourceSides.size === 0 && best > 0 && top && !sourced) {
      const { factor, closeWithin } = this.#weights.ambiguousSubject;
      // Neighbours in the top topic's story are close within `closeWithin`; another story's topics only when
      // they answer nearly as well, since the words that differ usually say which story is meant.
      const topStory = this.#byId.get(top.topic.id)?.story;
      const closeOnes = ranked.filter((r) => {
        const story = this.#byId.get(r.topic.id)?.story;
        return (
          r.rank >=
          best * (story === topStory ? closeWithin : this.#weights.ambiguousSubject.otherStoryWithin)
        );
      });
      const subjects = new Set(closeOnes.map((r) => [...r.subject].sort().join(" ")));
      const stories = new Set(closeOnes.map((r) => this.#byId.get(r.topic.id)?.story));
      // Within one story, its headline (key) topic is what a bare question means: "how many died" in a flood.
      const headline =
        stories.size === 1 &&
        top.topic.key &&
        closeOnes.every((r) => r === top || !r.topic.key || r.rank < top.rank);
      if (subjects.size > 1 && !headline) for (const r of ranked) r.confidence *= factor;
    }
    // The relaxed scores came with the first pass; only their order is left to work out, once, when asked.
    let suggested: RankedTopic[] | null = null;
    const related = () => {
      suggested ??= ranked
        .map((r) => ({ topic: r.topic, ...r.relaxed }))
        .sort(byRank)
        .map(({ topic, confidence }) => ({ topic, confidence }));
      return suggested;
    };
    // "Police crowd estimate": a group that gives the count is the one source of the answer named for it.
    if (reading.sources.length === 0 && ranked[0]) {
      const onTopic = this.#byId.get(ranked[0].topic.id)?.sources ?? new Set<string>();
      for (const t of reading.terms) {
        if (t.role !== "agent" || this.#vocabulary.kind(t.key) !== "group") continue;
        const named = this.#sources.namedBy(t.key).filter((id) => onTopic.has(id));
        if (named.length === 1 && named[0]) reading.sources.push(named[0]);
      }
    }
    return {
      ranked: ranked.map(({ topic, confidence }) => ({ topic, confidence })),
      related,
      slots: { sources: reading.sources, asOf: this.#asOfFor(ranked[0]?.topic, reading), reading },
    };
  }

  /**
   * The date asked, unless it is the date that defines a single-event topic ("arrests on the night of 21
   * March" names the night, not the figure as of then).
   */
  #asOfFor(topic: Topic | undefined, reading: QuestionReading): string | null {
    const asOf = reading.date.asOf ?? reading.date.monthPeriod;
    const p = topic ? this.#byId.get(topic.id) : undefined;
    if (!asOf || !p) return asOf;
    // Only when nothing on the topic was said by then: otherwise "turnout on election day" asks for that day's figure.
    const first = this.#earliest.get(p.topic.id);
    if (first === undefined || first.slice(0, asOf.length) <= asOf) return asOf;
    if (asOf.length === 10 && p.definitionDays.has(asOf.slice(5))) return null;
    const event = [...p.fields.period].some((t) => this.#vocabulary.kind(t) === "period");
    return event && p.fields.period.has(`@m${asOf.slice(0, 7)}`) ? null : asOf;
  }

  /**
   * Topics worth scoring: those that use a term of the question, or have a figure from a source it names. A
   * topic that shares nothing with the question cannot explain any of it, so its score would be nil anyway.
   */
  #candidates(reading: QuestionReading): TopicProfile[] {
    // How much of the question each topic could explain at best: the weights of the terms it uses.
    const overlap = new Map<number, number>();
    const add = (i: number, w: number) => overlap.set(i, (overlap.get(i) ?? 0) + w);
    for (const key of new Set(reading.terms.map((t) => t.key))) {
      const w = this.#stats.weight(key);
      for (const i of this.#byTerm.get(key) ?? []) add(i, w);
    }
    for (const id of reading.sources) for (const i of this.#bySource.get(id) ?? []) add(i, 1);
    // Only the best-placed few are scored in full; at tens of thousands of topics that keeps answers instant.
    const { keep } = this.#weights.candidates;
    const byOverlap = [...overlap].sort((a, b) => b[1] - a[1]);
    if (byOverlap.length <= keep) return byOverlap.map(([i]) => this.#profiles[i] as TopicProfile);
    // Near neighbours often share as much of a question (the same measure in another place or year), so the
    // cut falls among equals. Those are ordered by content, never by file order: the one whose closest
    // phrasing is closest to the question (no place or year it does not name), then by id.
    const edge = byOverlap[keep - 1]?.[1] ?? 0;
    const above = byOverlap.filter(([, w]) => w > edge);
    const tied = byOverlap
      .filter(([, w]) => w === edge)
      .map(([i]) => {
        const p = this.#profiles[i] as TopicProfile;
        return { p, phrasing: bestPhrasing(p, reading, this.#stats, 0) };
      })
      .sort((a, b) => b.phrasing - a.phrasing || a.p.topic.id.localeCompare(b.p.topic.id));
    return [
      ...above.map(([i]) => this.#profiles[i] as TopicProfile),
      ...tied.slice(0, keep - above.length).map((t) => t.p),
    ];
  }

  #context(sourceSides: ReadonlySet<string>): ScoreContext {
    return { stats: this.#stats, vocabulary: this.#vocabulary, sourceSides, weights: this.#weights };
  }
}
