import { createCore } from "../answer/create-core.ts";
import { loadIndex } from "../claims/load-index.ts";
import { findEvalStories, seedQuestionSets } from "../eval/eval-stories.ts";
import { evaluateQuestions, type QuestionReport } from "../eval/evaluate-questions.ts";
import { readQuestionSet } from "../eval/question-set.ts";
import { runFlagEval } from "./flag-eval.ts";

/**
 * `npm run eval`: the matcher's accuracy, abstention and completeness, as JSON, on every question set of the
 * seed story (asked of data/) and on each evaluation story under test/eval/stories/ and test/eval/heldout/
 * (asked of data/ plus that story). `-- --set FILE` evaluates one question file on data/, with a threshold sweep.
 */
const stories = findEvalStories();
const later = findEvalStories("test/eval/heldout");
const dataDir = process.env.TALLY_DATA_DIR ?? "data";
// A fixed clock: ages do not change what is matched, and the report should not depend on the day it runs.
const clock = () => new Date("2026-11-22T12:00:00Z");
/** The seed story alone, or beside one story: the index a desk adding that story would have. */
async function coreFor(extra: string[]) {
  const { index } = await loadIndex({ dataDirs: [dataDir, ...extra] });
  return { index, core: createCore(index, clock) };
}
const { index, core } = await coreFor([]);
const summary = (r: QuestionReport, withFailures: boolean) => ({
  total: r.total,
  answerable: r.answerable,
  unanswerable: r.unanswerable,
  headlineAccuracy: r.headlineAccuracy,
  abstentionAccuracy: r.abstentionAccuracy,
  namedAccuracy: r.namedAccuracy,
  completeness: r.completeness,
  ...(withFailures
    ? {
        failures: r.failures.map((f) => ({
          q: f.question.q,
          expected: f.question.topic,
          got: f.got,
          confidence: f.confidence,
          ...(f.why ? { why: f.why } : {}),
          ...(f.missingDisagreements.length ? { missingDisagreements: f.missingDisagreements } : {}),
        })),
      }
    : {}),
});
const setArg = process.argv.indexOf("--set");
const out: Record<string, unknown> = {};
if (setArg >= 0) {
  const setFile = process.argv[setArg + 1] ?? "";
  const questions = await readQuestionSet(setFile);
  out.questions = summary(evaluateQuestions(core, index, questions), true);
  // How the abstention threshold trades right headlines against right abstentions, to choose it from data.
  out.thresholdSweep = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7].map((t) => {
    const r = evaluateQuestions(createCore(index, clock, { abstainBelow: t }), index, questions);
    return {
      abstainBelow: t,
      headlineAccuracy: r.headlineAccuracy,
      abstentionAccuracy: r.abstentionAccuracy,
    };
  });
} else {
  const seed: Record<string, unknown> = {};
  for (const file of seedQuestionSets)
    seed[file] = summary(evaluateQuestions(core, index, await readQuestionSet(file)), false);
  out.seedStory = seed;
  for (const [key, list] of [
    ["stories", stories],
    ["laterStories", later],
  ] as const) {
    const byStory: Record<string, unknown> = {};
    for (const s of list) {
      const beside = await coreFor([s.dataDir]);
      byStory[s.name] = summary(
        evaluateQuestions(beside.core, beside.index, await readQuestionSet(s.questions)),
        true,
      );
    }
    out[key] = byStory;
  }
}
out.flagging = JSON.parse((await runFlagEval([])).output);
console.log(JSON.stringify(out, null, 2));
