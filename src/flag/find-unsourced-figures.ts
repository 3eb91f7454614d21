import { detectAttribution } from "./detect-attribution.ts";
import { hasDigit, mayHaveWrittenAmount } from "./figures/amounts.ts";
import { type FoundFigure, findFigures } from "./find-figures.ts";
import type { FlagVocabulary } from "./flag-vocabulary.ts";
import { isAsserted } from "./is-asserted.ts";
import { splitClauses } from "./split-clauses.ts";
import { stripSlackMarkup } from "./strip-slack-markup.ts";

export interface FigureScan {
  /** Figures no clause of the message attributes: these get flagged. */
  unsourced: FoundFigure[];
  sourced: FoundFigure[];
}

/**
 * The detector: every figure in a raw Slack message, split into unsourced and sourced. `vocabulary` is the
 * loaded index's (see flag-vocabulary.ts): its sources, its topics' words and the shipped figure words.
 */
export function findUnsourcedFigures(slackText: string, vocabulary: FlagVocabulary): FigureScan {
  // Most channel messages hold no number at all: nothing to strip, split or read. (Stripping markup only
  // blanks spans and decodes &amp; &lt; &gt;, so it never makes a digit or a number word.)
  if (!hasDigit.test(slackText) && !mayHaveWrittenAmount.test(slackText))
    return { unsourced: [], sourced: [] };
  const stripped = stripSlackMarkup(slackText);
  const clauses = splitClauses(stripped.text);
  // Figures only asked about or rejected are mentioned, not claimed: neither flagged nor sourced.
  const figures = findFigures(stripped.text, vocabulary, clauses).filter((f) => isAsserted(stripped.text, f));
  if (figures.length === 0) return { unsourced: [], sourced: [] };
  const attribution = detectAttribution(
    stripped,
    clauses,
    vocabulary,
    new Set(figures.map((f) => f.clauseIndex)),
  );
  // A figure repeated in one message ("«… 1,250 …» = the enemy lost 1,250") is one figure, sourced when
  // any of its mentions is.
  const first = new Map<string, { figure: FoundFigure; sourced: boolean }>();
  for (const f of figures) {
    const sourced = attribution.clauses[f.clauseIndex] === true;
    const key = sameFigureKey(f);
    const seen = first.get(key);
    if (seen) seen.sourced ||= sourced;
    else first.set(key, { figure: f, sourced });
  }
  const unsourced: FoundFigure[] = [];
  const sourced: FoundFigure[] = [];
  for (const { figure, sourced: isSourced } of first.values()) (isSourced ? sourced : unsourced).push(figure);
  return { unsourced, sourced };
}

/** Mentions of the same number in the same kind of unit (a share, money, a multiplier …) are one figure. */
function sameFigureKey(f: FoundFigure): string {
  const kind = f.unit === "percent" || f.unit === "multiple" || f.unit === "ratio" ? f.unit : "amount";
  return `${kind}:${f.value ?? ""}:${f.low ?? ""}:${f.high ?? ""}`;
}
