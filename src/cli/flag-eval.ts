import { parseArgs } from "node:util";
import { z } from "zod";
import { evaluateFlagging } from "../flag/evaluate-flagging.ts";
import { readLabelledMessages } from "../flag/labelled-messages.ts";
import { loadFlagVocabulary, shippedFigureWords } from "../flag/load-flag-vocabulary.ts";

/**
 * Prints the unsourced-figure detector's precision and recall over a labelled set as JSON, run with the
 * vocabulary of the data folders given (their sources and topics, plus the shipped figure words).
 * Usage: tsx src/cli/flag-eval.ts [--set test/flag/messages.yml] [--data DIR ...] [--details]
 */
const ArgsSchema = z.object({
  set: z.string().min(1).default("test/flag/messages.yml"),
  data: z
    .array(z.string().min(1))
    .min(1)
    .default([process.env.TALLY_DATA_DIR ?? "data"]),
  details: z.boolean().default(false),
});

export async function runFlagEval(argv: string[]): Promise<{ output: string; ok: boolean }> {
  const { values } = parseArgs({
    args: argv,
    options: {
      set: { type: "string" },
      data: { type: "string", multiple: true },
      details: { type: "boolean" },
    },
    strict: true,
  });
  const args = ArgsSchema.parse(values);
  const set = readLabelledMessages(args.set);
  const vocabulary = await loadFlagVocabulary(args.data, [shippedFigureWords]);
  const result = evaluateFlagging(set, vocabulary);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const summary = {
    set: args.set,
    data: args.data,
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
    console.log((await runFlagEval(process.argv.slice(2))).output);
  } catch (error) {
    console.error(`flag-eval: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
