import type { FoundFigure } from "./find-figures.ts";

const rateWords = { day: "per day", week: "per week", month: "per month", year: "per year" } as const;

/**
 * The question to ask the index about one figure: its clause without the numbers (the matcher reads words,
 * and "nearly 2,000" only distracts it), keeping what leads up to the first figure and the words after
 * this one. "Russia lost 198,000 dead and 550,000 wounded" asks "Russia lost wounded" for the second.
 */
export function figureQuery(figure: FoundFigure, all: readonly FoundFigure[]): string {
  const inClause = all.filter((f) => f.clauseIndex === figure.clauseIndex).sort((a, b) => a.start - b.start);
  const at = (offset: number) => Math.max(0, Math.min(figure.clause.length, offset - figure.clauseOffset));
  const first = inClause[0] ?? figure;
  const next = inClause.find((f) => f.start > figure.start);
  const lead = figure.clause.slice(0, at(first.start));
  const tail = figure.clause.slice(at(figure.end), next ? at(next.start) : figure.clause.length);
  const rate = figure.rate ? ` ${rateWords[figure.rate]}` : "";
  return `${lead} ${tail}${rate}`.replace(/\s+/g, " ").trim();
}
