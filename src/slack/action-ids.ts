/** Block Kit action ids Tally's buttons carry; the listeners in src/slack/actions/ match on them. */
export const ACTION = {
  share: "tally_share",
  history: "tally_history",
  notWhatIAsked: "tally_not_what_i_asked",
  more: "tally_more",
  /** One per suggestion ("tally_suggestion_0" …): action ids must be unique within a block. */
  suggestionPrefix: "tally_suggestion_",
} as const;

export const SUGGESTION_ACTION = /^tally_suggestion_\d+$/;
