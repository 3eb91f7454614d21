/** Action, callback and block ids of curation's surfaces; listeners match on them. */
export const CURATION = {
  /** Review-queue buttons: the value is the proposal id. */
  approve: "tally_review_approve",
  edit: "tally_review_edit",
  reject: "tally_review_reject",
  /** Overflow menu on a history line: the option value is `retire:<claim>` or `correct:<claim>`. */
  figureMenu: "tally_figure_menu",
  /** No-match "Ask the desk": the value is the question (and topic) as a button value. */
  askDesk: "tally_ask_desk",
  /** Desk-question buttons: the value is the question id. */
  deskLink: "tally_desk_link",
  deskAdd: "tally_desk_add",
  /** Reminder "Still right": the value is the topic id. */
  checkTopic: "tally_check_topic",
  /** Modals. */
  addView: "tally_add_figure",
  confirmView: "tally_confirm_figure",
  retireView: "tally_retire_figure",
  linkView: "tally_link_question",
  /** Shortcuts, as declared in manifest.yml. */
  messageShortcut: "tally_add_from_message",
  globalShortcut: "tally_add_figure_shortcut",
  /** Fields of the small modals. */
  reasonBlock: "reason",
  reasonInput: "reason_input",
  linkTopicBlock: "link_topic",
  linkTopicSelect: "link_topic_select",
} as const;
