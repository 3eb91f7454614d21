import { z } from "zod";
import { MAX_QUESTION_LENGTH } from "../question.ts";
import { LIMITS } from "./limits.ts";

/**
 * What a button carries so that pressing it can rebuild the answer it belongs to: ephemeral messages
 * do not come back in interaction payloads, and Tally keeps no per-message state.
 */
const ButtonValueSchema = z.object({
  /** The question as asked. */
  q: z.string().max(MAX_QUESTION_LENGTH),
  /** The topic it was answered with (or, for a suggestion, the topic suggested). */
  t: z.string().max(200).nullable(),
  /** For "Show N more": the first source not yet shown. */
  o: z.number().int().nonnegative().optional(),
});
export type ButtonValue = z.infer<typeof ButtonValueSchema>;

export function encodeButtonValue(value: ButtonValue): string {
  const encoded = JSON.stringify({ ...value, q: value.q.slice(0, MAX_QUESTION_LENGTH) });
  // A question of only quotes or backslashes could double in JSON; keep under Slack's limit regardless.
  return encoded.length <= LIMITS.buttonValue
    ? encoded
    : JSON.stringify({ ...value, q: value.q.slice(0, MAX_QUESTION_LENGTH / 4) });
}

/** Null for anything that is not a value Tally made (old buttons, or a forged payload). */
export function decodeButtonValue(raw: unknown): ButtonValue | null {
  if (typeof raw !== "string") return null;
  try {
    const parsed = ButtonValueSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
