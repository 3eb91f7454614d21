import { benchAnswers } from "../bench/answer-bench.ts";
import { benchFlagDetector } from "../bench/flag-bench.ts";
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
console.log(JSON.stringify(figures, null, 2));
