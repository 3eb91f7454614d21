import path from "node:path";
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/answer/create-core.ts";
import { loadIndex } from "../../src/claims/load-index.ts";
import { findEvalStories, seedQuestionSets } from "../../src/eval/eval-stories.ts";
import { evaluateQuestions, type QuestionReport } from "../../src/eval/evaluate-questions.ts";
import { readQuestionSet } from "../../src/eval/question-set.ts";
import { WAR_STORY_DIR } from "../support/war-story.ts";

/*
 * The matcher's quality gate (issue 8). Every set was written before tuning by people who never saw the
 * matcher; a failure here is a finding, never a set to edit. The seed story is asked of a frozen copy of
 * data/ (test/fixtures/war-story), so a correct edit by the desk never fails CI; each evaluation story is
 * asked of that copy plus the story alone, as a desk adding a story would run it.
 */
const bars = {
  seed: { headline: 0.95, abstention: 0.9, named: 0.8 },
  story: { headline: 0.9, abstention: 0.9, named: 0.8 },
  /*
   * The stories under test/eval/heldout/ were written after tuning began, to measure it honestly. Their first
   * runs (right headline / abstention / named): wildfires 52.8 / 86.4 / 69.0, economy 65.3 / 73.1 / 68.8,
   * migration 63.0 / 90.0 / 67.9, heatwave 83.6 / 95.2 / 92.3 (the last two after all other tuning). They guard
   * against regressions at what the matcher reached on them, below the bars the tuned stories meet.
   */
  heldout: { headline: 0.75, abstention: 0.85, named: 0.7 },
};
const clock = () => new Date("2026-11-22T12:00:00Z");

async function reportFor(dataDirs: string[], questions: string): Promise<QuestionReport> {
  const { index } = await loadIndex({ dataDirs });
  return evaluateQuestions(createCore(index, clock), index, await readQuestionSet(questions));
}

function meets(report: QuestionReport, bar: { headline: number; abstention: number; named: number }) {
  expect(report.headlineAccuracy).toBeGreaterThanOrEqual(bar.headline);
  expect(report.abstentionAccuracy).toBeGreaterThanOrEqual(bar.abstention);
  expect(report.namedAccuracy).toBeGreaterThanOrEqual(bar.named);
  // Every disagreeing source is listed whenever the right topic is found.
  expect(report.failures.filter((f) => f.missingDisagreements.length > 0).map((f) => f.question.q)).toEqual(
    [],
  );
}

const stories = findEvalStories();
const heldout = findEvalStories("test/eval/heldout");

describe("the evaluation stories", () => {
  it("are at least three, each of at least 50 questions, about a quarter of them near misses", async () => {
    expect(stories.length).toBeGreaterThanOrEqual(3);
    for (const s of [...stories, ...heldout]) {
      const qs = await readQuestionSet(s.questions);
      expect(qs.length, s.name).toBeGreaterThanOrEqual(50);
      expect(qs.filter((q) => q.kind === "near-miss").length, s.name).toBeGreaterThanOrEqual(12);
    }
  });
});

describe.each(seedQuestionSets.map((f) => [path.basename(f), f] as const))(
  "the matcher on the seed story's %s",
  (_name, file) => {
    it("gets 95% of headlines, 90% of abstentions and 80% of named questions right", async () => {
      meets(await reportFor([WAR_STORY_DIR], file), bars.seed);
    });
  },
);

describe.each(stories.map((s) => [s.name, s] as const))("the matcher on the %s story", (_name, story) => {
  it("gets 90% of headlines, 90% of abstentions and 80% of named questions right", async () => {
    meets(await reportFor([WAR_STORY_DIR, story.dataDir], story.questions), bars.story);
  });
});

describe.each(heldout.map((s) => [s.name, s] as const))(
  "the matcher on the later %s story",
  (_name, story) => {
    it("holds what it reached", async () => {
      meets(await reportFor([WAR_STORY_DIR, story.dataDir], story.questions), bars.heldout);
    });
  },
);
