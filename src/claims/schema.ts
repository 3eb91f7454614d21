import { z } from "zod";

/**
 * The data contract: topics, sources, documents and claims, as the research desk writes them in
 * `topics/`, `sources/`, `documents/` and `claims/`. Nothing here knows any one story: subjects, measures,
 * places and kinds are the curator's own words, never a fixed list.
 */

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

const IdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case (a-z, 0-9 and -)");
/** The curator's own words for a field: "Spain", "homes destroyed", "cumulative since 29 Oct 2024". */
const WordsSchema = z.string().trim().min(1, "must not be empty").max(300);

/**
 * Units Tally writes as a newsroom does ("$6 billion", "€2.4 million", "4.1%", "2.5 to 1", "1,000 km"); any
 * other unit ("homes", "seats", "tonnes") is printed as its word after the number.
 */
export const knownUnits = ["people", "usd", "eur", "gbp", "percent", "ratio", "km"] as const;
export const UnitSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(40)
  .transform((u) => u.toLowerCase());
export type Unit = string;

export const QualifierSchema = z.enum(["about", "over", "at-least", "nearly", "up-to"]);
export type Qualifier = z.infer<typeof QualifierSchema>;

export const TopicSchema = z
  .object({
    id: IdSchema,
    title: z.string().trim().min(3).max(140),
    /** Whose figure: "Russia's armed forces", "Sudan", "protesters", "Valencia province residents". */
    subject: WordsSchema,
    /** What is counted: "killed", "people displaced", "turnout", "confirmed cases". */
    measure: WordsSchema,
    /** Free text, precise: "cumulative since 24 Feb 2022", "calendar year 2024", "per day", "October 2025". */
    period: WordsSchema,
    unit: UnitSchema,
    /** Phrasings reporters use for exactly this quantity (not for its neighbours). */
    aliases: z.array(z.string().trim().min(2)).min(1, "needs at least one alias"),
    /** Where, when the quantity is about one place: "Kursk region", "Valencia province". */
    place: WordsSchema.optional(),
    /** What is counted when it is not people: "tanks", "homes", "ballots". */
    thing: WordsSchema.optional(),
    /** Neighbouring quantities worth seeing beside this one ("killed" beside "killed and wounded"). */
    related: z.array(IdSchema).default([]),
    /** Shown in the daily summary. */
    key: z.boolean().default(false),
    /** How many days its figures may go unchecked before answers mark it and curators are reminded. */
    review_days: z.number().int("must be a whole number of days").positive("must be at least 1").default(30),
    note: z.string().optional(),
  })
  .strict();
export type Topic = z.infer<typeof TopicSchema>;

export const SourceSchema = z
  .object({
    id: IdSchema,
    /** How a newsroom prints it. */
    name: z.string().trim().min(2),
    /** Other names reporters use: abbreviations, a minister's name, a capital standing for a government. */
    aliases: z.array(z.string().trim().min(1)).default([]),
    /** Free text: government, military, agency, ngo, person, outlet … */
    kind: WordsSchema.default("organisation"),
    /** Whose side the source speaks for, in the words topics use as `subject`. */
    side: WordsSchema.optional(),
  })
  .strict();
export type Source = z.infer<typeof SourceSchema>;

/** An article (or report) that figures come from. */
export const DocumentSchema = z
  .object({
    id: IdSchema,
    outlet: z.string().trim().min(2),
    headline: z.string().trim().min(3),
    published: AsOfSchema,
    /** Where it can be read. */
    url: z.string().url("must be a full URL (https://…)").optional(),
    /** A text copy, looked up in TALLY_DOCUMENTS_DIR; quotes are checked against it. */
    file: z
      .string()
      .regex(/^[\w][\w.-]*\.txt$/, "must be a plain file name ending in .txt, like 000_abc.txt")
      .optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine((d) => d.url !== undefined || d.file !== undefined, {
    message: "give a url, a file (a text copy), or both",
  });
export type Document = z.infer<typeof DocumentSchema>;

const DaySchema = AsOfSchema.refine((s) => s.length === 10, { message: "must be a day, YYYY-MM-DD" });
const InstantSchema = z.iso.datetime({ offset: true, message: "must be an ISO date and time" });

export const ProvenanceSchema = z
  .object({
    proposed_by: z.string().min(1),
    proposed_at: InstantSchema,
    approved_by: z.string().min(1),
    approved_at: InstantSchema,
    /** The Slack message it was added from. */
    permalink: z.string().url().optional(),
    /** The review-queue proposal it came through. */
    proposal: z.string().optional(),
  })
  .strict();
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const RetiredSchema = z
  .object({
    on: DaySchema,
    by: z.string().optional(),
    reason: z.string().optional(),
    /** The claim that corrects it. */
    replaced_by: IdSchema.optional(),
  })
  .strict();
export type Retired = z.infer<typeof RetiredSchema>;

export const ClaimSchema = z
  .object({
    id: IdSchema,
    topic: z.string(),
    /** Figures may be negative: growth of −0.2%, a monthly fall in prices. */
    value: z.number().finite().optional(),
    low: z.number().finite().optional(),
    high: z.number().finite().optional(),
    qualifier: QualifierSchema.optional(),
    as_of: AsOfSchema,
    source: z.string(),
    /** True when the article gives no attribution and the outlet itself is the source. */
    unattributed: z.boolean().default(false),
    /** The id of the document that reports it. */
    document: z.string(),
    quote: z.string().min(8).max(400),
    /** The last day someone checked the figure still stands (the as-of date when absent). */
    checked: AsOfSchema.optional(),
    /** Who brought it in from Slack, and who approved it: set by curation, kept by export. */
    provenance: ProvenanceSchema.optional(),
    /** Taken out of answers (withdrawn, or replaced by a correction); it stays in the topic's history. */
    retired: RetiredSchema.optional(),
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

/**
 * The shipped newsroom vocabulary (`vocabulary/`): each concept with the words and phrases that mean it.
 * `kind` says what a concept tells the matcher; see data/README.md.
 */
export const ConceptSchema = z
  .object({
    id: IdSchema,
    // `figure`: words that make a number in a message a reported figure, for the flag detector.
    kind: z.enum(["measure", "group", "period", "scope", "name", "noun", "filler", "figure"]).default("name"),
    /** Words and phrases, as typed: "killed", "death toll", "kia". Matched on stemmed words, longest first. */
    phrases: z.array(z.string().trim().min(1)).min(1),
    /** Broader measures this one is part of, with how close: `killed` is part of `casualties`. */
    within: z.record(z.string(), z.number().min(0).max(1)).default({}),
    /** Measures that, asked together, mean this one: killed and injured together are casualties. */
    combines: z.array(z.string()).default([]),
    note: z.string().optional(),
  })
  .strict();
export type Concept = z.infer<typeof ConceptSchema>;
