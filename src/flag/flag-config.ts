/** Every tunable number of the flagging feature, in one frozen place. */
export const flagConfig = Object.freeze({
  /** Flags at most this many messages per channel per window: a pasted spreadsheet must not flood a thread. */
  maxFlagsPerChannel: 5,
  rateWindowMs: 60_000,
  /** Below this matcher confidence the index has nothing to say about the figure ("unknown"). */
  minMatchConfidence: 0.5,
  /** When the matcher abstains, a suggestion this confident in exactly the figure's unit (%, ratio, $) still counts. */
  minSuggestionConfidence: 0.2,
  /** Two figures agree when they differ by at most this fraction … */
  agreeRelative: 0.02,
  /** … or by half the rounding step of the figure as written (800,000 rounds to 100,000), capped here. */
  maxRoundingRelative: 0.1,
  /** "over 1 million" still agrees with a claim up to this fraction above it ("nearly" likewise below). */
  oneSidedRelative: 0.25,
  /** "about 50,000" agrees with a claim this close. */
  aboutRelative: 0.1,
  /** A bare number (no unit, currency, scale or %) needs at least this value to count with claim words only. */
  bareNumberMin: 1_000,
  /** From here a count of people is a population ("900,000 people under arms"), not a meeting or an audience. */
  largeCountMin: 10_000,
  /** Small numbers only count with a claim noun (soldiers, drones…) or a claim verb right before them. */
  rateMin: 10,
  /** Money below this is expenses, not aid, unless the clause talks about aid or weapons. */
  smallMoneyBelow: 10_000,
  /** Words after a number scanned for its noun ("38,000 Russian soldiers"). */
  nounLookahead: 4,
  /** Each reply lists at most this many figures (the rest are summarised in one line). */
  maxFiguresPerReply: 8,
  /** The emoji Tally reacts with on a flagged message. */
  reaction: "mag",
});

export type FlagConfig = typeof flagConfig;
