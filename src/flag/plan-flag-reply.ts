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
  const assess = (figure: FoundFigure): Assessment =>
    assessFigure(figure, core, figureQuery(figure, all), config);
  return {
    figures: unsourced.map((figure, i) =>
      i < config.maxFiguresPerReply ? { figure, assessment: assess(figure) } : lazilyAssessed(figure, assess),
    ),
  };
}

/**
 * A figure past those a reply lists, assessed only if something reads it: each assessment asks the index, and
 * a pasted table of 700 figures took two seconds to assess when the reply shows eight and counts the rest.
 */
function lazilyAssessed(figure: FoundFigure, assess: (f: FoundFigure) => Assessment): AssessedFigure {
  let assessment: Assessment | undefined;
  return {
    figure,
    get assessment() {
      assessment ??= assess(figure);
      return assessment;
    },
  };
}
