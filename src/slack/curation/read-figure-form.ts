import { z } from "zod";
import type { ClaimsIndex } from "../../claims/claims-index.ts";
import type { FormErrors } from "../../curation/build-proposal.ts";
import {
  type FigureForm,
  FigureFormSchema,
  FORM_LIMITS,
  type NewTopicFields,
} from "../../curation/figure-form.ts";
import type { FigureInputResult } from "../../curation/figure-input.ts";
import { figureFormCopy } from "./figure-form-copy.ts";
import { BLOCK_FOR_FIELD, FIGURE_ACTION, FIGURE_BLOCK } from "./figure-form-ids.ts";

export type ParseFigure = (text: string) => FigureInputResult;
/** Field errors keyed by block_id, as `response_action: "errors"` wants them. */
export type BlockErrors = Record<string, string>;
export type ReadFigureFormResult = { ok: true; form: FigureForm } | { ok: false; errors: BlockErrors };

const say = figureFormCopy.errors;

/** One input's state as Slack sends it; anything else about it is ignored. */
const ElementStateSchema = z
  .object({
    value: z.string().nullish(),
    selected_date: z.string().nullish(),
    selected_option: z.object({ value: z.string() }).nullish(),
  })
  .loose();

type Field = keyof typeof FIGURE_BLOCK & keyof typeof FIGURE_ACTION;
type Slot = "value" | "selected_date" | "selected_option";
/** A field's trimmed text, null when empty or absent, or "malformed" when it is not what Slack sends. */
type Read = string | null | "malformed";

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function readSlot(values: unknown, field: Field, slot: Slot): Read {
  if (!isRecord(values)) return null;
  const block = values[FIGURE_BLOCK[field]];
  if (block === undefined || block === null) return null;
  if (!isRecord(block)) return "malformed";
  const element = block[FIGURE_ACTION[field]];
  if (element === undefined || element === null) return null;
  const parsed = ElementStateSchema.safeParse(element);
  if (!parsed.success) return "malformed";
  const raw = slot === "selected_option" ? parsed.data.selected_option?.value : parsed.data[slot];
  const text = raw?.trim() ?? "";
  return text === "" ? null : text;
}

/** Which block a form schema issue is shown under. */
function blockOfIssue(path: readonly PropertyKey[]): string {
  const [head, second, third] = path;
  if (head === "topic")
    return second === "new" && typeof third === "string" && third in FIGURE_BLOCK
      ? FIGURE_BLOCK[third as Field]
      : FIGURE_BLOCK.topic;
  if (head === "source") return second === "new" ? FIGURE_BLOCK.newSource : FIGURE_BLOCK.source;
  if (head === "document")
    return second === "new" && typeof third === "string" && third in FIGURE_BLOCK
      ? FIGURE_BLOCK[third as Field]
      : FIGURE_BLOCK.url;
  if (head === "figureText" || head === "reading") return FIGURE_BLOCK.figure;
  if (head === "asOf") return FIGURE_BLOCK.asOf;
  return FIGURE_BLOCK.quote;
}

/**
 * Reads a submitted add-figure modal (view.state.values) into a form, or says field by field what is missing
 * or wrong. Any payload is read: a missing block is an empty field, a block of the wrong shape is an error.
 */
