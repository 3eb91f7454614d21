import type { EvalQuestion } from "../eval/question-set.ts";
import { dayNumber } from "../match/currency.ts";
import type { GrownCopy } from "./generate/grow-story.ts";

/**
 * The evaluation questions a grown index leaves with two right answers, by the rule the question sets are
 * labelled by ("every expected answer is unambiguous", test/eval/README.md): a grown copy of the question's
 * topic counts the same quantity in another place, its figures are as current (within `graceYears` of the
 * real topic's newest), and the question names none of the places that tell them apart. "How many died in
 * the floods", asked of an index that holds this year's floods in two countries, is such a question: Tally
 * is right to abstain, and right to answer either. These are left out of the headline comparison between
 * sizes, and reported.
 */
export function ambiguousQuestions(
  questions: readonly EvalQuestion[],
  copies: readonly GrownCopy[],
  realLatest: ReadonlyMap<string, string>,
  graceYears: number,
): boolean[] {
  const byModel = new Map<string, GrownCopy[]>();
  for (const c of copies) {
    if (!c.sameQuantity || c.placesReplaced.length === 0 || c.latest === null) continue;
    const list = byModel.get(c.of) ?? [];
    list.push(c);
    byModel.set(c.of, list);
  }
  return questions.map((q) => {
    if (q.topic === null) return false;
    const real = realLatest.get(q.topic);
    if (real === undefined) return false;
    const words = q.q.toLowerCase().match(/\p{L}+/gu) ?? [];
    // "Ukrainian" names Ukraine: a word naming a place may add an ending to it.
    const names = (place: string) => {
      const stem = place.slice(0, Math.max(4, place.length - 2));
      return words.some((w) => w === place || (w.length >= stem.length && w.startsWith(stem)));
    };
    return (byModel.get(q.topic) ?? []).some(
      (c) =>
        c.latest !== null &&
        dayNumber(c.latest) >= dayNumber(real) - graceYears * 365.25 &&
        !c.placesReplaced.some(names),
    );
  });
}
