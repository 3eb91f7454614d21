import { detectAttribution } from "./detect-attribution.ts";
import { type FoundFigure, findFigures } from "./find-figures.ts";
import { isAsserted } from "./is-asserted.ts";
import { splitClauses } from "./split-clauses.ts";
import { stripSlackMarkup } from "./strip-slack-markup.ts";

export interface FigureScan {
  /** Figures no clause of the message attributes: these get flagged. */
  unsourced: FoundFigure[];
  sourced: FoundFigure[];
}

/** The detector: every figure in a raw Slack message, split into unsourced and sourced. */
export function findUnsourcedFigures(slackText: string): FigureScan {
  const stripped = stripSlackMarkup(slackText);
  const clauses = splitClauses(stripped.text);
  // Figures only asked about or rejected are mentioned, not claimed: neither flagged nor sourced.
  const figures = findFigures(stripped.text, clauses).filter((f) => isAsserted(stripped.text, f));
  if (figures.length === 0) return { unsourced: [], sourced: [] };
  const attribution = detectAttribution(stripped, clauses, new Set(figures.map((f) => f.clauseIndex)));
  const unsourced: FoundFigure[] = [];
  const sourced: FoundFigure[] = [];
  for (const f of figures) (attribution.clauses[f.clauseIndex] ? sourced : unsourced).push(f);
  return { unsourced, sourced };
}
