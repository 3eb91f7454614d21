import type { TallyCore } from "../answer/types.ts";
import { assessFigure } from "./assess-figure.ts";
import { type AssessedFigure, flagCopy } from "./copy.ts";
import { figureQuery } from "./figure-query.ts";
import { findUnsourcedFigures } from "./find-unsourced-figures.ts";
import { type FlagConfig, flagConfig } from "./flag-config.ts";

export interface FlagPlan {
  figures: AssessedFigure[];
  /** One thread reply listing every unsourced figure (mrkdwn, escaped). */
  threadText: string;
  /** The same, worded for an ephemeral note to the author (quiet mode). */
  quietText: string;
}

/** A raw Slack message in; null when there is nothing to flag, else one reply for all its unsourced figures. */
export function planFlagReply(
  slackText: string,
  core: TallyCore,
  config: FlagConfig = flagConfig,
): FlagPlan | null {
  const { unsourced, sourced } = findUnsourcedFigures(slackText);
  if (unsourced.length === 0) return null;
  const all = [...unsourced, ...sourced];
  const figures = unsourced.map((figure) => ({
    figure,
    assessment: assessFigure(figure, core, figureQuery(figure, all), config),
  }));
  return {
    figures,
    threadText: flagCopy.threadReply(figures, config.maxFiguresPerReply),
    quietText: flagCopy.quietNote(figures, config.maxFiguresPerReply),
  };
}
