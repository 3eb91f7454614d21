import type { IndexStats } from "./index-stats.ts";
import type { QuestionReading, TermRole } from "./read-question.ts";
import { isSubjectTerm } from "./score-context.ts";
import type { Vocabulary } from "./vocabulary.ts";

/**
 * What scoring reads off a question that no topic changes: each term's weight, kind and whether it names a
 * subject, and the period keys the question asks for. Read once per question, not once per topic scored, so
 * scoring a topic allocates next to nothing.
 */
export interface QuestionFacts {
  terms: QuestionReading["terms"];
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
}

/** Per reading; read afresh when its terms list is replaced or another index scores it. */
const known = new WeakMap<QuestionReading, QuestionFacts>();

export function questionFacts(
  q: QuestionReading,
  ctx: { stats: IndexStats; vocabulary: Vocabulary },
): QuestionFacts {
  const cached = known.get(q);
  if (cached?.terms === q.terms && cached.stats === ctx.stats && cached.vocabulary === ctx.vocabulary)
    return cached;
  const { stats, vocabulary } = ctx;
  // isSubjectTerm reads only the index and the vocabulary, never the sides a question's sources bring.
  const subjectCtx = { stats, vocabulary, sourceSides: new Set<string>() };
  const keys = q.terms.map((t) => t.key);
  const kinds = keys.map((t) => vocabulary.kind(t));
  const subject = keys.map((t) => isSubjectTerm(t, subjectCtx));
  const asked = new Set(keys);
  const monthKey = `@m${q.date.monthPeriod}`;
  const facts: QuestionFacts = {
    terms: q.terms,
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
  };
  known.set(q, facts);
  return facts;
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

/** Keyed by the sources list itself: the matcher replaces it once the sources are read. */
const sourcesKnown = new WeakMap<readonly string[], SourceFacts>();

export function sourceFacts(q: QuestionReading): SourceFacts {
  const cached = sourcesKnown.get(q.sources);
  if (cached) return cached;
  const facts: SourceFacts = { named: new Set(), namedList: [], wordOnly: [], attributed: false };
  for (const s of q.sources) {
    if (q.attributed.has(s)) facts.attributed = true;
    if (q.generic.has(s) && !q.attributed.has(s)) facts.wordOnly.push(s);
    else if (!facts.named.has(s)) {
      facts.named.add(s);
      facts.namedList.push(s);
    }
  }
  sourcesKnown.set(q.sources, facts);
  return facts;
}
