import { matchConfig } from "./config.ts";
import { detailsLeftOut } from "./details-left-out.ts";
import { usedBy } from "./index-stats.ts";
import { bestPhrasing } from "./phrasing-similarity.ts";
import type { QuestionReading } from "./read-question.ts";
import {
  combined,
  cumulative,
  isMeasureTerm,
  isSubjectTerm,
  nationwide,
  otherStoryField,
  perMonth,
  ratioKey,
  type ScoreContext,
  shareKey,
} from "./score-context.ts";
import type { TopicProfile } from "./topic-profile.ts";

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

export function scoreTopic(p: TopicProfile, q: QuestionReading, ctx: ScoreContext): TopicScore {
  const cfg = ctx.weights ?? matchConfig;
  const story = ctx.stats.storyField.get(p.story);
  if (!story) return { confidence: 0, rank: 0, relaxed: { confidence: 0, rank: 0 } };
  const kind = (t: string) => ctx.vocabulary.kind(t);
  const weight = (t: string) => ctx.stats.weight(t);
  let factor = 1;
  // Conflicts count in full for the answer and gently for suggestions.
  let looseFactor = 1;
  const conflict = (f: number) => {
    factor *= f;
    looseFactor *= Math.max(f, cfg.conflict.relaxed);
  };
  const scale = (f: number) => {
    factor *= f;
    looseFactor *= f;
  };
  let explained = 0;
  let unexplained = 0;
  const asked = new Set(q.terms.map((t) => t.key));
  const ownSubjectAsked = q.terms.some((t) => isSubjectTerm(t.key, ctx) && p.all.has(t.key));
  const ownFieldSubjectAsked = q.terms.some((t) => p.fields.subject.has(t.key) && isSubjectTerm(t.key, ctx));
  const topicMeasures = p.lists.measures;

  // What is counted: the closest measure asked decides; others asked beside it count only if unrelated to both.
  // A story's theme word ("fires", "protests") is never what tells its topics apart.
  const themeOf = (t: string) =>
    (!t.startsWith("#") || kind(t) === "noun") &&
    (usedBy(ctx.stats, p.story, t) >= cfg.themeShare ||
      (ctx.stats.storyThemes.get(p.story)?.has(t) === true && !story.place.has(t)));
  const measureTerms = q.terms.filter(
    (t) => isMeasureTerm(t.key, kind(t.key), story.measure) && !isSubjectTerm(t.key, ctx) && !themeOf(t.key),
  );
  const measureAsked = measureTerms.length > 0;
  // Judged on the measure field: an alias that says "killed or wounded" does not make a deaths topic.
  const fieldMeasures = p.lists.vocabularyMeasures;
  const measureFit = (m: string) => {
    // "%" asked of a topic counted in percent is what it counts.
    if (p.fields.measure.has(m) || p.fields.unit.has(m)) return 1;
    const close = Math.max(0, ...topicMeasures.map((tm) => ctx.vocabulary.closeness(m, tm)));
    if (close > 0) return close;
    // A plain word counts where the measure field is plain words too; beside a vocabulary measure it must be in it.
    if (!p.all.has(m)) return 0;
    if (fieldMeasures.length === 0) return 1;
    // A vocabulary measure must be the field's ("killed or wounded" in an alias does not make a deaths topic).
    return kind(m) === "measure" ? 0 : cfg.aliasMeasure;
  };
  const bestMeasure = measureTerms.reduce(
    (best, t) => (measureFit(t.key) > measureFit(best) ? t.key : best),
    measureTerms[0]?.key ?? "",
  );
  if (measureAsked) {
    const f = measureFit(bestMeasure);
    if (f > 0) scale(f);
    else conflict(cfg.conflict.measure);
  }

  for (const { key: t, role } of q.terms) {
    const w = weight(t);
    const k = kind(t);
    const subjectTerm = isSubjectTerm(t, ctx);
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
    const describes = p.fields.subject.has(t) || p.fields.place.has(t) || p.fields.thing.has(t);
    if (
      p.all.has(t) &&
      !strayed &&
      (!isMeasureTerm(t, k, story.measure) || subjectTerm || describes || measureFit(t) === 1)
    ) {
      explained += w;
      continue;
    }
    // "So far", "combined": scope words neither explain nor count against; "injured by police" names the agent.
    if (k === "scope" || (role === "agent" && (subjectTerm || k === "group"))) continue;
    if (isMeasureTerm(t, k, story.measure) && !subjectTerm && !themeOf(t)) {
      const close = measureFit(t);
      if (t === bestMeasure) explained += w * close;
      // A second measure word beside the one that fits is often loose wording ("% of the forest lost").
      else if (close === 0 && ctx.vocabulary.closeness(t, bestMeasure) === 0 && p.all.has(bestMeasure))
        conflict(cfg.conflict.secondMeasure);
      if (close === 0) unexplained += w;
      continue;
    }
    if (k === "period") {
      conflict(cfg.conflict.rate);
      unexplained += w;
      continue;
    }
    if (subjectTerm) {
      // Another story's subject or place: the question is about that story.
      if (!story.subject.has(t) && !story.place.has(t) && !ctx.sourceSides.has(t)) {
        conflict(cfg.conflict.otherStorySubject);
        unexplained += w;
        continue;
      }
      // "Missing in Kelmaria" asked of a topic about another place of the story is a different quantity.
      if (role === "place" && p.fields.place.size > 0 && story.place.has(t)) {
        conflict(cfg.conflict.place);
        unexplained += w;
        continue;
      }
      // "Soldiers killed in Ukraine" names where, once the question has said whose.
      if (
        (role === "place" || (ownFieldSubjectAsked && p.all.has(t))) &&
        (ownSubjectAsked || p.fields.place.size > 0)
      )
        continue;
      conflict(cfg.conflict.subject);
      unexplained += w;
      continue;
    }
    if (k === "group") {
      // Civilians are not soldiers; police officers are not protesters; children are counted on their own.
      const topicGroups = p.lists.subjectGroups;
      const storyCounts = story.subject.has(t) || story.measure.has(t) || story.thing.has(t);
      if (topicGroups.length > 0 || storyCounts) conflict(cfg.conflict.subject);
      unexplained += w * 0.5;
      continue;
    }
    // A word most of the story's topics use ("protests", "floods") is its theme, not a detail to tell apart.
    if (themeOf(t)) {
      unexplained += w * cfg.coverage.unexplainedKnown;
    } else if (story.place.has(t)) {
      conflict(cfg.conflict.place);
      unexplained += w;
    } else if (story.thing.has(t)) {
      conflict(cfg.conflict.thing);
      unexplained += w;
    } else if (story.period.has(t)) {
      conflict(cfg.conflict.period);
      unexplained += w;
    } else if (subjectTerm) {
      // Another story's subject: the question is about that story.
      conflict(cfg.conflict.otherStorySubject);
      unexplained += w;
    } else if (otherStoryField(t, ctx)) {
      // Another story's place or thing: evidence that the question is about that story.
      scale(cfg.conflict.otherStory);
      unexplained += w;
    } else {
      unexplained += w * cfg.coverage.unexplainedKnown;
    }
  }
  // A count asked of a share, or a share of a count: "how many unemployed" is not the unemployment rate.
  const shareTopic =
    p.fields.unit.has(shareKey) || p.fields.measure.has(shareKey) || p.topic.unit === "ratio";
  // ("Daily rate" is a rate in time, and "how many for every one" a ratio.)
  const rateInTime = q.terms.some((t) => kind(t.key) === "period");
  if (q.asksCount && !q.asksShare && shareTopic && !asked.has(ratioKey)) conflict(cfg.conflict.countOrShare);
  if (q.asksShare && !q.asksCount && !rateInTime && !shareTopic && !p.all.has(shareKey))
    conflict(cfg.conflict.countOrShare);
  // A unit the question names that is another topic's ("in crowns" of a topic in percent).
  for (const t of asked) {
    if (story.unit.has(t) && !p.fields.unit.has(t) && !p.all.has(t) && kind(t) !== "measure" && !themeOf(t))
      conflict(cfg.conflict.thing);
  }

  // What the question counts ("how many journalists") must be what the topic counts.
  if (q.counted && !p.all.has(q.counted) && measureFit(q.counted) === 0 && kind(q.counted) !== "scope")
    conflict(cfg.conflict.counted);
  // A running total asked of one night's count or a rate: "drones launched since the war began".
  const periodKinds = p.lists.periodKinds;
  if (asked.has(cumulative) && periodKinds.length > 0 && !p.fields.period.has(cumulative))
    conflict(cfg.conflict.rate);

  // The period asked: a calendar year or a single month.
  const years = p.lists.years;
  const months = p.lists.months;
  if (q.date.yearPeriod !== null) {
    const key = `@y${q.date.yearPeriod}`;
    // A calendar year asked of a topic that covers one month of it ("killed in 2024" is not "in Aug 2024").
    // A running total since a day of that year counts it to date ("since 1 Jan 2026" answers "this year").
    const toDate = p.fields.period.has(`@since${q.date.yearPeriod}`);
    if ((p.all.has(key) || toDate) && !months.some((m) => m.startsWith(`@m${q.date.yearPeriod}`)))
      explained += weight(key);
    else if (p.all.has(key) || toDate) conflict(cfg.conflict.period);
    else conflict(years.length > 0 ? cfg.conflict.period : cfg.conflict.yearOnUndated);
  }
  if (q.date.monthPeriod !== null) {
    const key = `@m${q.date.monthPeriod}`;
    // "Rain for October" with no year is any year's October the topic covers.
    const sameMonth = q.date.yearGuessed && p.lists.allMonths.some((t) => t.endsWith(key.slice(-3)));
    if (p.all.has(key) || sameMonth || p.fields.period.has(perMonth)) explained += weight(key);
    else conflict(months.length > 0 ? cfg.conflict.period : cfg.conflict.monthOnUndated);
  }

  // A day the question names that defines a topic ("the march 21 rally") tells it from its siblings.
  const day = q.date.asOf?.length === 10 ? q.date.asOf.slice(5) : null;
  const ownDay = day !== null && p.definitionDays.has(day);
  if (ownDay) explained += cfg.definitionDay;
  else if (day && p.definitionDays.size > 0 && ctx.stats.storyDays.get(p.story)?.has(day))
    conflict(cfg.conflict.period);
  // "The June 1 protest" is another event than the topic's own day; "as of June 1" is only when.
  else if (day && p.definitionDays.size > 0 && !q.date.pointInTime) conflict(cfg.conflict.period);

  const subjectNamed = q.terms.some((t) => isSubjectTerm(t.key, ctx)) || ctx.sourceSides.size > 0;
  const namesAsked = p.subjectParts.filter((part) => [...part].some((t) => asked.has(t))).length;
  // One name of a combined subject ("Spain" of "Spain and Portugal") asks for a smaller quantity.
  if (
    p.subjectParts.length > 1 &&
    namesAsked > 0 &&
    namesAsked < p.subjectParts.length &&
    !asked.has(combined)
  )
    conflict(cfg.conflict.subjectPart);
  // "Nationwide" asked of a topic about one place of the story.
  if (asked.has(nationwide) && p.fields.place.size > 0 && !p.all.has(nationwide))
    conflict(cfg.conflict.place);
  const missing = detailsLeftOut(p, q, ctx, { asked, measureAsked, subjectNamed }, cfg);

  // What else the question names.
  if (!measureAsked) {
    if (q.sources.length > 0 && !subjectNamed && q.terms.length === 0) {
      scale(
        q.sources.some((s) => p.sources.has(s))
          ? ownDay
            ? 1
            : p.topic.key
              ? cfg.sourceOnly.key
              : cfg.sourceOnly.other
          : 0,
      );
    } else scale(cfg.noMeasure);
    if (q.howMuch && !p.money) scale(cfg.howMuchNotMoney);
  }
  // A source named as a mere word, with no figure anywhere in this topic's story, is not this story's source
  // ("insurers" of one story in a question about another's insured losses).
  const storySources = ctx.stats.storySources.get(p.story);
  const sources = q.sources.filter((s) => !q.generic.has(s) || q.attributed.has(s) || storySources?.has(s));
  if (sources.length > 0) {
    // Asked what a source says, the topic's other figures still answer; a source named as a mere word ("UK aid")
    // with no figure here says the question is about something else.
    const attributed = sources.some((s) => q.attributed.has(s));
    scale(
      sources.some((s) => p.sources.has(s))
        ? 1
        : attributed
          ? cfg.sourceWithoutFigure
          : cfg.sourceWithoutFigureUnasked,
    );
    explained += 1;
  }
  // The named source's side, standing in for the subject the question did not name.
  if (ctx.sourceSides.size > 0) {
    const sideWeight = [...ctx.sourceSides].reduce((n, t) => n + weight(t), 0);
    if ([...ctx.sourceSides].every((t) => p.fields.subject.has(t))) explained += sideWeight;
    else {
      if ([...ctx.sourceSides].some((t) => story.subject.has(t))) conflict(cfg.conflict.subject);
      unexplained += sideWeight;
    }
  }
  if (q.date.asOf !== null) explained += 0.5;
  let unknown = 0;
  for (const u of q.unknown) {
    unknown += ctx.stats.unknownWeight * cfg.coverage.unknownWord;
    if (u.afterIn || u.counted) conflict(cfg.conflict.unknownPlace);
  }
  const total = explained + unexplained + unknown;
  const coverage = total === 0 ? 0 : explained / total;
  const similarity = bestPhrasing(p, q, ctx.stats, unknown);
  // One word is thin evidence ("test?", "lunch?") unless it is one of the topic's own phrasings.
  const said = q.terms.length + q.unknown.length + (ctx.sourceSides.size > 0 ? 1 : 0);
  // A common word ("deaths") alone is thin even when it is an alias; a rare one ("turnout") is the question.
  const only = q.terms[0]?.key;
  const rare = only !== undefined && weight(only) >= ctx.stats.rareWeight;
  if (said <= 1 && q.sources.length === 0 && !(similarity === 1 && rare)) scale(cfg.coverage.singleTerm);
  const share = cfg.coverage.coverageShare;
  const fit = share * coverage + (1 - share) * similarity;
  // A detail left out only orders close neighbours; it never outweighs a real difference in fit.
  const leftOut = 1 - cfg.missing.weight * (1 - Math.sqrt(missing));
  const confidence = Math.min(1, factor * fit);
  const loose = Math.min(1, looseFactor * fit);
  return {
    confidence,
    rank: confidence * leftOut,
    relaxed: { confidence: loose, rank: loose * leftOut },
  };
}