export function readFigureForm(
  values: unknown,
  index: ClaimsIndex,
  parseFigure: ParseFigure,
): ReadFigureFormResult {
  const errors: BlockErrors = {};
  const read = (field: Field, slot: Slot = "value"): string | null => {
    const r = readSlot(values, field, slot);
    if (r !== "malformed") return r;
    errors[FIGURE_BLOCK[field]] = say.unreadable;
    return null;
  };

  const topic = readTopic(read, index, errors);
  const figureText = read("figure");
  let reading: FigureInputResult | null = null;
  if (figureText !== null) {
    reading = parseFigure(figureText);
    if (!reading.ok) errors[FIGURE_BLOCK.figure] = capitalise(reading.message);
  } else errors[FIGURE_BLOCK.figure] ??= say.figure;

  const asOf = read("asOf", "selected_date");
  if (asOf === null) errors[FIGURE_BLOCK.asOf] ??= say.asOf;

  const source = readSource(read, index, errors);
  const document = readDocument(read, errors);

  const quote = read("quote");
  if (quote === null || quote.length < FORM_LIMITS.quoteMin || quote.length > FORM_LIMITS.quoteMax) {
    errors[FIGURE_BLOCK.quote] ??= say.quote;
  }

  if (Object.keys(errors).length > 0 || !topic || !source || !document || !reading?.ok) {
    return { ok: false, errors };
  }
  const parsed = FigureFormSchema.safeParse({
    topic,
    figureText,
    reading: reading.reading,
    asOf,
    source,
    document,
    quote,
  });
  if (parsed.success) return { ok: true, form: parsed.data };
  for (const issue of parsed.error.issues) {
    errors[blockOfIssue(issue.path)] ??=
      issue.code === "too_big" ? say.tooLong(Number(issue.maximum)) : capitalise(issue.message);
  }
  return { ok: false, errors };
}

type Reader = (field: Field, slot?: Slot) => string | null;

function readTopic(read: Reader, index: ClaimsIndex, errors: BlockErrors): FigureForm["topic"] | null {
  const picked = read("topic", "selected_option");
  const fields = {
    subject: read("subject"),
    measure: read("measure"),
    period: read("period"),
    unit: read("unit"),
    place: read("place"),
  };
  const described = Object.values(fields).some((v) => v !== null);
  if (picked !== null && described) {
    errors[FIGURE_BLOCK.topic] ??= say.topicBoth;
    return null;
  }
  if (picked !== null) {
    if (index.topicById.has(picked)) return { id: picked };
    errors[FIGURE_BLOCK.topic] ??= say.topicGone;
    return null;
  }
  if (!described) {
    errors[FIGURE_BLOCK.topic] ??= say.topic;
    return null;
  }
  const missing = (["subject", "measure", "period", "unit"] as const).filter((f) => fields[f] === null);
  for (const f of missing) errors[FIGURE_BLOCK[f]] ??= say.newTopicPart;
  if (missing.length > 0) return null;
  const fresh: NewTopicFields = {
    subject: fields.subject ?? "",
    measure: fields.measure ?? "",
    period: fields.period ?? "",
    unit: fields.unit ?? "",
    ...(fields.place !== null ? { place: fields.place } : {}),
  };
  return { new: fresh };
}

function readSource(read: Reader, index: ClaimsIndex, errors: BlockErrors): FigureForm["source"] | null {
  const picked = read("source", "selected_option");
  const named = read("newSource");
  if (picked !== null && named !== null) errors[FIGURE_BLOCK.source] ??= say.sourceBoth;
  else if (picked !== null) {
    if (index.sourceById.has(picked)) return { id: picked };
    errors[FIGURE_BLOCK.source] ??= say.sourceGone;
  } else if (named !== null) return { new: { name: named } };
  else errors[FIGURE_BLOCK.source] ??= say.source;
  return null;
}

function readDocument(read: Reader, errors: BlockErrors): FigureForm["document"] | null {
  const url = read("url");
  const outlet = read("outlet");
  const headline = read("headline");
  const published = read("published", "selected_date");
  if (url === null) errors[FIGURE_BLOCK.url] ??= say.url;
  else if (!z.url({ protocol: /^https?$/ }).safeParse(url).success)
    errors[FIGURE_BLOCK.url] ??= say.urlInvalid;
  if (outlet === null) errors[FIGURE_BLOCK.outlet] ??= say.outlet;
  if (headline === null) errors[FIGURE_BLOCK.headline] ??= say.headline;
  if (published === null) errors[FIGURE_BLOCK.published] ??= say.published;
  if (url === null || outlet === null || headline === null || published === null) return null;
  return { new: { url, outlet, headline, published } };
}

/** buildProposal's errors (by form field), shown under the modal's blocks. */
export function proposalErrorsByBlock(errors: FormErrors): BlockErrors {
  const out: BlockErrors = {};
  for (const [field, message] of Object.entries(errors) as [keyof typeof BLOCK_FOR_FIELD, string][]) {
    out[BLOCK_FOR_FIELD[field]] = message;
  }
  return out;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
