import { discriminates } from "./index-stats.ts";
import type { QuestionReading } from "./read-question.ts";
import type { MatchWeights } from "./score-context.ts";
import { nationwide, perYear, type ScoreContext } from "./score-context.ts";
import type { TopicProfile } from "./topic-profile.ts";

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
  let missing = 1;
  const has = (t: string) => asked.asked.has(t);
  const telling = (t: string) => discriminates(ctx.stats, p.story, t);
  if (!asked.subjectNamed && [...p.subjectNames].some(telling)) missing *= cfg.missing.subject;
  const namesAsked = p.subjectParts.filter((part) => [...part].some(has)).length;
  if (p.subjectParts.length > 1 && namesAsked === 0 && !has("#combined")) missing *= cfg.missing.subjectPart;
  const leftOut = (set: Set<string>) => set.size > 0 && ![...set].some(has) && [...set].some(telling);
  // "Nationwide" is what a question with no place means, so it is not a detail left out.
  if (leftOut(p.fields.place) && !p.all.has(nationwide)) missing *= cfg.missing.place;
  if (leftOut(p.fields.thing)) missing *= cfg.missing.thing;
  if (asked.measureAsked) {
    const parts = p.lists.measureParts;
    if (parts.some((t) => !has(t) && telling(t)) && !parts.every((t) => !has(t)))
      missing *= cfg.missing.measurePart;
  }
  for (const t of p.fields.period) {
    const rate = ctx.vocabulary.kind(t) === "period";
    const dated = t.startsWith("@y") || t.startsWith("@m");
    if ((!rate && !dated) || has(t) || !telling(t)) continue;
    // A year or month is a detail only where the story has topics of another year or month.
    if (dated && ![...story.period].some((o) => o.startsWith(t.slice(0, 2)) && o !== t)) continue;
    // "In 2024" is a calendar year already; "annual" need not be said.
    if (t === perYear && q.date.yearPeriod !== null) continue;
    if (t === `@y${q.date.yearPeriod}` || t === `@m${q.date.monthPeriod}`) continue;
    if (dated && q.date.asOf && t.slice(2).startsWith(q.date.asOf.slice(0, t.length - 2))) continue;
    missing *= cfg.missing.period;
  }
  return missing;
}
