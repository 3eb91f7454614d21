import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { GrownCopy } from "./grow-story.ts";

/**
 * Beside the grown data folders (not in one: the loader never reads it), which real topic each grown topic
 * copies. The bench needs it to tell which evaluation questions the grown index leaves with two right answers.
 */
export const copiesFileName = "copies.json";

const CopiesSchema = z.object({
  copies: z.array(
    z.object({
      topic: z.string(),
      of: z.string(),
      placesReplaced: z.array(z.string()),
      sameQuantity: z.boolean(),
      latest: z.string().nullable(),
    }),
  ),
});

export function writeCopies(dir: string, copies: readonly GrownCopy[]): void {
  writeFileSync(path.join(dir, copiesFileName), `${JSON.stringify({ copies })}\n`);
}

/** The copies a grown folder records; none when it has no file (an index not grown by this generator). */
export function readCopies(dir: string): GrownCopy[] {
  let text: string;
  try {
    text = readFileSync(path.join(dir, copiesFileName), "utf8");
  } catch {
    return [];
  }
  const parsed = CopiesSchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(`${path.join(dir, copiesFileName)}: ${parsed.error.issues[0]?.message}`);
  return parsed.data.copies;
}
