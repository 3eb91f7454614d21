import { existsSync } from "node:fs";
import { benchAnswers } from "../bench/answer-bench.ts";
import { loadIndex } from "../claims/load-index.ts";
import { readQuestionSet } from "../eval/question-set.ts";

/** `npm run bench`: speed figures as JSON. Not asserted in CI; wall-clock numbers vary by machine. */
const { index } = await loadIndex({ dataDir: process.env.TALLY_DATA_DIR ?? "data" });
const questions = (await readQuestionSet("test/eval/questions.yml")).map((q) => q.q);
const figures: Record<string, unknown> = {
  answer: {
    curated: benchAnswers(index, index.claims.length, questions),
    claims10k: benchAnswers(index, 10_000, questions),
  },
};
// The flagging detector's benchmark, when it is there (issue 5).
if (existsSync(new URL("../bench/flag-bench.ts", import.meta.url))) {
  const mod = (await import("../bench/flag-bench.ts")) as Record<string, unknown>;
  const run = Object.values(mod).find((v) => typeof v === "function") as (() => unknown) | undefined;
  if (run) figures.flagging = await run();
}
console.log(JSON.stringify(figures, null, 2));
