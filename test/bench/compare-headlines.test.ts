import { describe, expect, it } from "vitest";
import { compareHeadlines, marksOf, type QuestionMarks } from "../../src/bench/compare-headlines.ts";

const marks = (m: Partial<QuestionMarks>): QuestionMarks => ({
  answerable: "1111",
  ambiguous: "0000",
  realFirst: "0000",
  generatedFirst: "0000",
  abstained: "0000",
  ...m,
});

describe("compareHeadlines", () => {
  it("compares two sizes on the same answerable questions", () => {
    const small = marks({ answerable: "1110", realFirst: "1110" });
    const large = marks({ answerable: "1110", realFirst: "1100", generatedFirst: "1010" });
    expect(compareHeadlines(small, large)).toEqual({
      questions: 3,
      smaller: 1,
      largerRealFirst: 0.667,
      largerGeneratedFirst: 0.667,
      leftOutAsAmbiguous: 0,
      ambiguousRightOrAbstained: 1,
    });
  });

  it("leaves out what the larger index makes ambiguous, and says how those went", () => {
    const small = marks({ realFirst: "1111" });
    const large = marks({ ambiguous: "0111", realFirst: "1100", abstained: "0010" });
    const c = compareHeadlines(small, large);
    expect(c.questions).toBe(1);
    expect(c.largerRealFirst).toBe(1);
    expect(c.leftOutAsAmbiguous).toBe(3);
    // Right on one, abstained on one, a wrong topic on the last.
    expect(c.ambiguousRightOrAbstained).toBe(0.667);
  });

  it("writes one character per question", () => {
    expect(marksOf([true, false, true])).toBe("101");
  });
});
