/**
 * `npm run bench`: Tally's speed and accuracy on claims indexes grown from the real stories to 1,000, 10,000
 * and 100,000 claims, beside fuse.js, minisearch and flexsearch on the same data; the flag detector over a
 * newsroom's message mix; slash-command acknowledgements; the stores. One JSON document on stdout, a short
 * table on stderr. Not asserted in CI (a test runs `--small` and checks the shape); figures vary by machine.
 *
 *   npm run -s bench -- [--small] [--sizes 1000,10000] [--seed N] [--ack | --no-ack] [--store-ops N]
 *                       [--pg-server URL] [--models DIR,DIR…] [--questions FILE,FILE…] [--messages FILE,FILE…]
 */
import path from "node:path";
import { z } from "zod";
import { benchConfig } from "../bench/bench-config.ts";
import { benchTable } from "../bench/bench-table.ts";
import { runBench } from "../bench/run-bench.ts";
import { STORE_BENCH } from "../bench/store-bench.ts";
import { findEvalStories, seedQuestionSets } from "../eval/eval-stories.ts";
import { readFlags } from "./read-flags.ts";

const stories = [...findEvalStories(), ...findEvalStories("test/eval/heldout")];
const list = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().min(1)).min(1));
const Flags = z.object({
  small: z.boolean().default(false),
  sizes: z
    .string()
    .transform((s) => s.split(",").map((x) => Number(x.trim().replace(/_/g, ""))))
    .pipe(z.array(z.number().int().min(1).max(1_000_000)).min(1))
    .optional(),
  seed: z.coerce.number().int().default(benchConfig.seed),
  ack: z.boolean().optional(),
  "no-ack": z.boolean().default(false),
  "store-ops": z.coerce.number().int().min(0).optional(),
  "pg-server": z.string().min(1).optional(),
  models: list.optional(),
  questions: list.optional(),
  messages: list.optional(),
});

const flags = readFlags(
  "bench",
  {
    small: { type: "boolean" },
    sizes: { type: "string" },
    seed: { type: "string" },
    ack: { type: "boolean" },
    "no-ack": { type: "boolean" },
    "store-ops": { type: "string" },
    "pg-server": { type: "string" },
    models: { type: "string" },
    questions: { type: "string" },
    messages: { type: "string" },
  },
  Flags,
);

const mode = flags.small ? benchConfig.small : benchConfig.full;
const envOps = z.coerce
  .number()
  .int()
  .min(0)
  .optional()
  .safeParse(process.env.TALLY_BENCH_STORE_OPS?.trim() || undefined);
const report = await runBench({
  small: flags.small,
  sizes: flags.sizes ?? mode.sizes,
  seed: flags.seed,
  // The seed story (data/, or TALLY_DATA_DIR) and every evaluation story: the index is grown from them.
  modelDirs: flags.models ?? [process.env.TALLY_DATA_DIR ?? "data", ...stories.map((s) => s.dataDir)],
  questionFiles: flags.questions ?? [seedQuestionSets[0], ...stories.map((s) => s.questions)],
  messageFiles: flags.messages ?? [
    path.join("test", "flag", "messages.yml"),
    ...stories.map((s) => s.messages),
  ],
  ack: flags["no-ack"] ? false : (flags.ack ?? mode.ack),
  storeOperations: flags["store-ops"] ?? (envOps.success ? envOps.data : undefined) ?? mode.storeOperations,
  pgServer: flags["pg-server"] ?? (process.env.TALLY_BENCH_PG_SERVER?.trim() || STORE_BENCH.pgServer),
  progress: (line) => process.stderr.write(`${line}\n`),
});
process.stderr.write(benchTable(report));
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
