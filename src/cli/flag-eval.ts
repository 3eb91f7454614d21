import { parseArgs } from "node:util";
import { z } from "zod";
import { evaluateFlagging } from "../flag/evaluate-flagging.ts";
import { readLabelledMessages } from "../flag/labelled-messages.ts";

/**
 * Prints the unsourced-figure detector's precision and recall over a labelled set as JSON.
 * Usage: tsx src/cli/flag-eval.ts [--set test/flag/messages.yml] [--details]
 */
const ArgsSchema = z.object({
  set: z.string().min(1).default("test/flag/messages.yml"),
  details: z.boolean().default(false),
});

export function runFlagEval(argv: string[]): { output: string; ok: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: { set: { type: "string" }, details: { type: "boolean" } },
    strict: true,
  });
  const args = ArgsSchema.parse(values);
  const result = evaluateFlagging(readLabelledMessages(args.set));
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const summary = {
    set: args.set,
    messages: result.messages,
    messageLevel: {
      ...result.messageLevel,
      precision: round(result.messageLevel.precision),
      recall: round(result.messageLevel.recall),
    },
    figureLevel: {
      ...result.figureLevel,
      precision: round(result.figureLevel.precision),
      recall: round(result.figureLevel.recall),
    },
    ...(args.details ? { falsePositives: result.falsePositives, falseNegatives: result.falseNegatives } : {}),
  };
  return { output: JSON.stringify(summary, null, 2), ok: true };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(runFlagEval(process.argv.slice(2)).output);
  } catch (error) {
    console.error(`flag-eval: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
