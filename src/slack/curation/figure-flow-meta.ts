import { z } from "zod";

/**
 * What the add-figure modal carries through its two steps (in private_metadata, then as the confirm view's
 * `carry`): why it was opened, and where the figure came from. Tally keeps no state per open modal.
 */
const FlowMetaSchema = z
  .object({
    /** add: a new figure; edit: a pending proposal, by a curator; correct: replaces a live claim. */
    m: z.enum(["add", "edit", "correct"]),
    /** The proposal being edited. */
    p: z.string().max(40).optional(),
    /** The claim being corrected. */
    c: z.string().max(120).optional(),
    /** The desk question the figure answers. */
    a: z.string().max(40).optional(),
    /** The message a shortcut was used on. */
    o: z
      .object({
        channel: z.string().max(20),
        ts: z.string().max(30),
        permalink: z.string().max(300).nullable(),
      })
      .optional(),
  })
  .strict();
export type FlowMeta = z.infer<typeof FlowMetaSchema>;

export const encodeFlowMeta = (meta: FlowMeta): string => JSON.stringify(meta);

/** Null for anything Tally did not write (an old modal, a forged payload). */
export function decodeFlowMeta(raw: unknown): FlowMeta | null {
  if (typeof raw !== "string" || raw === "") return null;
  try {
    const parsed = FlowMetaSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
