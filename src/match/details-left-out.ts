import { anyOf } from "./list-tests.ts";
import { type QuestionFacts, questionFacts } from "./question-facts.ts";
import type { QuestionReading } from "./read-question.ts";
import type { MatchWeights } from "./score-context.ts";
import { nationwide, perYear, type ScoreContext } from "./score-context.ts";
import { type TopicFacts, topicFacts } from "./topic-facts.ts";
import type { TopicProfile } from "./topic-profile.ts";

/** `t` from `at` on starts as `date` does, as far as either goes ("@m2024-05" of "2024-05-12"). */
function startsAt(t: string, at: number, date: string): boolean {
  const n = Math.min(t.length - at, date.length);
  for (let i = 0; i < n; i++) if (t.charCodeAt(at + i) !== date.charCodeAt(i)) return false;
  return true;
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
  asked: {
    asked: ReadonlySet<string>;
    measureAsked: boolean;
    subjectNamed: boolean;
    /** How many of the topic's subject's names are asked. */
    namesAsked: number;
    facts?: QuestionFacts;
    topic?: TopicFacts;
  },
  cfg: MatchWeights,
): number {
  const story = ctx.stats.storyField.get(p.story);
  if (!story) return 1;
  // Run for every candidate of every question: loops and module helpers, no closures made per call.
  const details = asked.topic ?? topicFacts(p, ctx, story);
  const has = asked.asked;
  let missing = 1;
  if (!asked.subjectNamed && details.subjectTelling) missing *= cfg.missing.subject;
  if (p.subjectParts.length > 1 && asked.namesAsked === 0 && !has.has("#combined"))
    missing *= cfg.missing.subjectPart;
  // A field the topic has, none of whose terms is asked, that tells it from its neighbours. "Nationwide" is what
  // a question with no place means, so it is not a detail left out.
  if (details.placeTelling && !anyOf(details.place, has) && !p.all.has(nationwide))
    missing *= cfg.missing.place;
  if (details.thingTelling && !anyOf(details.thing, has)) missing *= cfg.missing.thing;
  if (asked.measureAsked) {
    const parts = p.lists.measureParts;
    let partLeftOut = false;
    let partAsked = false;
    for (let i = 0; i < parts.length; i++) {
      if (has.has(parts[i] as string)) partAsked = true;
      else if (details.measurePartsTelling[i]) partLeftOut = true;
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
