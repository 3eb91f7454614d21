import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { z } from "zod";
import { AsOfSchema } from "../claims/schema.ts";

export const EvalQuestionSchema = z
  .object({
    q: z.string(),
    topic: z.string().nullable(),
    source: z.string().nullable().default(null),
    as_of: AsOfSchema.nullable().default(null),
    kind: z.string(),
  })
  .strict();
export type EvalQuestion = z.infer<typeof EvalQuestionSchema>;

export async function readQuestionSet(file: string): Promise<EvalQuestion[]> {
  const data = parse(await readFile(file, "utf8"));
  const parsed = z.array(EvalQuestionSchema).safeParse(data);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new Error(`${file}: entry ${i?.path.join(".")}: ${i?.message}`);
  }
  return parsed.data;
}
