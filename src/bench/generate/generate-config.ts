/** Every tunable number of the bench's index generator, in one frozen place (see generate-index.ts). */
export const generateConfig = Object.freeze({
  /** Of the grown stories, the share kept in the model's own places but moved to an earlier year. */
  samePlaceShare: 0.1,
  /** Of the other grown stories, the share also moved to another year (the rest keep the model's period). */
  otherYearShare: 0.35,
  /** Years a story may be moved to (a newsroom's archive). */
  years: Object.freeze({ first: 2012, last: 2024 }),
  /** Of a model story's topics, the share each grown story keeps (a smaller story in another place). */
  topicsKept: Object.freeze({ min: 0.4, max: 1 }),
  /** Of a grown topic, the chance it counts a related measure instead of the model's (injured for killed). */
  relatedMeasureShare: 0.15,
  /** Of a topic whose period names a month, the chance its neighbour is about another month. */
  otherMonthShare: 0.5,
  /** Figures per grown topic: most have a few, a long tail has many (min + span × u^power). */
  claimsPerTopic: Object.freeze({ min: 2, span: 60, power: 4 }),
  /** One real topic gets a long history of earlier figures: this share of the target, at most `max`. */
  longHistory: Object.freeze({ share: 0.017, max: 1_700 }),
  /** Aliases reworded: how often a synonym is swapped in, a word dropped, the place moved to the front. */
  reword: Object.freeze({ synonym: 0.5, dropWord: 0.3, movePlace: 0.35, keepAlias: 0.8 }),
  /** Invented sources per grown story, besides the model story's own sources that also report there. */
  inventedSources: Object.freeze({ min: 2, max: 5 }),
  /** Share of a grown topic's figures from the model story's sources (agencies report on many places). */
  modelSourceShare: 0.35,
  /**
   * No figure is dated after this day, the day the bench asks its questions (bench-config's clock): an index
   * holds what was said, never what will be.
   */
  lastDay: "2026-11-22",
  /** Days between one topic's successive figures. */
  daysBetweenFigures: Object.freeze({ min: 1, max: 20 }),
  /** Claims per claims file, as a desk splits a story's file by outlet or month. */
  claimsPerFile: 400,
});
