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
  /**
   * Set when the topic was picked with a button ("did you mean", the earliest figure) rather than matched
   * from `q`: the answer is then captioned with the topic, not the question, wherever it goes next.
   */
  k: z.enum(["suggestion", "earliest"]).optional(),
  /** For the earliest figure: the date its answer is as of. */
  d: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/)
    .optional(),
});
export type ButtonValue = z.infer<typeof ButtonValueSchema>;

/** An answer to a topic picked with a button, not the question's own match. */
export interface PickedTopic {
  kind: "suggestion" | "earliest";
  /** For the earliest figure: the date the answer is as of. */
  asOf?: string;
}

/** What a button on a picked answer carries so that the next press keeps it picked. */
export function pickedFields(picked: PickedTopic | undefined): Pick<ButtonValue, "k" | "d"> {
  if (!picked) return {};
  return { k: picked.kind, ...(picked.asOf ? { d: picked.asOf } : {}) };
}

export function pickedFrom(value: ButtonValue): PickedTopic | undefined {
  if (!value.k) return undefined;
  return { kind: value.k, ...(value.d ? { asOf: value.d } : {}) };
}

/** `{ picked }` for an answer view when the value says the topic was picked; nothing otherwise. */
export function pickedView(value: ButtonValue): { picked?: PickedTopic } {
  const picked = pickedFrom(value);
  return picked ? { picked } : {};
}

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
