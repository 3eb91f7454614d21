import { matchConfig } from "./config.ts";
import type { IndexStats } from "./index-stats.ts";
import { anyOf } from "./list-tests.ts";
import type { QuestionReading, TermRole } from "./read-question.ts";
import { isSubjectTerm, type MatchWeights, type ScoreContext } from "./score-context.ts";
import type { TopicFacts } from "./topic-facts.ts";
import type { TopicProfile } from "./topic-profile.ts";
import type { Vocabulary } from "./vocabulary.ts";

/**
 * What scoring reads off a question that no topic changes: each term's weight, kind and whether it names a
 * subject, the period keys asked for, and the sources named. The matcher reads them once per question and hands
 * them to every topic it scores (`ScoreContext.facts`), so scoring a topic allocates next to nothing.
 */
export interface QuestionFacts {
  /** What they were read from: any other reading, or the same one with other terms or sources, is read afresh. */
  reading: QuestionReading;
  terms: QuestionReading["terms"];
  sourcesOf: readonly string[];
  stats: IndexStats;
  vocabulary: Vocabulary;
  /** The distinct term keys, in the question's order. */
  asked: Set<string>;
  distinct: string[];
  /** Per term of `terms`, in order. */
  keys: string[];
  roles: TermRole[];
  weights: number[];
  kinds: Array<string | undefined>;
  subject: boolean[];
  /** Some term names a subject. */
  anySubject: boolean;
  /** Some term is a rate in time ("daily"). */
  rateInTime: boolean;
  /** `@y<year>`, `@m<year>` and `@since<year>` of the year asked; `@m<month>` of the month asked. */
  yearKey: string;
  monthsOfYear: string;
  sinceKey: string;
  monthKey: string;
  /** The month asked without its year ("-10"): "rain for October" is any year's. */
  monthSuffix: string;
  /** "MM-DD" of a day asked, else null. */
  day: string | null;
  sources: SourceFacts;
  /** Room for what scoring one topic works out per term; each topic scored starts it afresh. */
  scratch: TermScratch;
}

/** Per term of the question: its measure fit (NaN until asked) and whether it is the theme (-1 until asked). */
export interface TermScratch {
  fits: Float64Array;
  themes: Int8Array;
}

/** The sources a question names, sorted by what scoring asks of them for every topic. */
export interface SourceFacts {
  /** Kept for every topic: named as more than a common word, or asked what they say. */
  named: Set<string>;
  namedList: string[];
  /** Named only by a common English word ("insurers"): kept for a topic whose story has their figures. */
  wordOnly: string[];
  /** Some source is asked what it says (those are always kept). */
  attributed: boolean;
}

interface FactsContext {
  stats: IndexStats;
  vocabulary: Vocabulary;
  facts?: QuestionFacts | undefined;
}

/** The facts the context carries for this very reading, else read now. */
export function questionFacts(q: QuestionReading, ctx: FactsContext): QuestionFacts {
  const f = ctx.facts;
  if (
    f?.reading === q &&
    f.terms === q.terms &&
    f.sourcesOf === q.sources &&
    f.stats === ctx.stats &&
    f.vocabulary === ctx.vocabulary
  )
    return f;
  return readQuestionFacts(q, ctx);
}

export function readQuestionFacts(q: QuestionReading, ctx: FactsContext): QuestionFacts {
  const { stats, vocabulary } = ctx;
  // isSubjectTerm reads only the index and the vocabulary, never the sides a question's sources bring.
  const subjectCtx = { stats, vocabulary, sourceSides: new Set<string>() };
  const keys = q.terms.map((t) => t.key);
  const kinds = keys.map((t) => vocabulary.kind(t));
  const subject = keys.map((t) => isSubjectTerm(t, subjectCtx));
  const asked = new Set(keys);
  const monthKey = `@m${q.date.monthPeriod}`;
  return {
    reading: q,
    terms: q.terms,
    sourcesOf: q.sources,
    stats,
    vocabulary,
    asked,
    distinct: [...asked],
    keys,
    roles: q.terms.map((t) => t.role),
    weights: keys.map((t) => stats.weight(t)),
    kinds,
    subject,
    anySubject: subject.some(Boolean),
    rateInTime: kinds.some((k) => k === "period"),
    yearKey: `@y${q.date.yearPeriod}`,
    monthsOfYear: `@m${q.date.yearPeriod}`,
    sinceKey: `@since${q.date.yearPeriod}`,
    monthKey,
    monthSuffix: monthKey.slice(-3),
    day: q.date.asOf?.length === 10 ? q.date.asOf.slice(5) : null,
    sources: sourceFacts(q),
    scratch: { fits: new Float64Array(keys.length), themes: new Int8Array(keys.length) },
  };
}

function sourceFacts(q: QuestionReading): SourceFacts {
  const facts: SourceFacts = { named: new Set(), namedList: [], wordOnly: [], attributed: false };
  for (const s of q.sources) {
    if (q.attributed.has(s)) facts.attributed = true;
    if (q.generic.has(s) && !q.attributed.has(s)) facts.wordOnly.push(s);
    else if (!facts.named.has(s)) {
      facts.named.add(s);
      facts.namedList.push(s);
    }
  }
  return facts;
}

/**
 * The factor the sources a question names put on a topic, null when it names none that count here: a source
 * named as a mere word, with no figure anywhere in this topic's story, is not this story's source ("insurers"
 * of one story in a question about another's insured losses).
 */
export function namedSourcesFit(
  p: TopicProfile,
  topic: TopicFacts,
  named: SourceFacts,
  storySources: ReadonlySet<string> | undefined,
  cfg: MatchWeights,
): number | null {
  let sourcesNamed = named.namedList.length > 0;
  // A common name may be many sources' (hundreds at 100,000 claims): the smaller side is the one walked.
  let sourceHere =
    topic.sources.length <= named.namedList.length
      ? anyOf(topic.sources, named.named)
      : anyOf(named.namedList, p.sources);
  for (const s of named.wordOnly) {
    if (!storySources?.has(s)) continue;
    sourcesNamed = true;
    if (p.sources.has(s)) sourceHere = true;
  }
  if (!sourcesNamed) return null;
  // Asked what a source says, the topic's other figures still answer; a source named as a mere word ("UK aid")
  // with no figure here says the question is about something else.
  return sourceHere ? 1 : named.attributed ? cfg.sourceWithoutFigure : cfg.sourceWithoutFigureUnasked;
}

/** What the question's words nothing in the index knows weigh, against any topic: the same for all of them. */
export function unknownEvidence(q: QuestionReading, ctx: ScoreContext): number {
  const cfg = ctx.weights ?? matchConfig;
  let unknown = 0;
  for (const _ of q.unknown) unknown += ctx.stats.unknownWeight * cfg.coverage.unknownWord;
  return unknown;
}
