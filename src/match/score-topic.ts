import { matchConfig } from "./config.ts";
import { detailsLeftOut } from "./details-left-out.ts";
import { allIn, anyEndsWith, anyIn, anyOf, anyStartsWith } from "./list-tests.ts";
import { bestPhrasing } from "./phrasing-similarity.ts";
import { namedSourcesFit, questionFacts, unknownEvidence } from "./question-facts.ts";
import type { QuestionReading } from "./read-question.ts";
import {
  combined,
  cumulative,
  fitAt,
  isMeasureTerm,
  isTheme,
  measureFitOf,
  nationwide,
  otherStoryField,
  perMonth,
  ratioKey,
  type ScoreContext,
  shareKey,
  themeAt,
} from "./score-context.ts";
import { Factors } from "./score-factors.ts";
import { topicFacts } from "./topic-facts.ts";
import type { TopicProfile } from "./topic-profile.ts";

export { unknownEvidence } from "./question-facts.ts";
export { isSubjectTerm, type MatchWeights, type ScoreContext } from "./score-context.ts";

/**
 * How well one topic answers a question, from 0 to 1: a factor for how well its fields fit (a wrong subject,
 * measure, place or period rules it out; a detail it has that the question leaves out costs less) times how
 * much of the question it explains. `relaxed` scores conflicts gently, for "did you mean" suggestions; it comes
 * from the same pass, so suggesting costs no second scoring.
 */
export interface TopicScore {
  /** How sure Tally is that this topic answers the question. */
  confidence: number;
  /** The confidence with the cost of details left out: orders neighbours that answer equally well. */
  rank: number;
  relaxed: { confidence: number; rank: number };
}

/**
 * `similarity`, when given, is `bestPhrasing(p, q, ctx.stats, unknownEvidence(q, ctx))`, worked out beforehand
 * for many topics at once (phrasing-overlaps.ts).
 */
