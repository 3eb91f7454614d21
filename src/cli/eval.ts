import { createCore } from "../answer/create-core.ts";
import { loadIndex } from "../claims/load-index.ts";
import { evaluateQuestions } from "../eval/evaluate-questions.ts";
import { readQuestionSet } from "../eval/question-set.ts";
import { runFlagEval } from "./flag-eval.ts";

/** `npm run eval`: the matcher's accuracy, abstention and completeness on test/eval/questions.yml, as JSON. */
const { index } = await loadIndex({ dataDirs: [process.env.TALLY_DATA_DIR ?? "data"] });
// A fixed clock: ages do not change what is matched, and the report should not depend on the day it runs.
const core = createCore(index, () => new Date("2026-11-22T12:00:00Z"));
const setArg = process.argv.indexOf("--set");
const setFile = setArg >= 0 ? (process.argv[setArg + 1] ?? "") : "test/eval/questions.yml";
const report = evaluateQuestions(core, index, await readQuestionSet(setFile));
const out: Record<string, unknown> = {
  questions: {
    total: report.total,
    answerable: report.answerable,
    unanswerable: report.unanswerable,
    headlineAccuracy: report.headlineAccuracy,
    abstentionAccuracy: report.abstentionAccuracy,
    namedAccuracy: report.namedAccuracy,
    completeness: report.completeness,
    failures: report.failures.map((f) => ({
      q: f.question.q,
      expected: f.question.topic,
      got: f.got,
      confidence: f.confidence,
      ...(f.why ? { why: f.why } : {}),
      ...(f.missingDisagreements.length ? { missingDisagreements: f.missingDisagreements } : {}),
    })),
  },
};
// How the abstention threshold trades right headlines against right abstentions, to choose it from data.
const questions = await readQuestionSet(setFile);
(out.questions as Record<string, unknown>).thresholdSweep = [
  0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7,
].map((t) => {
  const r = evaluateQuestions(
    createCore(index, () => new Date("2026-11-22T12:00:00Z"), { abstainBelow: t }),
    index,
    questions,
  );
  return { abstainBelow: t, headlineAccuracy: r.headlineAccuracy, abstentionAccuracy: r.abstentionAccuracy };
});
// Issue 5's detector: precision and recall on its labelled messages.
out.flagging = JSON.parse(runFlagEval([]).output);
console.log(JSON.stringify(out, null, 2));
