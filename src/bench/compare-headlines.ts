/**
 * Each evaluation question's outcome at one size, one character per question in question order ("1" yes,
 * "0" no), so the sizes, run in processes of their own, can be compared question by question.
 */
export interface QuestionMarks {
  /** The question has a topic that answers it. */
  answerable: string;
  /** The grown index leaves it with two right answers (see ambiguous-questions.ts). */
  ambiguous: string;
  /** Right headline with real topics loaded first, and with the grown ones first. */
  realFirst: string;
  generatedFirst: string;
  /** Tally abstained (real topics first). */
  abstained: string;
}

export interface HeadlineComparison {
  /** Answerable questions the larger index leaves unambiguous: the ones compared. */
  questions: number;
  smaller: number;
  largerRealFirst: number;
  largerGeneratedFirst: number;
  /** Answerable questions left out of the comparison because the larger index holds two right answers. */
  leftOutAsAmbiguous: number;
  /** Of those, the share Tally answered right or abstained on (not a wrong topic), at the larger size. */
  ambiguousRightOrAbstained: number;
}

export const marksOf = (flags: readonly boolean[]): string => flags.map((f) => (f ? "1" : "0")).join("");

const share = (n: number, d: number): number => (d === 0 ? 1 : Math.round((n / d) * 1000) / 1000);

/**
 * Right headlines of two sizes on the same questions: those answerable and, in the larger index, unambiguous.
 * A question the larger index makes ambiguous (this year's floods in two countries, and it names neither) has
 * no one right headline there, so it cannot count against it; how Tally handled those is reported beside.
 */
export function compareHeadlines(smaller: QuestionMarks, larger: QuestionMarks): HeadlineComparison {
  const at = (marks: string, i: number) => marks[i] === "1";
  let questions = 0;
  let small = 0;
  let realFirst = 0;
  let generatedFirst = 0;
  let ambiguous = 0;
  let handled = 0;
  for (let i = 0; i < larger.answerable.length; i++) {
    if (!at(larger.answerable, i)) continue;
    if (at(larger.ambiguous, i)) {
      ambiguous += 1;
      if (at(larger.realFirst, i) || at(larger.abstained, i)) handled += 1;
      continue;
    }
    questions += 1;
    if (at(smaller.realFirst, i)) small += 1;
    if (at(larger.realFirst, i)) realFirst += 1;
    if (at(larger.generatedFirst, i)) generatedFirst += 1;
  }
  return {
    questions,
    smaller: share(small, questions),
    largerRealFirst: share(realFirst, questions),
    largerGeneratedFirst: share(generatedFirst, questions),
    leftOutAsAmbiguous: ambiguous,
    ambiguousRightOrAbstained: share(handled, ambiguous),
  };
}
