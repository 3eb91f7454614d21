import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";

/** One labelled message of the flagging evaluation set (test/flag/messages.yml). */
export const LabelledMessageSchema = z
  .object({
    text: z.string().min(1),
    /** The unsourced figures, as written. */
    figures: z.array(z.string().min(1)),
    /** Present when the message has figures: true when all of them are attributed. */
    sourced: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict();
export type LabelledMessage = z.infer<typeof LabelledMessageSchema>;

/** Reads and validates a labelled set; throws an Error naming the file and entry on bad input. */
export function readLabelledMessages(path: string): LabelledMessage[] {
  let data: unknown;
  try {
    data = parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`${path}: cannot read labelled messages: ${(error as Error).message}`);
  }
  const parsed = z.array(LabelledMessageSchema).safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: entry ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}
