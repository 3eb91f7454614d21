import { z } from "zod";
import { benchAnswers } from "../bench/answer-bench.ts";
import { benchFlagDetector } from "../bench/flag-bench.ts";
import { benchStoreBackends, STORE_BENCH } from "../bench/store-bench.ts";
import { loadIndex } from "../claims/load-index.ts";
import { readQuestionSet } from "../eval/question-set.ts";
import { buildFlagVocabulary } from "../flag/flag-vocabulary.ts";

/** `npm run bench`: speed figures as JSON. Not asserted in CI; wall-clock numbers vary by machine. */
const { index } = await loadIndex({ dataDirs: [process.env.TALLY_DATA_DIR ?? "data"] });
const questions = (await readQuestionSet("test/eval/questions.yml")).map((q) => q.q);
const figures: Record<string, unknown> = {
  answer: {
    curated: benchAnswers(index, index.claims.length, questions),
    claims10k: benchAnswers(index, 10_000, questions),
  },
};
// The unsourced-figure detector sees every channel message (issue 5 asks for 20,000 a second on one core).
figures.flagging = benchFlagDetector({ vocabulary: buildFlagVocabulary(index) });
// Store operations a second on SQLite and, where a server answers, PostgreSQL. TALLY_BENCH_STORE_OPS sizes it
// (a small number for a quick check); TALLY_BENCH_PG_SERVER names another server.
const storeOps = z.coerce
  .number()
  .int()
  .positive()
  .default(STORE_BENCH.defaultOperations)
  .safeParse(process.env.TALLY_BENCH_STORE_OPS?.trim() || undefined);
if (!storeOps.success) {
  console.error("bench: TALLY_BENCH_STORE_OPS must be a whole number of operations above 0");
  process.exit(2);
}
figures.stores = await benchStoreBackends({
  operations: storeOps.data,
  pgServer: process.env.TALLY_BENCH_PG_SERVER?.trim() || STORE_BENCH.pgServer,
});
console.log(JSON.stringify(figures, null, 2));
