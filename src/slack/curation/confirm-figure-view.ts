import { z } from "zod";
import type { ClaimsIndex } from "../../claims/claims-index.ts";
import { newTopicTitle } from "../../curation/build-proposal.ts";
import { type FigureForm, FigureFormSchema, FORM_LIMITS } from "../../curation/figure-form.ts";
import { formatAsOfDate } from "../../figures/format-as-of.ts";
import { formatFigure } from "../../figures/format-figure.ts";
import type { KnownBlock } from "../blocks/block-types.ts";
import { cutToFit, LIMITS } from "../blocks/limits.ts";
import { type ModalView, VIEW_LIMITS } from "./add-figure-view.ts";
import { figureFormCopy } from "./figure-form-copy.ts";

const say = figureFormCopy.confirm;

/** What else the check-before-sending view carries beside the form (the add-figure view's own metadata:
 * where the figure came from, what it corrects); the form takes up to 2,500 of Slack's 3,000 characters. */
export const CARRY_MAX = VIEW_LIMITS.privateMetadata - FORM_LIMITS.maxJson - '{"form":,"carry":""}'.length;

const ConfirmedSchema = z.object({ form: FigureFormSchema, carry: z.string().default("") }).strict();

export type ConfirmedForm = { ok: true; form: FigureForm; carry: string } | { ok: false; error: string };

export interface ConfirmViewOptions {
  callbackId: string;
  /** Passed through untouched to the confirmed submission; at most CARRY_MAX characters as JSON. */
  carry?: string;
}

const section = (text: string): KnownBlock => ({
  type: "section",
  text: { type: "mrkdwn", text: cutToFit(text, LIMITS.sectionText) },
});

/** The figure with the unit it will be read in: its own, or the topic's. */
function unitOf(form: FigureForm, index: ClaimsIndex): string {
  if (form.reading.unit) return form.reading.unit;
  if ("new" in form.topic) return form.topic.new.unit.toLowerCase();
  return index.topicById.get(form.topic.id)?.unit ?? "";
}

function topicBlocks(form: FigureForm, index: ClaimsIndex): KnownBlock[] {
  if ("id" in form.topic)
    return [section(say.topic(index.topicById.get(form.topic.id)?.title ?? form.topic.id, false))];
  const t = form.topic.new;
  const fields = [t.subject, t.measure, t.period, t.unit, t.place].filter(
    (f): f is string => f !== undefined,
  );
  return [
    section(say.topic(newTopicTitle(t), true)),
    { type: "context", elements: [{ type: "mrkdwn", text: say.newTopicFields(fields) }] },
  ];
}

function documentText(form: FigureForm, index: ClaimsIndex): string {
  if ("new" in form.document) {
    const d = form.document.new;
    return say.document(d.headline, d.outlet, formatAsOfDate(d.published), d.url ?? null, true);
  }
  const d = index.documentById.get(form.document.id);
  if (!d) return say.document(form.document.id, "", "", null, false);
  return say.document(d.headline, d.outlet, formatAsOfDate(d.published), d.url ?? null, false);
}

/** "Check before sending": every field as Tally read it, with the form itself in private_metadata. */
export function confirmFigureView(
  form: FigureForm,
  index: ClaimsIndex,
  options: ConfirmViewOptions,
): ModalView {
  const privateMetadata = JSON.stringify({ form, carry: options.carry ?? "" });
  if (privateMetadata.length > VIEW_LIMITS.privateMetadata) {
    throw new Error(
      `confirmFigureView: private_metadata would be ${privateMetadata.length} characters (Slack allows ${VIEW_LIMITS.privateMetadata}); keep carry under ${CARRY_MAX}`,
    );
  }
  const figure = formatFigure({ ...form.reading, unit: unitOf(form, index) });
  const sourceName =
    "id" in form.source
      ? (index.sourceById.get(form.source.id)?.name ?? form.source.id)
      : form.source.new.name;
  const blocks: KnownBlock[] = [
    { type: "context", elements: [{ type: "mrkdwn", text: say.intro }] },
    section(say.figure(figure, form.figureText)),
    section(say.asOf(formatAsOfDate(form.asOf))),
    ...topicBlocks(form, index),
    section(say.source(sourceName, "new" in form.source)),
    section(documentText(form, index)),
    section(say.quote(form.quote)),
  ];
  return {
    type: "modal",
    callback_id: options.callbackId,
    private_metadata: privateMetadata,
    title: { type: "plain_text", text: say.title },
    submit: { type: "plain_text", text: say.submit },
    close: { type: "plain_text", text: say.close },
    blocks,
  };
}

/** The form a check-before-sending view carried, read back (and checked again) from its submission. */
export function readConfirmedForm(privateMetadata: unknown): ConfirmedForm {
  if (typeof privateMetadata !== "string") return { ok: false, error: "private_metadata is not a string" };
  let json: unknown;
  try {
    json = JSON.parse(privateMetadata);
  } catch {
    return { ok: false, error: "private_metadata is not JSON" };
  }
  const parsed = ConfirmedSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: `private_metadata ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "is not a form"}`,
    };
  }
  return { ok: true, form: parsed.data.form, carry: parsed.data.carry };
}
