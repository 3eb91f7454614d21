import { format } from "date-fns";
import { joinNames, reportOutlets } from "../answer/report-outlets.ts";
import type { ShownClaim, TallyCore } from "../answer/types.ts";
import type { Claim, Topic } from "../claims/schema.ts";
import { ageInDays, asOfSortKey, asOfStart, formatAge, formatAsOfDate } from "../figures/format-as-of.ts";
import { describeDifference } from "../figures/format-difference.ts";
import { figureMidpoint } from "../figures/format-figure.ts";
import { formatNumber } from "../figures/format-number.ts";
import { localTime } from "../schedule/local-time.ts";
import type { SummarySnapshot } from "./summary-snapshot.ts";
import type {
  NewClaim,
  StaleFigure,
  Summary,
  SummaryFigure,
  TopicChange,
  TopicChoice,
  TopicSummary,
} from "./summary-types.ts";

export interface ComposeSummaryInput {
  core: TallyCore;
  /** Topic ids the channel watches, in the order it chose them; empty for "the key topics". */
  watchedTopicIds: readonly string[];
  /** The channel's previous summary: when it was posted and what it showed (null if unreadable). */
  previous: { at: Date; snapshot: SummarySnapshot | null } | null;
  /** Unsourced figures flagged in the channel since the previous summary. */
  flaggedSinceLast: number;
  now: Date;
  /** The zone whose local day the summary is for. */
  timeZone: string;
  /** A headline older than this many days is stale (TALLY_STALE_DAYS). */
  staleDays: number;
}

export interface ComposedSummary {
  summary: Summary;
  /** What to save once the summary is posted, for the next one to compare with. */
  snapshot: SummarySnapshot;
}

function chooseTopics(core: TallyCore, watched: readonly string[]) {
  const all = core.topics();
  if (watched.length > 0) {
    const byId = new Map(all.map((t) => [t.id, t]));
    const topics = watched.flatMap((id) => byId.get(id) ?? []);
    const unknown = watched.filter((id) => !byId.has(id));
    // Every watched topic gone from the index: show the key ones rather than an empty summary.
    if (topics.length > 0) return { choice: "watched" as TopicChoice, topics, unknown };
    const key = all.filter((t) => t.key);
    return {
      choice: (key.length > 0 ? "key" : "all") as TopicChoice,
      topics: key.length > 0 ? key : all,
      unknown,
    };
  }
  const key = all.filter((t) => t.key);
  return {
    choice: (key.length > 0 ? "key" : "all") as TopicChoice,
    topics: key.length > 0 ? key : [...all],
    unknown: [],
  };
}

function toFigure(shown: ShownClaim, now: Date): SummaryFigure {
  const outlets = reportOutlets(shown).filter((o) => o !== shown.source.name);
  return {
    claimId: shown.claim.id,
    figureText: shown.figure.text,
    dateText: shown.dateText,
    ageText: formatAge(shown.claim.as_of, now),
    ageDays: ageInDays(shown.claim.as_of, now),
    sourceName: shown.source.name,
    outlet: outlets.length > 0 ? joinNames(outlets) : null,
    unattributed: shown.claim.unattributed,
  };
}

function changeSince(
  topic: Topic,
  headline: ShownClaim,
  previous: ComposeSummaryInput["previous"],
): TopicChange {
  if (!previous?.snapshot) return { kind: "first-summary" };
  const before = previous.snapshot.topics[topic.id];
  if (!before) return { kind: "newly-shown" };
  if (before.claimId === headline.claim.id) return { kind: "unchanged" };
  const midpoint = figureMidpoint(headline.figure);
  const figureMoved = before.figureText !== headline.figure.text || before.midpoint !== midpoint;
  const sourceMoved = before.sourceId !== headline.source.id;
  return {
    kind: "changed",
    figure: figureMoved
      ? {
          previousText: before.figureText,
          differenceText: describeDifference(midpoint, before.midpoint, topic.unit).text,
        }
      : null,
    source: sourceMoved ? { previousName: before.sourceName } : null,
    previousDateText: !figureMoved && !sourceMoved ? formatAsOfDate(before.asOf) : null,
  };
}

/** Lowest to highest across the headline and every other source's latest figure (range ends included). */
function spreadOf(topic: Topic, shown: readonly ShownClaim[]): { lowText: string; highText: string } {
  const ends = shown.flatMap((s) => [
    s.figure.low ?? s.figure.value ?? 0,
    s.figure.high ?? s.figure.value ?? 0,
  ]);
  return {
    lowText: formatNumber(Math.min(...ends), topic.unit),
    highText: formatNumber(Math.max(...ends), topic.unit),
  };
}

