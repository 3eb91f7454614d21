import type { FormField } from "../../curation/figure-form.ts";

/**
 * The add-figure modal's block and action ids. They never change between opening, updating and submitting the
 * modal: Slack keeps what was typed in an input across views.update only when both ids stay the same.
 */
export const FIGURE_BLOCK = {
  note: "fig_note",
  topic: "fig_topic",
  newTopicHeader: "fig_new_topic_header",
  subject: "fig_subject",
  measure: "fig_measure",
  period: "fig_period",
  unit: "fig_unit",
  place: "fig_place",
  figureHeader: "fig_figure_header",
  figure: "fig_figure",
  /** The "Reads as: …" context under the figure, added after Enter. */
  figureReading: "fig_figure_reading",
  asOf: "fig_as_of",
  source: "fig_source",
  newSource: "fig_new_source",
  documentHeader: "fig_document_header",
  url: "fig_doc_url",
  outlet: "fig_doc_outlet",
  headline: "fig_doc_headline",
  published: "fig_doc_published",
  quote: "fig_quote",
} as const;

export const FIGURE_ACTION = {
  /** An external_select: the options handler for topics answers this action id. */
  topic: "fig_topic_select",
  /** An external_select: the options handler for sources answers this action id. */
  source: "fig_source_select",
  /** Enter in the figure field sends a block_action with this id; the view is updated with its reading. */
  figure: "fig_figure_text",
  subject: "fig_subject_text",
  measure: "fig_measure_text",
  period: "fig_period_text",
  unit: "fig_unit_text",
  place: "fig_place_text",
  asOf: "fig_as_of_date",
  newSource: "fig_new_source_text",
  url: "fig_doc_url_text",
  outlet: "fig_doc_outlet_text",
  headline: "fig_doc_headline_text",
  published: "fig_doc_published_date",
  quote: "fig_quote_text",
} as const;

/** Where an error found on a form field (by buildProposal) is shown in the modal. */
export const BLOCK_FOR_FIELD: Readonly<Record<FormField, string>> = {
  topic: FIGURE_BLOCK.topic,
  figure: FIGURE_BLOCK.figure,
  asOf: FIGURE_BLOCK.asOf,
  source: FIGURE_BLOCK.source,
  document: FIGURE_BLOCK.url,
  quote: FIGURE_BLOCK.quote,
};
