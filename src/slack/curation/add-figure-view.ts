import type { types } from "@slack/bolt";
import { FORM_LIMITS } from "../../curation/figure-form.ts";
import type { FigureInputResult } from "../../curation/figure-input.ts";
import { formatAsOfDate } from "../../figures/format-as-of.ts";
import { formatFigure } from "../../figures/format-figure.ts";
import type { KnownBlock } from "../blocks/block-types.ts";
import { figureFormCopy as copy } from "./figure-form-copy.ts";
import { FIGURE_ACTION, FIGURE_BLOCK } from "./figure-form-ids.ts";

export type ModalView = types.ModalView;

/** What the add-figure modal opens with: every field may be missing; a note says where it came from. */
export interface FigurePrefill {
  note?: string;
  topic?: { id: string; title: string };
  newTopic?: Partial<{ subject: string; measure: string; period: string; unit: string; place: string }>;
  figureText?: string;
  /** YYYY-MM-DD; a month (YYYY-MM) leaves the date empty and says so. */
  asOf?: string;
  source?: { id: string; name: string };
  newSourceName?: string;
  document?: Partial<{ url: string; outlet: string; headline: string; published: string }>;
  quote?: string;
}

export interface FigureViewOptions {
  callbackId: string;
  privateMetadata: string;
  title: string;
  submit: string;
}

/** Block Kit's limits for a modal and its inputs (Slack rejects a view that breaks one). */
export const VIEW_LIMITS = Object.freeze({
  blocks: 100,
  title: 24,
  label: 2000,
  hint: 2000,
  placeholder: 150,
  optionText: 75,
  optionValue: 150,
  privateMetadata: 3000,
  contextText: 3000,
  header: 150,
});

const cut = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
const plain = (text: string, max: number) => ({ type: "plain_text" as const, text: cut(text, max) });
const isDay = (s: string | undefined): s is string => s !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(s);
const isMonth = (s: string | undefined): s is string => s !== undefined && /^\d{4}-\d{2}$/.test(s);

interface InputSpec {
  block: string;
  label: string;
  element: types.InputBlockElement;
  optional: boolean;
  hint?: string;
  dispatch?: boolean;
}

function input(spec: InputSpec): KnownBlock {
  return {
    type: "input",
    block_id: spec.block,
    label: plain(spec.label, VIEW_LIMITS.label),
    element: spec.element,
    optional: spec.optional,
    ...(spec.hint ? { hint: plain(spec.hint, VIEW_LIMITS.hint) } : {}),
    ...(spec.dispatch ? { dispatch_action: true } : {}),
  };
}

function textInput(
  action: string,
  placeholder: string,
  max: number,
  initial: string | undefined,
  multiline = false,
): types.PlainTextInput {
  return {
    type: "plain_text_input",
    action_id: action,
    placeholder: plain(placeholder, VIEW_LIMITS.placeholder),
    max_length: max,
    ...(multiline ? { multiline: true } : {}),
    ...(initial?.trim() ? { initial_value: cut(initial.trim(), max) } : {}),
  };
}

function externalSelect(action: string, placeholder: string, initial?: { id: string; label: string }) {
  const element: types.ExternalSelect = {
    type: "external_select",
    action_id: action,
    placeholder: plain(placeholder, VIEW_LIMITS.placeholder),
    min_query_length: 0,
  };
  if (initial && initial.id.length <= VIEW_LIMITS.optionValue) {
    element.initial_option = { text: plain(initial.label, VIEW_LIMITS.optionText), value: initial.id };
  }
  return element;
}

function datepicker(action: string, placeholder: string, initial: string | undefined): types.Datepicker {
  return {
    type: "datepicker",
    action_id: action,
    placeholder: plain(placeholder, VIEW_LIMITS.placeholder),
    ...(isDay(initial) ? { initial_date: initial } : {}),
  };
}

const header = (block: string, text: string): KnownBlock => ({
  type: "header",
  block_id: block,
  text: plain(text, VIEW_LIMITS.header),
});

