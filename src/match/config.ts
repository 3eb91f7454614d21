/**
 * The matcher's tuning, in one frozen, grouped place. The numbers were chosen with `npm run eval` over the
 * seed story's sets and the evaluation stories together, so they are calibrated across stories, not per story.
 */
export const matchConfig = Object.freeze({
  answer: Object.freeze({
    /** Below this confidence Tally abstains and offers suggestions instead. */
    abstainBelow: 0.5,
    /** How many "did you mean" suggestions at most. */
    maxSuggestions: 3,
    /** Suggestions below this confidence are not worth showing. */
    suggestBelow: 0.12,
  }),
  /**
   * A question is read up to this many characters (Slack's are at most 500): no question says more past it,
   * and the reading grows with every word (20,000 characters of "$ $ $" took two seconds).
   */
  question: Object.freeze({ maxChars: 1_000 }),
  /** Topics scored in full per question, those sharing the most (by weight) with it; the rest cannot win. */
  candidates: Object.freeze({ keep: 64 }),
  typos: Object.freeze({
    /** fuse.js threshold for correcting one mistyped word against the vocabulary (0 exact … 1 anything). */
    threshold: 0.34,
    /** Words shorter than this are never typo-corrected: "ru", "nk", "kia" are abbreviations, not typos. */
    minLength: 4,
  }),
  coverage: Object.freeze({
    /** Weight of a word the index knows but this topic does not explain, against an explained word. */
    unexplainedKnown: 0.35,
    /** Weight of a word nothing in the index knows. */
    unknownWord: 0.8,
    /** Share of the score that comes from how much of the question the topic explains; the rest is the best alias. */
    coverageShare: 0.6,
    /** A one-word question is thin evidence. */
    singleTerm: 0.6,
  }),
  /** Factors for a question word that names something this topic is not, where its story has it. */
  conflict: Object.freeze({
    subject: 0.05,
    measure: 0.05,
    /** A second measure word that fits neither the topic nor the first ("% of the forest lost"). */
    secondMeasure: 0.5,
    place: 0.08,
    thing: 0.08,
    period: 0.1,
    /** A rate (per day, per week…) asked of a topic that is not one. */
    rate: 0.2,
    /** A calendar year asked of a topic with no year, or a month asked of one with no month. */
    yearOnUndated: 0.4,
    monthOnUndated: 0.3,
    /** An unknown word right after "in": a place the index does not have. */
    unknownPlace: 0.35,
    /** A word that is another story's place or thing, or its subject. */
    otherStory: 0.7,
    otherStorySubject: 0.2,
    /** One of a combined subject asked ("Spain" of "Spain and Portugal"): a different, bigger quantity. */
    subjectPart: 0.6,
    /** A count asked of a share, or a share asked of a count. */
    countOrShare: 0.5,
    /** What the question counts ("how many journalists") is not what the topic counts. */
    counted: 0.3,
    /** Suggestions score conflicts this gently instead of ruling the topic out. */
    relaxed: 0.5,
  }),
  /** Factors for a detail the topic has, that tells it from its neighbours, which the question leaves out. */
  missing: Object.freeze({
    /** How much of the rank these factors move: enough to order neighbours, not to outweigh fit. */
    weight: 0.3,
    subject: 0.7,
    measurePart: 0.85,
    place: 0.85,
    thing: 0.7,
    period: 0.55,
    /** A combined subject ("Spain and Portugal") when the question names neither or one. */
    subjectPart: 0.6,
  }),
  /** A plain measure word the topic's phrasings use but its measure field (a vocabulary measure) does not. */
  aliasMeasure: 0.9,
  /** When the question names no measure at all. */
  noMeasure: 0.8,
  /** "How much" with no measure: money topics are the natural reading. */
  howMuchNotMoney: 0.7,
  /** A question that names no subject, whose close candidates are about different subjects. */
  ambiguousSubject: Object.freeze({ factor: 0.55, closeWithin: 0.8, otherStoryWithin: 0.92 }),
  /** Evidence (in term weights) for a day the question names that is the topic's own ("the March 21 rally"). */
  definitionDay: 3,
  /** A word this share of a story's topics use is its theme ("protests", "floods"), not a detail. */
  themeShare: 0.5,
  /**
   * A question that names no period asks about now: a topic whose newest figure trails the most current close
   * candidate's by more than the grace loses rank ("turnout" means this election's, not a round years ago).
   */
  currency: Object.freeze({ graceYears: 1, perYear: 0.1, floor: 0.5, closeWithin: 0.75 }),
  /** Rank of a topic with nothing said by the date the question names. */
  nothingByThen: 0.8,
  /** A named source with no figure on this topic. */
  sourceWithoutFigure: 0.6,
  /** The same, named without asking what it says ("UK aid"): likely a question about something else. */
  sourceWithoutFigureUnasked: 0.4,
  /** "What's the ministry's count": a named source and nothing else; its key topics first. */
  sourceOnly: Object.freeze({ key: 0.95, other: 0.6 }),
});
