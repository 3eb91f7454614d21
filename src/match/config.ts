/** The matcher's tuning, in one frozen place. Chosen from `npm run eval` over test/eval/questions.yml. */
export const matchConfig = Object.freeze({
  /** Below this confidence Tally abstains and offers suggestions instead. */
  abstainBelow: 0.5,
  /** How many "did you mean" suggestions at most. */
  maxSuggestions: 3,
  /** Suggestions below this confidence are not worth showing. */
  suggestBelow: 0.12,
  /** fuse.js threshold for correcting one mistyped word against the vocabulary (0 exact … 1 anything). */
  typoThreshold: 0.34,
  /** Words shorter than this are never typo-corrected: "ru", "nk", "kia" are abbreviations, not typos. */
  typoMinLength: 4,
  /** Weight of a content word that no topic explains, against the IDF weight of explained ones. */
  unknownWordWeight: 1.0,
  /** Factors applied when a topic needs a detail the question did not give, or the question a detail it lacks. */
  missingTopicDetail: 0.62,
  missingQuestionDetail: 0.4,
  /** When the question does not say whose figure it wants. */
  missingSubject: 0.55,
  /** When the question names no measure: deployment is the natural reading of "how many NK troops". */
  missingMeasure: { deployed: 0.95, "killed-and-wounded": 0.45, other: 0.4 },
});
