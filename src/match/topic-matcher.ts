import type { ClaimsIndex } from "../claims/claims-index.ts";
import type { Topic } from "../claims/schema.ts";
import { runToEnd, type StepRunner } from "../schedule/time-slice.ts";
import { CandidateTopics } from "./candidate-topics.ts";
import { matchConfig } from "./config.ts";
import { currencyFactors, dayNumber, namesAPeriod } from "./currency.ts";
import { loadEnglishWords, type WordList } from "./english-words.ts";
import type { IndexStats } from "./index-stats.ts";
import { type MatcherParts, matcherParts } from "./matcher-parts.ts";
import type { NamedSources } from "./named-sources.ts";
import { readQuestionFacts } from "./question-facts.ts";
import { type QuestionReading, readQuestion } from "./read-question.ts";
import {
  isSubjectTerm,
  type MatchWeights,
  type ScoreContext,
  scoreTopic,
  unknownEvidence,
} from "./score-topic.ts";
import type { TextReadings } from "./text-terms.ts";
import type { TopicProfile } from "./topic-profile.ts";
import type { TypoCorrector } from "./typo-corrector.ts";
import type { Vocabulary } from "./vocabulary.ts";

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

/**
 * Higher rank first; then key topics; then by id, so the order of files never decides. It answers with signs,
 * not the difference of ranks: a fraction returned to the sort is a number allocated per comparison.
 */
function byRank(a: { topic: Topic; rank: number }, b: { topic: Topic; rank: number }): number {
  if (b.rank > a.rank) return 1;
  if (b.rank < a.rank) return -1;
  return Number(b.topic.key) - Number(a.topic.key) || a.topic.id.localeCompare(b.topic.id);
}

export interface TopicMatcherOptions {
  weights?: MatchWeights;
  englishWords?: WordList;
  /** Texts read by the last build of this index, kept for the next (a live core's reloads). */
  readings?: TextReadings;
}

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
  readonly #byId: Map<string, TopicProfile>;
  /** Inverted indexes: term → topics using it, source → topics it has figures on (positions in #profiles). */
  readonly #byTerm: Map<string, number[]>;
  readonly #bySource: Map<string, number[]>;
  /** Each topic's earliest as-of date. */
  readonly #earliest: Map<string, string>;
  /** Each topic's newest as-of date, as a day number: how current the topic is. */
  readonly #latest: Map<string, number>;
  /** Gathers each question's candidates over the inverted indexes; made on the first question. */
  #gatherer: CandidateTopics | null = null;
  /** Per source id: whether its side is some topic's subject (see #sideIsSubject). */
  readonly #sideSubjects = new Map<string, boolean>();

  /** `parts` built beforehand (`TopicMatcher.build`, in slices); without them the index is read here. */
  constructor(index: ClaimsIndex, options: TopicMatcherOptions = {}, parts?: MatcherParts) {
    this.#weights = options.weights ?? matchConfig;
    this.#english = options.englishWords ?? loadEnglishWords();
    const p = parts ?? runToEnd(matcherParts(index, options.readings));
    this.#vocabulary = p.vocabulary;
    this.#profiles = p.profiles;
    this.#stats = p.stats;
    this.#typos = p.typos;
    this.#sources = p.sources;
    this.#byId = p.byId;
    this.#byTerm = p.byTerm;
    this.#bySource = p.bySource;
    this.#earliest = p.earliest;
    this.#latest = p.latest;
  }

  /** Builds the matcher with `run`, which may give the event loop back between steps (schedule/time-slice.ts). */
  static async build(
    index: ClaimsIndex,
    options: TopicMatcherOptions,
    run: StepRunner,
  ): Promise<TopicMatcher> {
    return new TopicMatcher(index, options, await run(matcherParts(index, options.readings)));
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
      const sideIsSubject = this.#sideIsSubject(id, names);
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
    ctx.facts = readQuestionFacts(reading, ctx);
    // Asked "as of" a date, a topic with nothing said by then is the less likely reading of two that fit.
    const asked = reading.date.asOf;
    const saidBy = (id: string) => {
      if (!asked) return true;
      const first = this.#earliest.get(id);
      return first !== undefined && first.slice(0, asked.length) <= asked;
    };
    this.#gatherer ??= new CandidateTopics({
      profiles: this.#profiles,
      byTerm: this.#byTerm,
      bySource: this.#bySource,
      stats: this.#stats,
    });
    const candidates = this.#gatherer.gather(
      reading,
      this.#weights.candidates.keep,
      unknownEvidence(reading, ctx),
    );
    const scored = candidates.profiles.map((p, n) => {
      const s = scoreTopic(p, reading, ctx, candidates.similarity[n]);
      return {
        topic: p.topic,
        confidence: s.confidence,
        rank: saidBy(p.topic.id) ? s.rank : s.rank * this.#weights.nothingByThen,
        relaxed: s.relaxed,
        subject: p.fields.subject,
      };
    });
    if (!namesAPeriod(reading)) {
      const currency = currencyFactors(
        scored.map((r) => ({ latest: this.#latest.get(r.topic.id), rank: r.rank })),
        dayNumber(asked ?? now.toISOString().slice(0, 10)),
        this.#weights.currency,
      );
      // Suggestions too: "did you mean" offers this year's floods before a decade-old round.
      scored.forEach((r, i) => {
        r.rank *= currency[i] ?? 1;
        r.relaxed.rank *= currency[i] ?? 1;
      });
    }
    const ranked = scored.sort(byRank);

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
   * The source speaks for itself and some topic's subject is its side: depends on the source alone, and asking
   * every topic costs a scan of the index, so it is worked out once per source.
   */
  #sideIsSubject(id: string, names: readonly string[]): boolean {
    let known = this.#sideSubjects.get(id);
    if (known === undefined) {
      known =
        this.#sources.isItsOwnSide(id) &&
        names.length > 0 &&
        this.#profiles.some((p) => names.every((t) => p.subjectNames.has(t)));
      this.#sideSubjects.set(id, known);
    }
    return known;
  }

  #context(sourceSides: ReadonlySet<string>): ScoreContext {
    return { stats: this.#stats, vocabulary: this.#vocabulary, sourceSides, weights: this.#weights };
  }
}
