import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { answerToJson } from "../answer/answer-json.ts";
import { loadCore } from "../answer/load-core.ts";
import { renderAnswerText } from "../answer/render-answer-text.ts";
import { formatProblem } from "../claims/index-problem.ts";
import { documentsDirFromEnv } from "../config.ts";

const FlagsSchema = z.object({
  json: z.boolean().default(false),
  batch: z.boolean().default(false),
  data: z
    .string()
    .min(1)
    .default(process.env.TALLY_DATA_DIR ?? "data"),
  now: z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), "must be a date like 2026-01-31")
    .optional(),
});

const usage = `usage: npm run ask -- [--json] "question"
       npm run --silent ask -- --json --batch < questions.txt
  --json       print one JSON object per answer
  --batch      read one question per line from stdin
  --data DIR   claims folder (default data/, or TALLY_DATA_DIR)
  --now DATE   answer as if today were DATE (ages are counted from it)`;

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        json: { type: "boolean" },
        batch: { type: "boolean" },
        data: { type: "string" },
        now: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    console.error(`ask: ${(e as Error).message}\n${usage}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(usage);
    return 0;
  }
  const flags = FlagsSchema.safeParse(parsed.values);
  if (!flags.success) {
    console.error(
      `ask: ${flags.error.issues.map((i) => `--${i.path.join(".")} ${i.message}`).join("; ")}\n${usage}`,
    );
    return 2;
  }
  const { json, batch, data } = flags.data;
  const fixedNow = flags.data.now ? new Date(flags.data.now) : null;
  const { core, problems } = await loadCore({
    dataDirs: [data],
    documentsDirs: [documentsDirFromEnv(process.env)],
    now: () => fixedNow ?? new Date(),
  });
  // Problems go to stderr so that --json output stays exactly one object per answer.
  for (const p of problems) console.error(`warning: ${formatProblem(p)}`);

  const answerOne = (q: string) => {
    const answer = core.ask(q);
    console.log(json ? JSON.stringify(answerToJson(answer)) : `${renderAnswerText(answer)}\n`);
  };
  if (batch) {
    const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) answerOne(line);
    return 0;
  }
  const question = parsed.positionals.join(" ").trim();
  if (!question) {
    console.error(`ask: give a question\n${usage}`);
    return 2;
  }
  answerOne(question);
  return 0;
}

process.exitCode = await main();
