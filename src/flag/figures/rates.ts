import type { FigureRate } from "./types.ts";

const ratePattern =
  /^\s*(?:(?:a|an|per|each|every)\s+(day|week|month|year)\b|(daily|weekly|monthly|yearly|annually)\b)/i;
const laterRatePattern =
  /(?:\b(?:a|an|per|each|every)\s+(day|week|month|year)\b|\b(daily|weekly|monthly)\b)/i;

/** A rate right after a figure: "2,000 a day", "1,200 daily"; with the length it takes. */
export function rateRightAfter(after: string): { rate: FigureRate; length: number } | null {
  const m = ratePattern.exec(after);
  return m ? { rate: rateOf(m[1] ?? m[2] ?? ""), length: m[0].length } : null;
}

/** A rate a few words after a counted figure: "1,000 soldiers a day". */
export function rateLaterIn(after: string): FigureRate | undefined {
  const m = laterRatePattern.exec(after);
  return m ? rateOf(m[1] ?? m[2] ?? "") : undefined;
}

function rateOf(word: string): FigureRate {
  const w = word.toLowerCase();
  if (w.startsWith("week")) return "week";
  if (w.startsWith("month")) return "month";
  if (w.startsWith("year") || w.startsWith("annual")) return "year";
  return "day";
}
