import { z } from "zod";
import { ClaimSchema, DocumentSchema, SourceSchema, TopicSchema } from "../claims/schema.ts";
import type { Proposal } from "../curation/proposal.ts";

/**
 * What a store keeps of a proposal as one JSON value: everything fixed once it is saved. Its id, status,
 * decision and review message live beside it (columns), because those are what change, atomically.
 */
export const ProposalContentSchema = z
  .object({
    entries: z
      .object({
        topics: z.array(TopicSchema),
        sources: z.array(SourceSchema),
        documents: z.array(DocumentSchema),
        claims: z.array(ClaimSchema),
      })
      .strict(),
    figureText: z.string(),
    corrects: z.string().nullable(),
    answers: z.string().nullable(),
    origin: z
      .object({ channel: z.string(), messageTs: z.string(), permalink: z.string().nullable() })
      .strict()
      .nullable(),
    proposedBy: z.string().min(1, "must not be empty"),
    proposedAt: z.iso.datetime({ offset: true, message: "must be an ISO date and time" }),
  })
  .strict();
export type ProposalContent = z.infer<typeof ProposalContentSchema>;

export const proposalContent = (p: Proposal): ProposalContent => ({
  entries: p.entries,
  figureText: p.figureText,
  corrects: p.corrects,
  answers: p.answers,
  origin: p.origin,
  proposedBy: p.proposedBy,
  proposedAt: p.proposedAt,
});

/** zod's issues as one line: "entries.claims.0.quote: Too small …; proposedBy: must not be empty". */
export const describeIssues = (error: z.ZodError): string =>
  error.issues.map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");

/**
 * Reads stored content back. Throws, naming the proposal, when it no longer fits the schema (a hand edit, or
 * a schema changed without a migration): a proposal read wrong could approve the wrong figure.
 */
export function parseProposalContent(id: string, json: string): ProposalContent {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new Error(`stored proposal ${id} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ProposalContentSchema.safeParse(value);
  if (!parsed.success)
    throw new Error(`stored proposal ${id} is unreadable: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
