import { z } from "zod";

/** A day (`2025-06-12`) or a month (`2025-06`): the precision the source gives. */
const asOfPattern = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

/** A day (`2025-06-12`) or a month (`2025-06`): the precision the source gives. */
export const AsOfSchema = z
  .string()
  .regex(asOfPattern, "must be YYYY-MM-DD or YYYY-MM")
  .refine(
    // Only a well-formed day can be an impossible one (2025-02-30); the regex reports the rest.
    (s) => !asOfPattern.test(s) || s.length === 7 || new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    { message: "is not a real calendar date" },
  );

export const UnitSchema = z.enum(["people", "usd", "percent", "ratio", "km", "vehicles", "drones"]);
export type Unit = z.infer<typeof UnitSchema>;

export const QualifierSchema = z.enum(["about", "over", "at-least", "nearly", "up-to"]);
export type Qualifier = z.infer<typeof QualifierSchema>;

/** Who the quantity is about. */
export const SubjectSchema = z.enum([
  "russia",
  "ukraine",
  "north-korea",
  "ukraine-civilians",
  "united-states",
  "soviet-union",
]);
export type Subject = z.infer<typeof SubjectSchema>;

/** What is counted. Two figures are comparable only when topic (subject, measure, period, unit) agree. */
export const MeasureSchema = z.enum([
  "killed",
  "wounded",
  "killed-and-wounded",
  "killed-wounded-and-missing",
  "deployed",
  "destroyed",
  "trained",
  "launched",
  "jammed",
  "injured",
  "aid",
  "ratio",
  "share",
  "length",
  "captured",
  "survived",
]);
export type Measure = z.infer<typeof MeasureSchema>;

export const TopicSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case"),
    title: z.string().min(3).max(140),
    subject: SubjectSchema,
    measure: MeasureSchema,
    /** Free text, precise: "cumulative since 24 Feb 2022", "calendar year 2024", "per day", "Kursk operation since Aug 2024". */
    period: z.string().min(3),
    unit: UnitSchema,
    /** What is counted when it is not people: "tanks", "drones", "front line". */
    thing: z.string().optional(),
    /** Where, when the quantity is about one place (Kursk, Kharkiv). */
    place: z.string().optional(),
    /** Tags that the matcher reads: per-day, per-month, year-2024, kursk, equipment, history, aid … */
    tags: z.array(z.string()).default([]),
    /** Phrasings reporters use for this quantity. */
    aliases: z.array(z.string().min(2)).min(1),
    /** Shown in the daily summary. */
    key: z.boolean().default(false),
    /** Neighbouring quantities worth seeing beside this one ("killed" beside "killed and wounded"). */
    related: z.array(z.string()).default([]),
    note: z.string().optional(),
  })
  .strict();
export type Topic = z.infer<typeof TopicSchema>;

export const SourceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case"),
    name: z.string().min(2),
    aliases: z.array(z.string()).default([]),
    kind: z.enum([
      "government",
      "military",
      "think-tank",
      "intergovernmental",
      "person",
      "outlet",
      "analyst",
    ]),
    /** Whose side the source speaks for, when it has one: "Zelensky … his soldiers" means Ukraine\'s. */
    side: SubjectSchema.optional(),
  })
  .strict();
export type Source = z.infer<typeof SourceSchema>;

export const SeedSchema = z
  .object({
    file: z.string().regex(/^[\w.-]+\.txt$/, "must be a seed file name like 000_abc.txt"),
    outlet: z.string().min(2),
    headline: z.string().min(3),
    published: AsOfSchema,
    note: z.string().optional(),
  })
  .strict();
export type Seed = z.infer<typeof SeedSchema>;

export const ClaimSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case"),
    topic: z.string(),
    value: z.number().nonnegative().optional(),
    low: z.number().nonnegative().optional(),
    high: z.number().nonnegative().optional(),
    qualifier: QualifierSchema.optional(),
    as_of: AsOfSchema,
    source: z.string(),
    /** True when the article gives no attribution and the outlet itself is the source. */
    unattributed: z.boolean().default(false),
    seed: z.string(),
    quote: z.string().min(8).max(400),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const hasValue = c.value !== undefined;
    const hasRange = c.low !== undefined || c.high !== undefined;
    if (hasValue === hasRange) {
      ctx.addIssue({ code: "custom", message: "give either value, or low and high" });
    } else if (hasRange && (c.low === undefined || c.high === undefined)) {
      ctx.addIssue({ code: "custom", message: "a range needs both low and high" });
    } else if (hasRange && c.low !== undefined && c.high !== undefined && c.low > c.high) {
      ctx.addIssue({ code: "custom", path: ["low"], message: `range has low (${c.low}) > high (${c.high})` });
    }
  });
export type Claim = z.infer<typeof ClaimSchema>;
