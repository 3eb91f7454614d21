import type { Qualifier } from "../claims/schema.ts";

/** A figure read from how a person wrote it ("over 1 million", "10,000 to 12,000", "€2.4m", "4.1%"). */
export interface FigureReading {
  /** One number, or a range (low and high); in base units (1.2 million is 1200000, 4.1% is 4.1). */
  value?: number;
  low?: number;
  high?: number;
  qualifier?: Qualifier;
  /** The unit the writing itself shows: "usd", "eur", "gbp", "percent"; null when it shows none. */
  unit: string | null;
}

export type FigureInputResult = { ok: true; reading: FigureReading } | { ok: false; message: string };

/** One figure a draft found in an article or message, with what it could tell about it. */
export interface DraftClaim {
  /** As written in the text, qualifier included: "more than 1,200". */
  figureText: string;
  reading: FigureReading;
  /** The exact sentence it is in (the quote), trimmed to the claims schema's 400 characters. */
  sentence: string;
  /** A known source's id; else the source as the text names it; null when the text names none. */
  source: { id: string } | { name: string } | null;
  /** YYYY-MM-DD or YYYY-MM: a date the sentence gives, else the article's published date; null if neither. */
  asOf: string | null;
  /** The best existing topic, or what a new one would count. */
  topic:
    | { id: string; confidence: number }
    | { proposed: { subject: string | null; measure: string | null; unit: string; thing: string | null } };
}
