import { describe, expect, it } from "vitest";
import { benchFlagDetector } from "../../src/bench/flag-bench.ts";
import { harbourVocabulary } from "../flag/support/flag-fixtures.ts";

const texts = ["dockers say 1,200 walked out", "lunch at 1?"];

/** A clock that reads the given times, one per call, in ms. */
function clockOf(times: number[]): () => number {
  let i = 0;
  return () => times[i++] ?? Number.NaN;
}

describe("benchFlagDetector", () => {
  it("times each round on its own and reports the median round, not one noisy pass", () => {
    // Rounds of 2 messages taking 10, 50 and 20 ms: 200, 40 and 100 messages a second.
    const result = benchFlagDetector({
      vocabulary: harbourVocabulary,
      texts,
      repeat: 1,
      rounds: 3,
      warmUpMessages: 4,
      clock: clockOf([0, 10, 100, 150, 200, 220]),
    });
    expect(result.roundsPerSecond).toEqual([200, 40, 100]);
    expect(result.messagesPerSecond).toBe(100);
    expect(result).toMatchObject({ messages: 6, milliseconds: 80 });
  });

  it("takes an empty set without warming up forever", () => {
    let calls = 0;
    benchFlagDetector({
      vocabulary: harbourVocabulary,
      texts: [],
      rounds: 1,
      clock: () => calls++,
    });
    // One round: the clock read at its start and its end, nothing divided by zero.
    expect(calls).toBe(2);
  });
});
