/** A summary as data: what `compose-summary` decides to say, before any Block Kit. Text is unescaped. */

export interface SummaryFigure {
  claimId: string;
  /** "about 250,000". */
  figureText: string;
  /** "13 Jun 2025". */
  dateText: string;
  /** "5 months ago". */
  ageText: string;
  ageDays: number;
  sourceName: string;
  /** Where it was reported, when that is not the source itself. */
  outlet: string | null;
  unattributed: boolean;
}

export type TopicChange =
  /** No earlier summary in this channel to compare with. */
  | { kind: "first-summary" }
  /** The topic was not in the channel's previous summary. */
  | { kind: "newly-shown" }
  | { kind: "unchanged" }
  | {
      kind: "changed";
      /** Set when the figure moved: what it was and by how much ("50,000 higher (+25%)"). */
      figure: { previousText: string; differenceText: string } | null;
      /** Set when a different source now gives the headline. */
      source: { previousName: string } | null;
      /** Set when only the date moved (same figure, same source, a newer report). */
      previousDateText: string | null;
    };

export interface TopicSummary {
  topicId: string;
  title: string;
  headline: SummaryFigure;
  change: TopicChange;
  /** Other sources whose latest figure differs from the headline. */
  disagreeing: number;
  /** Lowest to highest across every source's latest figure, when they disagree. */
  spread: { lowText: string; highText: string } | null;
  stale: boolean;
}

export interface NewClaim {
  topicId: string;
  topicTitle: string;
  figure: SummaryFigure;
}

export interface StaleFigure {
  topicId: string;
  title: string;
  figure: SummaryFigure;
  /** It crossed the threshold since the channel's previous summary (never on a first summary). */
  newlyStale: boolean;
}

/** Which topics the summary covers: those the channel watches, else the key ones, else all. */
export type TopicChoice = "watched" | "key" | "all";

export interface Summary {
  /** The local day it is for: "2025-06-12". */
  day: string;
  /** "Thu 12 Jun 2025". */
  dateText: string;
  timeZone: string;
  /** When the channel's previous summary was posted (ISO), or null. */
  previousAt: string | null;
  /** The same on the local clock: "Wed 11 Jun 2025, 09:00". */
  previousText: string | null;
  choice: TopicChoice;
  topics: TopicSummary[];
  /** Watched topic ids the index no longer has. */
  unknownTopicIds: string[];
  /** Topics chosen that have no figures yet. */
  topicsWithoutFigures: string[];
  /** Claims added to the index since the previous summary, newest first. Empty on a first summary. */
  newClaims: NewClaim[];
  /** Headlines older than `staleDays`, the newly stale first. */
  stale: StaleFigure[];
  staleDays: number;
  /** Unsourced figures flagged in the channel since the previous summary (or the last day). */
  flaggedSinceLast: number;
  /** The summary's topics past their review interval (`review_days`), most overdue first. */
  dueForReview: Array<{ topicId: string; title: string; daysSince: number; reviewDays: number }>;
}
