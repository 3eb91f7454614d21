/** Tuning for drafting claims from an article. */
export const draftConfig = Object.freeze({
  /** The claims schema's longest quote. */
  maxQuote: 400,
  /** The claims schema's shortest quote. */
  minQuote: 8,
  /** How many sentences back "she said" or "the agency said" looks for who she or the agency is. */
  lookBackSentences: 4,
  /** How many sentences ahead "the country's disaster agency said" looks for the agency's name. */
  lookAheadSentences: 2,
  /** A line this short after the headline that carries a date is a dateline or byline. */
  maxDatelineChars: 140,
  /** A first line this short with no full stop at its end is a headline. */
  maxHeadlineChars: 200,
  /** A "MEDIA RELEASE" line this near the top makes the text a press release. */
  releaseLineWithin: 5,
});
