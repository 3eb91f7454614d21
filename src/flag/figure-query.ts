import type { FoundFigure } from "./figures/types.ts";

const rateWords = { day: "per day", week: "per week", month: "per month", year: "per year" } as const;
// Where one claim ends and the next begins inside a clause.
const claimBreak = /\b(?:and|but|while|whereas|plus|versus|vs)\b|[,;:]/i;
const contentWord = /[\p{L}]{3,}/u;

/**
 * The question to ask the index about one figure: the words around it without the numbers (the matcher
 * reads words, and "nearly 2,000" only distracts it). In "Russia has lost 765,110 troops and NK sent
 * 12,000 men" the second figure asks "NK sent men"; when its own part has no subject ("… 198,000 dead
 * and 550,000 wounded") it borrows what leads up to the clause's first figure: "Russia lost wounded".
 */
export function figureQuery(figure: FoundFigure, all: readonly FoundFigure[]): string {
  const inClause = all.filter((f) => f.clauseIndex === figure.clauseIndex).sort((a, b) => a.start - b.start);
  const at = (offset: number) => Math.max(0, Math.min(figure.clause.length, offset - figure.clauseOffset));
  const index = inClause.findIndex((f) => f.start === figure.start);
  const previous = index > 0 ? inClause[index - 1] : undefined;
  const next = inClause[index + 1];
  const first = inClause[0] ?? figure;
  const beforeAll = figure.clause.slice(previous ? at(previous.end) : 0, at(figure.start)).split(claimBreak);
  let before = beforeAll.at(-1) ?? "";
  if (!contentWord.test(before)) before = `${figure.clause.slice(0, at(first.start))} ${before}`;
  const after = figure.clause
    .slice(at(figure.end), next ? at(next.start) : figure.clause.length)
    .split(claimBreak)[0];
  const rate = figure.rate ? ` ${rateWords[figure.rate]}` : "";
  return `${before} ${after ?? ""}${rate}`.replace(/\s+/g, " ").trim();
}
