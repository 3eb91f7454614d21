import type { Qualifier } from "../../claims/schema.ts";

/**
 * What a figure in a message counts: people, a count of things, dollars, other money, a percentage, a ratio,
 * kilometres, or a multiplier ("3x", "3 times more"), which no topic measures.
 */
export type FigureUnit = "people" | "count" | "usd" | "money" | "percent" | "ratio" | "km" | "multiple";
export type FigureRate = "day" | "week" | "month" | "year";

/** A figure making a factual claim, found in a message's prose. */
export interface FoundFigure {
  /** As written, qualifier and rate included: "nearly 2,000 a day", "between 10,000 and 12,000". */
  text: string;
  start: number;
  end: number;
  /** In base units: 1.2 million is 1200000, 50% is 50, 2.5 to 1 is 2.5. */
  value?: number;
  low?: number;
  high?: number;
  unit: FigureUnit;
  qualifier?: Qualifier;
  rate?: FigureRate;
  /** The clause around the figure, for matching against the index. */
  clause: string;
  /** Where `clause` starts in the message prose, so that `start - clauseOffset` indexes into it. */
  clauseOffset: number;
  clauseIndex: number;
}
