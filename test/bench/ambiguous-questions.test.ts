import { describe, expect, it } from "vitest";
import { ambiguousQuestions } from "../../src/bench/ambiguous-questions.ts";
import type { GrownCopy } from "../../src/bench/generate/grow-story.ts";
import type { EvalQuestion } from "../../src/eval/question-set.ts";

const question = (q: string, topic: string | null): EvalQuestion => ({
  q,
  topic,
  source: null,
  as_of: null,
  kind: "plain",
});
const copy = (over: Partial<GrownCopy>): GrownCopy => ({
  topic: "deaths-in-ostmark",
  of: "deaths-marovia",
  placesReplaced: ["marovia"],
  sameQuantity: true,
  latest: "2026-10-01",
  ...over,
});
const realLatest = new Map([["deaths-marovia", "2026-10-20"]]);
const judge = (qs: EvalQuestion[], copies: GrownCopy[]) => ambiguousQuestions(qs, copies, realLatest, 1);

describe("ambiguousQuestions", () => {
  it("marks a question that cannot tell its topic from a current copy in another place", () => {
    expect(judge([question("how many died in the floods", "deaths-marovia")], [copy({})])).toEqual([true]);
  });

  it("leaves a question that names the place, in any form, to its topic", () => {
    const qs = [
      question("how many died in marovia", "deaths-marovia"),
      question("marovian flood deaths", "deaths-marovia"),
    ];
    expect(judge(qs, [copy({})])).toEqual([false, false]);
  });

  it("leaves a question whose copies are years old, count another quantity or have no figures", () => {
    const q = [question("how many died in the floods", "deaths-marovia")];
    expect(judge(q, [copy({ latest: "2019-05-01" })])).toEqual([false]);
    expect(judge(q, [copy({ sameQuantity: false })])).toEqual([false]);
    expect(judge(q, [copy({ latest: null })])).toEqual([false]);
    expect(judge(q, [copy({ placesReplaced: [] })])).toEqual([false]);
  });

  it("never marks an unanswerable question, nor one about another topic", () => {
    expect(judge([question("how many died", null)], [copy({})])).toEqual([false]);
    expect(judge([question("how many died", "rain-marovia")], [copy({})])).toEqual([false]);
  });
});
