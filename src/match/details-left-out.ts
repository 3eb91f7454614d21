import { discriminates, type IndexStats } from "./index-stats.ts";
import { questionFacts } from "./question-facts.ts";
import type { QuestionReading } from "./read-question.ts";
import type { MatchWeights } from "./score-context.ts";
import { nationwide, perYear, type ScoreContext } from "./score-context.ts";
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

/** A field the topic has, none of whose terms is asked, that tells it from its neighbours. */
function leftOut(
  set: ReadonlySet<string>,
  asked: ReadonlySet<string>,
  stats: IndexStats,
  story: number,
): boolean {
  return set.size > 0 && !anyAsked(set, asked) && anyTelling(set, stats, story);
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
  asked: { asked: ReadonlySet<string>; measureAsked: boolean; subjectNamed: boolean },
  cfg: MatchWeights,
): number {
  const story = ctx.stats.storyField.get(p.story);
  if (!story) return 1;
  // Run for every candidate of every question: loops and module helpers, no closures made per call.
  const { stats } = ctx;
  const has = asked.asked;
  let missing = 1;
  if (!asked.subjectNamed && anyTelling(p.subjectNames, stats, p.story)) missing *= cfg.missing.subject;
  let namesAsked = 0;
  for (const part of p.subjectParts) if (anyAsked(part, has)) namesAsked++;
  if (p.subjectParts.length > 1 && namesAsked === 0 && !has.has("#combined"))
    missing *= cfg.missing.subjectPart;
  // "Nationwide" is what a question with no place means, so it is not a detail left out.
  if (leftOut(p.fields.place, has, stats, p.story) && !p.all.has(nationwide)) missing *= cfg.missing.place;
  if (leftOut(p.fields.thing, has, stats, p.story)) missing *= cfg.missing.thing;
  if (asked.measureAsked) {
    const parts = p.lists.measureParts;
    let partLeftOut = false;
    let partAsked = false;
    for (const t of parts) {
      if (has.has(t)) partAsked = true;
      else if (discriminates(stats, p.story, t)) partLeftOut = true;
    }
    if (partLeftOut && partAsked) missing *= cfg.missing.measurePart;
  }
  const facts = questionFacts(q, ctx);
  for (const t of p.fields.period) {
    const rate = ctx.vocabulary.kind(t) === "period";
    const year = t.startsWith("@y");
    const dated = year || t.startsWith("@m");
    if ((!rate && !dated) || has.has(t) || !discriminates(stats, p.story, t)) continue;
    // A year or month is a detail only where the story has topics of another year or month (the topic's own
    // is one of the story's, so another means more than one).
    if (dated && datedCount(story.period, year ? "@y" : "@m") - (story.period.has(t) ? 1 : 0) === 0) continue;
    // "In 2024" is a calendar year already; "annual" need not be said.
    if (t === perYear && q.date.yearPeriod !== null) continue;
    if (t === facts.yearKey || t === facts.monthKey) continue;
    if (dated && q.date.asOf && startsAt(t, 2, q.date.asOf)) continue;
    missing *= cfg.missing.period;
  }
  return missing;
}