/** Every claim in the index with its shown form, found through the topics (the core's only way in). */
function allShownClaims(core: TallyCore): Array<{ topic: Topic; shown: ShownClaim }> {
  return core.topics().flatMap((topic) => {
    const history = core.answerTopic(topic.id)?.match?.history ?? [];
    return history.map((shown) => ({ topic, shown }));
  });
}

function isNewClaim(
  claim: Claim,
  previous: NonNullable<ComposeSummaryInput["previous"]>,
  known: Set<string> | null,
) {
  if (known && !known.has(claim.id)) return true;
  return asOfStart(claim.as_of).getTime() > previous.at.getTime();
}

/** "Thu 12 Jun 2025" for a local day "2025-06-12". */
function dayText(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return format(new Date(y, m - 1, d), "EEE d MMM yyyy");
}

/**
 * The summary for one channel at `now`: per topic the headline figure and source, what changed since the
 * channel's previous summary, how many sources disagree and by how much; the claims new to the index;
 * the figures gone stale; the flags. Pure: everything it needs is passed in.
 */
export function composeSummary(input: ComposeSummaryInput): ComposedSummary {
  const { core, previous, now, staleDays } = input;
  const { choice, topics, unknown } = chooseTopics(core, input.watchedTopicIds);
  const lines: TopicSummary[] = [];
  const withoutFigures: string[] = [];
  const snapshotTopics: SummarySnapshot["topics"] = {};

  for (const topic of topics) {
    const match = core.answerTopic(topic.id)?.match;
    if (!match) {
      withoutFigures.push(topic.title);
      continue;
    }
    const { headline, disagreements, agreements } = match;
    const figure = toFigure(headline, now);
    lines.push({
      topicId: topic.id,
      title: topic.title,
      headline: figure,
      change: changeSince(topic, headline, previous),
      disagreeing: disagreements.length,
      spread: disagreements.length > 0 ? spreadOf(topic, [headline, ...agreements, ...disagreements]) : null,
      stale: figure.ageDays > staleDays,
    });
    snapshotTopics[topic.id] = {
      claimId: headline.claim.id,
      figureText: headline.figure.text,
      midpoint: figureMidpoint(headline.figure),
      unit: topic.unit,
      sourceId: headline.source.id,
      sourceName: headline.source.name,
      asOf: headline.claim.as_of,
    };
  }

  const everyClaim = allShownClaims(core);
  const known = previous?.snapshot ? new Set(previous.snapshot.claimIds) : null;
  const newClaims: NewClaim[] = previous
    ? everyClaim
        .filter(({ shown }) => isNewClaim(shown.claim, previous, known))
        .sort((a, b) => asOfSortKey(b.shown.claim.as_of) - asOfSortKey(a.shown.claim.as_of))
        .map(({ topic, shown }) => ({
          topicId: topic.id,
          topicTitle: topic.title,
          figure: toFigure(shown, now),
        }))
    : [];

  const stale: StaleFigure[] = lines
    .filter((line) => line.stale)
    .map((line) => {
      const asOf = snapshotTopics[line.topicId]?.asOf;
      // On a first summary nothing has "gone" stale: they are counted, not listed as news.
      const newlyStale = previous && asOf ? ageInDays(asOf, previous.at) <= staleDays : false;
      return { topicId: line.topicId, title: line.title, figure: line.headline, newlyStale };
    })
    .sort((a, b) => Number(b.newlyStale) - Number(a.newlyStale));

  const day = localTime(now, input.timeZone).day;
  const previousLocal = previous ? localTime(previous.at, input.timeZone) : null;
  return {
    summary: {
      day,
      dateText: dayText(day),
      timeZone: input.timeZone,
      previousAt: previous ? previous.at.toISOString() : null,
      previousText: previousLocal ? `${dayText(previousLocal.day)}, ${previousLocal.time}` : null,
      choice,
      topics: lines,
      unknownTopicIds: unknown,
      topicsWithoutFigures: withoutFigures,
      newClaims,
      stale,
      staleDays,
      flaggedSinceLast: input.flaggedSinceLast,
      dueForReview: core
        .dueForReview()
        .filter(({ topic }) => snapshotTopics[topic.id] !== undefined)
        .map(({ topic, review }) => ({
          topicId: topic.id,
          title: topic.title,
          daysSince: review.daysSince,
          reviewDays: review.reviewDays,
        })),
    },
    snapshot: {
      version: 1,
      topics: snapshotTopics,
      claimIds: [...new Set(everyClaim.map(({ shown }) => shown.claim.id))].sort(),
    },
  };
}