/** The add-figure modal: topic (or a new quantity), figure, date, source, document and quote. */
export function addFigureView(prefill: FigurePrefill, options: FigureViewOptions): ModalView {
  const t = prefill.newTopic ?? {};
  const d = prefill.document ?? {};
  const c = copy;
  const blocks: KnownBlock[] = [];
  if (prefill.note) {
    blocks.push(figureContext(FIGURE_BLOCK.note, c.note(prefill.note)));
  }
  blocks.push(
    input({
      block: FIGURE_BLOCK.topic,
      label: c.topic.label,
      hint: c.topic.hint,
      optional: true,
      element: externalSelect(
        FIGURE_ACTION.topic,
        c.topic.placeholder,
        prefill.topic && { id: prefill.topic.id, label: prefill.topic.title },
      ),
    }),
    header(FIGURE_BLOCK.newTopicHeader, c.newTopic.header),
    ...(
      [
        ["subject", FORM_LIMITS.words],
        ["measure", FORM_LIMITS.words],
        ["period", FORM_LIMITS.words],
        ["unit", FORM_LIMITS.unit],
        ["place", FORM_LIMITS.place],
      ] as const
    ).map(([field, max]) => {
      const words: { label: string; placeholder: string; hint?: string } = c.newTopic[field];
      return input({
        block: FIGURE_BLOCK[field],
        label: words.label,
        ...(words.hint ? { hint: words.hint } : {}),
        optional: true,
        element: textInput(FIGURE_ACTION[field], words.placeholder, max, t[field]),
      });
    }),
    header(FIGURE_BLOCK.figureHeader, c.figure.header),
    input({
      block: FIGURE_BLOCK.figure,
      label: c.figure.label,
      hint: c.figure.hint,
      optional: false,
      dispatch: true,
      element: {
        ...textInput(FIGURE_ACTION.figure, c.figure.placeholder, FORM_LIMITS.figureText, prefill.figureText),
        dispatch_action_config: { trigger_actions_on: ["on_enter_pressed"] },
      },
    }),
    input({
      block: FIGURE_BLOCK.asOf,
      label: c.asOf.label,
      optional: false,
      ...(isMonth(prefill.asOf) ? { hint: c.asOf.monthOnly(formatAsOfDate(prefill.asOf)) } : {}),
      element: datepicker(FIGURE_ACTION.asOf, c.asOf.placeholder, prefill.asOf),
    }),
    input({
      block: FIGURE_BLOCK.source,
      label: c.source.label,
      hint: c.source.hint,
      optional: true,
      element: externalSelect(
        FIGURE_ACTION.source,
        c.source.placeholder,
        prefill.source && { id: prefill.source.id, label: prefill.source.name },
      ),
    }),
    input({
      block: FIGURE_BLOCK.newSource,
      label: c.newSource.label,
      optional: true,
      element: textInput(
        FIGURE_ACTION.newSource,
        c.newSource.placeholder,
        FORM_LIMITS.sourceName,
        prefill.newSourceName,
      ),
    }),
    header(FIGURE_BLOCK.documentHeader, c.document.header),
    input({
      block: FIGURE_BLOCK.url,
      label: c.document.url.label,
      optional: false,
      element: {
        type: "url_text_input",
        action_id: FIGURE_ACTION.url,
        placeholder: plain(c.document.url.placeholder, VIEW_LIMITS.placeholder),
        // A link longer than the form carries is left for the desk to shorten rather than cut (a cut link is wrong).
        ...(d.url && d.url.length <= FORM_LIMITS.url ? { initial_value: d.url } : {}),
      },
    }),
    input({
      block: FIGURE_BLOCK.outlet,
      label: c.document.outlet.label,
      optional: false,
      element: textInput(FIGURE_ACTION.outlet, c.document.outlet.placeholder, FORM_LIMITS.outlet, d.outlet),
    }),
    input({
      block: FIGURE_BLOCK.headline,
      label: c.document.headline.label,
      optional: false,
      element: textInput(
        FIGURE_ACTION.headline,
        c.document.headline.placeholder,
        FORM_LIMITS.headline,
        d.headline,
      ),
    }),
    input({
      block: FIGURE_BLOCK.published,
      label: c.document.published.label,
      optional: false,
      element: datepicker(FIGURE_ACTION.published, c.document.published.placeholder, d.published),
    }),
    input({
      block: FIGURE_BLOCK.quote,
      label: c.quote.label,
      hint: c.quote.hint,
      optional: false,
      element: textInput(FIGURE_ACTION.quote, c.quote.placeholder, FORM_LIMITS.quoteMax, prefill.quote, true),
    }),
  );
  return {
    type: "modal",
    callback_id: options.callbackId,
    private_metadata: options.privateMetadata,
    title: plain(options.title, VIEW_LIMITS.title),
    submit: plain(options.submit, VIEW_LIMITS.title),
    blocks,
  };
}

function figureContext(block: string, mrkdwn: string): KnownBlock {
  return {
    type: "context",
    block_id: block,
    elements: [{ type: "mrkdwn", text: cut(mrkdwn, VIEW_LIMITS.contextText) }],
  };
}

/** "Reads as: *over 1 million* (a lower bound), in euros", or what is wrong with the figure. */
export function figureReadingContext(result: FigureInputResult): KnownBlock {
  if (!result.ok) return figureContext(FIGURE_BLOCK.figureReading, copy.reading.unreadable(result.message));
  const r = result.reading;
  const text = formatFigure({ ...r, unit: "" });
  return figureContext(
    FIGURE_BLOCK.figureReading,
    copy.reading.readsAs(text, r.qualifier, r.value === undefined, r.unit),
  );
}

/** The modal as Slack sends it back in a block_actions payload (body.view), or as Tally built it. */
export interface OpenView {
  title: { type: "plain_text"; text: string; emoji?: boolean };
  submit?: { type: "plain_text"; text: string; emoji?: boolean } | null;
  close?: { type: "plain_text"; text: string; emoji?: boolean } | null;
  callback_id?: string;
  private_metadata?: string;
  blocks: readonly { type: string; block_id?: string }[];
}

/**
 * The view for views.update with the figure's reading under the figure field (replacing an earlier one).
 * Every other block is passed back unchanged, ids and all, so Slack keeps what was typed in them.
 */
export function withFigureReading(view: OpenView, result: FigureInputResult): ModalView {
  const kept = view.blocks.filter((b) => b.block_id !== FIGURE_BLOCK.figureReading);
  const at = kept.findIndex((b) => b.block_id === FIGURE_BLOCK.figure);
  const blocks = [...kept] as types.AnyBlock[];
  blocks.splice(at === -1 ? blocks.length : at + 1, 0, figureReadingContext(result));
  return {
    type: "modal",
    title: view.title,
    ...(view.submit ? { submit: view.submit } : {}),
    ...(view.close ? { close: view.close } : {}),
    ...(view.callback_id ? { callback_id: view.callback_id } : {}),
    ...(view.private_metadata !== undefined ? { private_metadata: view.private_metadata } : {}),
    blocks,
  };
}
