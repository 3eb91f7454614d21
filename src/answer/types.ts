import type { ClaimsIndex, Report } from "../claims/claims-index.ts";
import type { Claim, Document, Qualifier, Source, Topic, Unit } from "../claims/schema.ts";
import type { TopicReview } from "./topic-review.ts";

export type { Report };

/** A figure as the newsroom writes it, with the numbers in base units (1.2 million is 1200000). */
export interface Figure {
  value?: number;
  low?: number;
  high?: number;
  qualifier?: Qualifier;
  unit: Unit;
  /** "about 250,000", "10,000–12,000", "nearly $6 billion", "50%". */
  text: string;
}

/** One claim ready to show: the figure, who says so, where it was reported, and how old it is. */
export interface ShownClaim {
  claim: Claim;
  figure: Figure;
  source: Source;
  /** The document the claim itself cites. */
  document: Document;
  /** Every document reporting this figure, the claim's own first (several when outlets restate one figure). */
  reports: readonly Report[];
  /** "12 Jun 2025" or "Jun 2025" for month precision. */
  dateText: string;
  /** "5 months ago". */
  ageText: string;
  /** Whole days between the as-of date and now (month precision counts from the month's last day). */
  ageDays: number;
}

export interface Difference {
  /** Signed, other minus headline, in base units (midpoints for ranges). */
  absolute: number;
  /** Signed fraction of the headline (0.25 is 25% higher); null when the headline is 0. */
  relative: number | null;
  /** "230,000 lower (−92%)". */
  text: string;
}

export interface Disagreement extends ShownClaim {
  difference: Difference;
}

export type HeadlineReason = "latest" | "named-source" | "named-date";

export interface TopicRef {
  id: string;
  title: string;
}

export interface Suggestion {
  topic: TopicRef;
  confidence: number;
}

export interface Match {
  topic: Topic;
  confidence: number;
  headline: ShownClaim;
  /** Why this claim is the headline; with `named-*`, `requested` says what the question named. */
  headlineReason: HeadlineReason;
  requested?: { source?: Source; asOf?: string };
  /** Every other source whose latest figure on the topic (as of the headline's date when one was named) differs. */
  disagreements: Disagreement[];
  /** Other sources whose latest figure is the same as the headline's. */
  agreements: ShownClaim[];
  /** Every claim on the topic, newest first, including each source's earlier figures. */
  history: ShownClaim[];
  /** The latest figure on each neighbouring topic (data's `related`), so a broader or narrower count is not missed. */
  related: Array<{ topic: TopicRef; headline: ShownClaim }>;
  /** Whether the desk is due to check the topic again (`review_days`). */
  review: TopicReview | null;
}

/** Why the core abstained on a topic it knew: the question named a date before the topic's first figure. */
export interface BeforeFirstFigure {
  code: "before-first-figure";
  topic: TopicRef;
  /** The date the question named, YYYY-MM or YYYY-MM-DD. */
  asked: string;
  /** The topic's earliest figure, offered instead. */
  earliest: ShownClaim;
}
export type AbstainReason = BeforeFirstFigure;

export interface Answer {
  query: string;
  match: Match | null;
  suggestions: Suggestion[];
  /** With no match, why, when the core can say more than "nothing matched". */
  reason?: AbstainReason;
}

/** What the Slack adapter, the CLI and the summaries need from the core. */
export interface TallyCore {
  ask(question: string): Answer;
  /**
   * The answer for a topic chosen directly (a "did you mean" button), as of a date when one is given (the
   * "earliest figure" offered when a question named a date before it).
   */
  answerTopic(topicId: string, options?: { asOf?: string }): Answer | null;
  topics(): readonly Topic[];
  /** Topics for a picker ("search existing topics"): the matcher's ranking, then titles containing the query. */
  searchTopics(query: string, limit: number): TopicRef[];
  /** The index it answers from, for what reads its sources and vocabulary (the flag detector). */
  index(): ClaimsIndex;
  /** Topics past their review interval at the core's `now`, most overdue first. */
  dueForReview(): Array<{ topic: Topic; review: TopicReview }>;
}
