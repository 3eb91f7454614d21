import { z } from "zod";
import { AsOfSchema, QualifierSchema } from "../claims/schema.ts";
import type { FigureReading } from "./figure-input.ts";

/**
 * The add-figure form once read and checked: what a desk member said about one figure, before it becomes data
 * entries. It travels in a modal's private_metadata (3,000 characters), so every text field is capped.
 */

/** Field caps. Their sum, with the JSON keys, stays near 2,000 characters; the schema's last check keeps the
 * whole form at or under `maxJson` even when quotes and backslashes double in JSON. */
export const FORM_LIMITS = Object.freeze({
  id: 100,
  words: 100,
  unit: 30,
  place: 80,
  thing: 60,
  figureText: 80,
  sourceName: 100,
  url: 300,
  outlet: 80,
  headline: 150,
  quoteMin: 8,
  quoteMax: 400,
  maxJson: 2500,
});

/** The form's fields, as errors are reported on them. */
export const FORM_FIELDS = ["topic", "figure", "asOf", "source", "document", "quote"] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export interface NewTopicFields {
  subject: string;
  measure: string;
  period: string;
  unit: string;
  place?: string | undefined;
  thing?: string | undefined;
}

export interface NewDocumentFields {
  url?: string | undefined;
  outlet: string;
  headline: string;
  published: string;
}

export interface FigureForm {
  topic: { id: string } | { new: NewTopicFields };
  /** As the proposer typed it: "over 1 million". */
  figureText: string;
  reading: FigureReading;
  /** YYYY-MM-DD. */
  asOf: string;
  source: { id: string } | { new: { name: string } };
  document: { id: string } | { new: NewDocumentFields };
  quote: string;
}

const text = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const DaySchema = AsOfSchema.refine((s) => s.length === 10, { message: "must be a day, YYYY-MM-DD" });
const finite = z.number().finite();

export const FigureReadingSchema = z
  .object({
    value: finite.optional(),
    low: finite.optional(),
    high: finite.optional(),
    qualifier: QualifierSchema.optional(),
    unit: z.string().max(FORM_LIMITS.unit).nullable(),
  })
  .strict()
  .refine((r) => (r.value !== undefined) !== (r.low !== undefined && r.high !== undefined), {
    message: "give either one number, or a low and a high",
  });

const NewTopicSchema = z
  .object({
    subject: text(FORM_LIMITS.words),
    measure: text(FORM_LIMITS.words),
    period: text(FORM_LIMITS.words),
    unit: text(FORM_LIMITS.unit),
    place: text(FORM_LIMITS.place).optional(),
    thing: text(FORM_LIMITS.thing).optional(),
  })
  .strict();

const NewDocumentSchema = z
  .object({
    url: z.string().trim().max(FORM_LIMITS.url).url("must be a full URL (https://…)").optional(),
    outlet: text(FORM_LIMITS.outlet),
    headline: text(FORM_LIMITS.headline),
    published: DaySchema,
  })
  .strict();

const ref = z.object({ id: text(FORM_LIMITS.id) }).strict();

export const FigureFormSchema = z
  .object({
    topic: z.union([ref, z.object({ new: NewTopicSchema }).strict()]),
    figureText: text(FORM_LIMITS.figureText),
    reading: FigureReadingSchema,
    asOf: DaySchema,
    source: z.union([
      ref,
      z.object({ new: z.object({ name: text(FORM_LIMITS.sourceName) }).strict() }).strict(),
    ]),
    document: z.union([ref, z.object({ new: NewDocumentSchema }).strict()]),
    quote: z
      .string()
      .trim()
      .min(FORM_LIMITS.quoteMin, `must be ${FORM_LIMITS.quoteMin} to ${FORM_LIMITS.quoteMax} characters`)
      .max(FORM_LIMITS.quoteMax, `must be ${FORM_LIMITS.quoteMin} to ${FORM_LIMITS.quoteMax} characters`),
  })
  .strict()
  .refine((f) => JSON.stringify(f).length <= FORM_LIMITS.maxJson, {
    // Only text full of quote marks or backslashes gets here: each doubles when written as JSON.
    path: ["quote"],
    message: "the form is too long to carry; shorten the quote or the headline",
  }) satisfies z.ZodType<FigureForm>;

/** The form field a schema issue belongs to (its path's first key), for field-by-field messages. */
export function fieldOfIssue(path: readonly PropertyKey[]): FormField {
  const head = path[0];
  if (head === "figureText" || head === "reading") return "figure";
  return FORM_FIELDS.find((f) => f === head) ?? "quote";
}
