import type { TallyCore } from "../answer/types.ts";
import { type Assessment, assessFigure } from "./assess-figure.ts";
import { figureQuery } from "./figure-query.ts";
import type { FoundFigure } from "./figures/types.ts";
import { findUnsourcedFigures } from "./find-unsourced-figures.ts";
import { type FlagConfig, flagConfig } from "./flag-config.ts";
import type { FlagVocabulary } from "./flag-vocabulary.ts";

/** One unsourced figure and what the index says about it. */
export interface AssessedFigure {
  figure: FoundFigure;
  assessment: Assessment;
}

/** What to flag in one message: its unsourced figures, in order, each assessed. Words are the adapter's. */
export interface FlagPlan {
  figures: AssessedFigure[];
}

/** A raw Slack message in; null when there is nothing to flag, else every unsourced figure with its assessment. */
export function planFlagReply(
  slackText: string,
  core: TallyCore,
  vocabulary: FlagVocabulary,
  config: FlagConfig = flagConfig,
): FlagPlan | null {
  const { unsourced, sourced } = findUnsourcedFigures(slackText, vocabulary);
  if (unsourced.length === 0) return null;
  const all = [...unsourced, ...sourced];
  return {
    figures: unsourced.map((figure) => ({
      figure,
      assessment: assessFigure(figure, core, figureQuery(figure, all), config),
    })),
  };
}
