import { z } from "zod";
import { UnitSchema } from "../claims/schema.ts";

/**
 * What a posted summary showed, saved per channel so the next one can say what changed. Stored as JSON;
 * read back through this schema, so an old or damaged snapshot reads as "no previous summary".
 */
export const SummarySnapshotSchema = z.object({
  version: z.literal(1),
  /** The headline shown per topic id. */
  topics: z.record(
    z.string(),
    z.object({
      claimId: z.string(),
      figureText: z.string(),
      /** The value, or a range's midpoint, in base units. */
      midpoint: z.number(),
      unit: UnitSchema,
      sourceId: z.string(),
      sourceName: z.string(),
      asOf: z.string(),
    }),
  ),
  /** Every claim in the index at the time: what is not in here next time is new. */
  claimIds: z.array(z.string()),
});
export type SummarySnapshot = z.infer<typeof SummarySnapshotSchema>;

/** The stored snapshot, or null when there is none or it does not parse. */
export function readSummarySnapshot(data: unknown): SummarySnapshot | null {
  const parsed = SummarySnapshotSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}