export function scoreTopic(
  p: TopicProfile,
  q: QuestionReading,
  ctx: ScoreContext,
  similarity?: number,
): TopicScore {
  const cfg = ctx.weights ?? matchConfig;
  const story = ctx.stats.storyField.get(p.story);
  if (!story) return { confidence: 0, rank: 0, relaxed: { confidence: 0, rank: 0 } };
  // Scored for every candidate of every question: helpers live at module level, not as closures made per call.
  const { vocabulary, stats } = ctx;
  // Conflicts count in full for the answer and gently for suggestions.
  const factors = new Factors(cfg.conflict.relaxed);
  let explained = 0;
  let unexplained = 0;
  const facts = questionFacts(q, ctx);
  const topic = topicFacts(p, ctx, story);
  const scratch = facts.scratch;
  scratch.fits.fill(Number.NaN);
  scratch.themes.fill(-1);
  const { asked, keys } = facts;
  let ownSubjectAsked = false;
  let ownFieldSubjectAsked = false;
  for (let i = 0; i < keys.length; i++) {
    if (!facts.subject[i]) continue;
    if (p.all.has(keys[i] as string)) ownSubjectAsked = true;
    if (p.fields.subject.has(keys[i] as string)) ownFieldSubjectAsked = true;
  }

  // What is counted: the closest measure asked decides; others asked beside it count only if unrelated to both.
  let measureAsked = false;
  let bestMeasure = "";
  let bestFit = 0;
  for (let i = 0; i < keys.length; i++) {
    const t = keys[i] as string;
    if (
      !isMeasureTerm(t, facts.kinds[i], story.measure) ||
      facts.subject[i] ||
      themeAt(scratch, i, t, p, story, ctx, cfg)
    )
      continue;
    const fit = fitAt(scratch, i, t, p, vocabulary, cfg);
    if (!measureAsked || fit > bestFit) {
      bestMeasure = t;
      bestFit = fit;
    }
    measureAsked = true;
  }
  if (measureAsked) {
    if (bestFit > 0) factors.scale(bestFit);
    else factors.conflict(cfg.conflict.measure);
  }

  for (let i = 0; i < keys.length; i++) {
    const t = keys[i] as string;
    const role = facts.roles[i];
    const w = facts.weights[i] as number;
    const k = facts.kinds[i];
    const subjectTerm = facts.subject[i] as boolean;
    // Whose figure is read off the subject: "by Russian drones" in a title does not make Russia's figure.
    // Unless the question names the topic's own subject too: "US aid to Ukraine" is the US's figure.
    const strayed =
      subjectTerm &&
      role !== "place" &&
      story.subject.has(t) &&
      !p.fields.subject.has(t) &&
      !p.fields.place.has(t) &&
      !ownFieldSubjectAsked;
    // A measure word in the topic's subject or place describes whose ("migrants crossing"): it explains.
    // (Asked only of a measure word the topic uses: three lookups saved on every other term of every topic.)
    if (
      p.all.has(t) &&
      !strayed &&
      (!isMeasureTerm(t, k, story.measure) ||
        subjectTerm ||
        p.fields.subject.has(t) ||
        p.fields.place.has(t) ||
        p.fields.thing.has(t) ||
        fitAt(scratch, i, t, p, vocabulary, cfg) === 1)
    ) {
      explained += w;
      continue;
    }
    // "So far", "combined": scope words neither explain nor count against; "injured by police" names the agent.
    if (k === "scope" || (role === "agent" && (subjectTerm || k === "group"))) continue;
    if (isMeasureTerm(t, k, story.measure) && !subjectTerm && !themeAt(scratch, i, t, p, story, ctx, cfg)) {
      const close = fitAt(scratch, i, t, p, vocabulary, cfg);
      if (t === bestMeasure) explained += w * close;
      // A second measure word beside the one that fits is often loose wording ("% of the forest lost").
      else if (close === 0 && ctx.vocabulary.closeness(t, bestMeasure) === 0 && p.all.has(bestMeasure))
        factors.conflict(cfg.conflict.secondMeasure);
      if (close === 0) unexplained += w;
      continue;
    }
    if (k === "period") {
      factors.conflict(cfg.conflict.rate);
      unexplained += w;
      continue;
    }
    if (subjectTerm) {
      // Another story's subject or place: the question is about that story.
      if (!story.subject.has(t) && !story.place.has(t) && !ctx.sourceSides.has(t)) {
        factors.conflict(cfg.conflict.otherStorySubject);
        unexplained += w;
        continue;
      }
      // "Missing in Kelmaria" asked of a topic about another place of the story is a different quantity.
      if (role === "place" && p.fields.place.size > 0 && story.place.has(t)) {
        factors.conflict(cfg.conflict.place);
        unexplained += w;
        continue;
      }
      // "Soldiers killed in Ukraine" names where, once the question has said whose.
      if (
        (role === "place" || (ownFieldSubjectAsked && p.all.has(t))) &&
        (ownSubjectAsked || p.fields.place.size > 0)
      )
        continue;
      factors.conflict(cfg.conflict.subject);
      unexplained += w;
      continue;
    }
    if (k === "group") {
      // Civilians are not soldiers; police officers are not protesters; children are counted on their own.
      const topicGroups = p.lists.subjectGroups;
      const storyCounts = story.subject.has(t) || story.measure.has(t) || story.thing.has(t);
      if (topicGroups.length > 0 || storyCounts) factors.conflict(cfg.conflict.subject);
      unexplained += w * 0.5;
      continue;
    }
    // A word most of the story's topics use ("protests", "floods") is its theme, not a detail to tell apart.
    if (themeAt(scratch, i, t, p, story, ctx, cfg)) {
      unexplained += w * cfg.coverage.unexplainedKnown;
    } else if (story.place.has(t)) {
      factors.conflict(cfg.conflict.place);
      unexplained += w;
    } else if (story.thing.has(t)) {
      factors.conflict(cfg.conflict.thing);
      unexplained += w;
    } else if (story.period.has(t)) {
      factors.conflict(cfg.conflict.period);
      unexplained += w;
    } else if (subjectTerm) {
      // Another story's subject: the question is about that story.
      factors.conflict(cfg.conflict.otherStorySubject);
      unexplained += w;
    } else if (otherStoryField(t, ctx)) {
      // Another story's place or thing: evidence that the question is about that story.
      factors.scale(cfg.conflict.otherStory);
      unexplained += w;
    } else {
      unexplained += w * cfg.coverage.unexplainedKnown;
    }
  }
  // A count asked of a share, or a share of a count: "how many unemployed" is not the unemployment rate.
  const shareTopic =
    p.fields.unit.has(shareKey) || p.fields.measure.has(shareKey) || p.topic.unit === "ratio";
  // ("Daily rate" is a rate in time, and "how many for every one" a ratio.)
  const rateInTime = facts.rateInTime;
  if (q.asksCount && !q.asksShare && shareTopic && !asked.has(ratioKey))
    factors.conflict(cfg.conflict.countOrShare);
  if (q.asksShare && !q.asksCount && !rateInTime && !shareTopic && !p.all.has(shareKey))
    factors.conflict(cfg.conflict.countOrShare);
  // A unit the question names that is another topic's ("in crowns" of a topic in percent).
  for (const t of facts.distinct) {
    if (
      story.unit.has(t) &&
      !p.fields.unit.has(t) &&
      !p.all.has(t) &&
      vocabulary.kind(t) !== "measure" &&
      !isTheme(t, p, story, ctx, cfg)
    )
      factors.conflict(cfg.conflict.thing);
  }

  // What the question counts ("how many journalists") must be what the topic counts.
  if (
    q.counted &&
    !p.all.has(q.counted) &&
    measureFitOf(q.counted, p, vocabulary, cfg) === 0 &&
    vocabulary.kind(q.counted) !== "scope"
  )
    factors.conflict(cfg.conflict.counted);
  // A running total asked of one night's count or a rate: "drones launched since the war began".
  const periodKinds = p.lists.periodKinds;
  if (asked.has(cumulative) && periodKinds.length > 0 && !p.fields.period.has(cumulative))
    factors.conflict(cfg.conflict.rate);

  // The period asked: a calendar year or a single month.
  const years = p.lists.years;
  const months = p.lists.months;
  if (q.date.yearPeriod !== null) {
    const key = facts.yearKey;
    // A calendar year asked of a topic that covers one month of it ("killed in 2024" is not "in Aug 2024").
    // A running total since a day of that year counts it to date ("since 1 Jan 2026" answers "this year").
    const toDate = p.fields.period.has(facts.sinceKey);
    if ((p.all.has(key) || toDate) && !anyStartsWith(months, facts.monthsOfYear))
      explained += stats.weight(key);
    else if (p.all.has(key) || toDate) factors.conflict(cfg.conflict.period);
    else factors.conflict(years.length > 0 ? cfg.conflict.period : cfg.conflict.yearOnUndated);
  }
  if (q.date.monthPeriod !== null) {
    const key = facts.monthKey;
    // "Rain for October" with no year is any year's October the topic covers.
    const sameMonth = q.date.yearGuessed && anyEndsWith(p.lists.allMonths, facts.monthSuffix);
    if (p.all.has(key) || sameMonth || p.fields.period.has(perMonth)) explained += stats.weight(key);
    else factors.conflict(months.length > 0 ? cfg.conflict.period : cfg.conflict.monthOnUndated);
  }

  // A day the question names that defines a topic ("the march 21 rally") tells it from its siblings.
  const day = facts.day;
  const ownDay = day !== null && p.definitionDays.has(day);
  if (ownDay) explained += cfg.definitionDay;
  else if (day && p.definitionDays.size > 0 && ctx.stats.storyDays.get(p.story)?.has(day))
    factors.conflict(cfg.conflict.period);
  // "The June 1 protest" is another event than the topic's own day; "as of June 1" is only when.
  else if (day && p.definitionDays.size > 0 && !q.date.pointInTime) factors.conflict(cfg.conflict.period);

  const subjectNamed = facts.anySubject || ctx.sourceSides.size > 0;
  let namesAsked = 0;
  for (const part of topic.subjectParts) if (anyOf(part, asked)) namesAsked++;
  // One name of a combined subject ("Spain" of "Spain and Portugal") asks for a smaller quantity.
  if (
    p.subjectParts.length > 1 &&
    namesAsked > 0 &&
    namesAsked < p.subjectParts.length &&
    !asked.has(combined)
  )
    factors.conflict(cfg.conflict.subjectPart);
  // "Nationwide" asked of a topic about one place of the story.
  if (asked.has(nationwide) && p.fields.place.size > 0 && !p.all.has(nationwide))
    factors.conflict(cfg.conflict.place);
  const missing = detailsLeftOut(
    p,
    q,
    ctx,
    { asked, measureAsked, subjectNamed, namesAsked, facts, topic },
    cfg,
  );

  // What else the question names.
  if (!measureAsked) {
    if (q.sources.length > 0 && !subjectNamed && q.terms.length === 0) {
      factors.scale(
        q.sources.some((s) => p.sources.has(s))
          ? ownDay
            ? 1
            : p.topic.key
              ? cfg.sourceOnly.key
              : cfg.sourceOnly.other
          : 0,
      );
    } else factors.scale(cfg.noMeasure);
    if (q.howMuch && !p.money) factors.scale(cfg.howMuchNotMoney);
  }
  // A source named as a mere word, with no figure anywhere in this topic's story, is not this story's source
  // ("insurers" of one story in a question about another's insured losses).
  const sourceFactor = namedSourcesFit(p, topic, facts.sources, ctx.stats.storySources.get(p.story), cfg);
  if (sourceFactor !== null) {
    factors.scale(sourceFactor);
    explained += 1;
  }
  // The named source's side, standing in for the subject the question did not name.
  if (ctx.sourceSides.size > 0) {
    let sideWeight = 0;
    for (const t of ctx.sourceSides) sideWeight += stats.weight(t);
    if (allIn(ctx.sourceSides, p.fields.subject)) explained += sideWeight;
    else {
      if (anyIn(ctx.sourceSides, story.subject)) factors.conflict(cfg.conflict.subject);
      unexplained += sideWeight;
    }
  }
  if (q.date.asOf !== null) explained += 0.5;
  const unknown = unknownEvidence(q, ctx);
  for (const u of q.unknown) if (u.afterIn || u.counted) factors.conflict(cfg.conflict.unknownPlace);
  const total = explained + unexplained + unknown;
  const coverage = total === 0 ? 0 : explained / total;
  const phrasing = similarity ?? bestPhrasing(p, q, ctx.stats, unknown);
  // One word is thin evidence ("test?", "lunch?") unless it is one of the topic's own phrasings.
  const said = q.terms.length + q.unknown.length + (ctx.sourceSides.size > 0 ? 1 : 0);
  // A common word ("deaths") alone is thin even when it is an alias; a rare one ("turnout") is the question.
  const only = q.terms[0]?.key;
  const rare = only !== undefined && stats.weight(only) >= ctx.stats.rareWeight;
  if (said <= 1 && q.sources.length === 0 && !(phrasing === 1 && rare))
    factors.scale(cfg.coverage.singleTerm);
  const share = cfg.coverage.coverageShare;
  const fit = share * coverage + (1 - share) * phrasing;
  // A detail left out only orders close neighbours; it never outweighs a real difference in fit.
  const leftOut = 1 - cfg.missing.weight * (1 - Math.sqrt(missing));
  const confidence = Math.min(1, factors.factor * fit);
  const loose = Math.min(1, factors.loose * fit);
  return {
    confidence,
    rank: confidence * leftOut,
    relaxed: { confidence: loose, rank: loose * leftOut },
  };
}
