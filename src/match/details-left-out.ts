import { discriminates, type IndexStats } from "./index-stats.ts";
import { type QuestionFacts, questionFacts } from "./question-facts.ts";
import type { QuestionReading } from "./read-question.ts";
import type { MatchWeights } from "./score-context.ts";
import { nationwide, perYear, type ScoreContext, type StoryFields } from "./score-context.ts";
import type { TopicProfile } from "./topic-profile.ts";

/** Per story's period terms: how many are years ("@y") and how many months ("@m"), counted on first use. */
const datedCounts = new WeakMap<ReadonlySet<string>, Map<string, number>>();
function datedCount(period: ReadonlySet<string>, prefix: string): number {
  let counts = datedCounts.get(period);
  if (!counts) {
    counts = new Map();
    for (const o of period) counts.set(o.slice(0, 2), (counts.get(o.slice(0, 2)) ?? 0) + 1);
    datedCounts.set(period, counts);
  }
  return counts.get(prefix) ?? 0;
}

/** `t` from `at` on starts as `date` does, as far as either goes ("@m2024-05" of "2024-05-12"). */
function startsAt(t: string, at: number, date: string): boolean {
  const n = Math.min(t.length - at, date.length);
  for (let i = 0; i < n; i++) if (t.charCodeAt(at + i) !== date.charCodeAt(i)) return false;
  return true;
}

/** Some term of the set is asked. */
function anyAsked(set: ReadonlySet<string>, asked: ReadonlySet<string>): boolean {
  for (const t of set) if (asked.has(t)) return true;
  return false;
}

/** Some term of the set tells the topic from its story's neighbours. */
function anyTelling(set: Iterable<string>, stats: IndexStats, story: number): boolean {
  for (const t of set) if (discriminates(stats, story, t)) return true;
  return false;
}

/**
 * Which of a topic's details tell it from its story's neighbours: that depends on the index, never on the
 * question, so it is worked out on the topic's first question and kept (per index, as a rebuilt index may
 * reuse the profile).
 */
interface TellingDetails {
  stats: IndexStats;
  vocabulary: ScoreContext["vocabulary"];
  subject: boolean;
  place: boolean;
  thing: boolean;
  /** Per term of `lists.measureParts`. */
  measureParts: boolean[];
  /** The period terms that are a detail when not asked: rates, and years or months the story has others of. */
  periods: string[];
  periodDated: boolean[];
}

const telling = new WeakMap<TopicProfile, TellingDetails>();

function tellingDetails(p: TopicProfile, ctx: ScoreContext, story: StoryFields): TellingDetails {
  const known = telling.get(p);
  if (known?.stats === ctx.stats && known.vocabulary === ctx.vocabulary) return known;
  const { stats } = ctx;
  const periods: string[] = [];
  const periodDated: boolean[] = [];
  for (const t of p.fields.period) {
    const rate = ctx.vocabulary.kind(t) === "period";
    const year = t.startsWith("@y");
    const dated = year || t.startsWith("@m");
    if ((!rate && !dated) || !discriminates(stats, p.story, t)) continue;
    // A year or month is a detail only where the story has topics of another year or month (the topic's own
    // is one of the story's, so another means more than one).
    if (dated && datedCount(story.period, year ? "@y" : "@m") - (story.period.has(t) ? 1 : 0) === 0) continue;
    periods.push(t);
    periodDated.push(dated);
  }
  const details: TellingDetails = {
    stats,
    vocabulary: ctx.vocabulary,
    subject: anyTelling(p.subjectNames, stats, p.story),
    place: anyTelling(p.fields.place, stats, p.story),
    thing: anyTelling(p.fields.thing, stats, p.story),
    measureParts: p.lists.measureParts.map((t) => discriminates(stats, p.story, t)),
    periods,
    periodDated,
  };
  telling.set(p, details);
  return details;
}

/**
 * The cost of details a topic has, that tell it from its story's neighbours, which the question leaves out: a
 * place, a thing, part of a measure, a rate, a year or month, a subject. They decide between neighbours (the
 * rank), not whether the question is answerable (the confidence). 1 when nothing is left out.
 */
export function detailsLeftOut(
  p: TopicProfile,
  q: QuestionReading,
  ctx: ScoreContext,
  asked: { asked: ReadonlySet<string>; measureAsked: boolean; subjectNamed: boolean; facts?: QuestionFacts },
  cfg: MatchWeights,
): number {
  const story = ctx.stats.storyField.get(p.story);
  if (!story) return 1;
  // Run for every candidate of every question: loops and module helpers, no closures made per call.
  const details = tellingDetails(p, ctx, story);
  const has = asked.asked;
  let missing = 1;
  if (!asked.subjectNamed && details.subject) missing *= cfg.missing.subject;
  let namesAsked = 0;
  for (const part of p.subjectParts) if (anyAsked(part, has)) namesAsked++;
  if (p.subjectParts.length > 1 && namesAsked === 0 && !has.has("#combined"))
    missing *= cfg.missing.subjectPart;
  // A field the topic has, none of whose terms is asked, that tells it from its neighbours. "Nationwide" is what
  // a question with no place means, so it is not a detail left out.
  if (details.place && !anyAsked(p.fields.place, has) && !p.all.has(nationwide)) missing *= cfg.missing.place;
  if (details.thing && !anyAsked(p.fields.thing, has)) missing *= cfg.missing.thing;
  if (asked.measureAsked) {
    const parts = p.lists.measureParts;
    let partLeftOut = false;
    let partAsked = false;
    for (let i = 0; i < parts.length; i++) {
      if (has.has(parts[i] as string)) partAsked = true;
      else if (details.measureParts[i]) partLeftOut = true;
    }
    if (partLeftOut && partAsked) missing *= cfg.missing.measurePart;
  }
  const facts = asked.facts ?? questionFacts(q, ctx);
  for (let i = 0; i < details.periods.length; i++) {
    const t = details.periods[i] as string;
    if (has.has(t)) continue;
    // "In 2024" is a calendar year already; "annual" need not be said.
    if (t === perYear && q.date.yearPeriod !== null) continue;
    if (t === facts.yearKey || t === facts.monthKey) continue;
    if (details.periodDated[i] && q.date.asOf && startsAt(t, 2, q.date.asOf)) continue;
    missing *= cfg.missing.period;
  }
  return missing;
}
