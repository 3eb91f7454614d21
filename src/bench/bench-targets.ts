import { benchConfig } from "./bench-config.ts";
import { compareHeadlines, type HeadlineComparison } from "./compare-headlines.ts";
import type { SizeFigures } from "./size-bench.ts";
import type { StartUpFigures } from "./start-up-bench.ts";

/** Each target of issue 12: true or false where measured, null where this run did not measure it. */
export interface Targets {
  answerP99Under5msAt100k: boolean | null;
  answerP99Under1msAt10k: boolean | null;
  /** Index load and build in process: the part of start-up the index costs. */
  loadAndBuildUnder3sAt100k: boolean | null;
  /**
   * `npm start` to the first answer, from the warm start (a restart: what a deploy or a crash costs). The cold
   * start, the first ever on a state folder, is reported beside it.
   */
  startToAnsweringUnder3sAt100k: boolean | null;
  /** The app process's own resident set after it answers (the bench's in-process figure is reported too). */
  rssUnder300MBAt100k: boolean | null;
  reloadUnder1sAt100k: boolean | null;
  /** While one edited file reloads, the event loop never stalls past the bench-config bound. */
  reloadDoesNotBlockAnswersAt100k: boolean | null;
  /**
   * In both load orders, the 100,000-claim headline is within a point of the 1,000-claim one (real first), on
   * the same questions: those the 100,000-claim index leaves with one right answer (compare-headlines.ts).
   */
  headlineAt100kWithin1PointOf1k: boolean | null;
  /** The same over every answerable question, ambiguous ones included (reported, not the target). */
  headlineAllQuestionsAt100kWithin1PointOf1k: boolean | null;
  flagOver50kPerSecond: boolean | null;
}

const withinOnSameQuestions = (c: HeadlineComparison): boolean =>
  Math.min(c.largerRealFirst, c.largerGeneratedFirst) >= c.smaller - benchConfig.targets.headlinePointsWithin;

export function checkTargets(
  sizes: ReadonlyMap<number, SizeFigures & StartUpFigures>,
  flagPerSecond: number | null,
): Targets {
  const t = benchConfig.targets;
  const at100k = sizes.get(100_000);
  const at10k = sizes.get(10_000);
  const at1k = sizes.get(1_000);
  const when = <T>(size: T | undefined, test: (s: T) => boolean): boolean | null =>
    size === undefined ? null : test(size);
  return {
    answerP99Under5msAt100k: when(at100k, (s) => s.answer.p99Ms < t.answerP99MsAt100k),
    answerP99Under1msAt10k: when(at10k, (s) => s.answer.p99Ms < t.answerP99MsAt10k),
    loadAndBuildUnder3sAt100k: when(at100k, (s) => s.loadMs + s.buildMs < t.loadAndBuildMsAt100k),
    // A start or reload that did not run at 100,000 claims (the app failed) misses its target.
    startToAnsweringUnder3sAt100k: when(
      at100k,
      (s) => "warmMs" in s.appStart && s.appStart.warmMs < t.startToAnsweringMsAt100k,
    ),
    rssUnder300MBAt100k: when(at100k, (s) => "rssMB" in s.appStart && s.appStart.rssMB < t.rssMBAt100k),
    reloadUnder1sAt100k: when(at100k, (s) => "ms" in s.reload && s.reload.ms < t.reloadMsAt100k),
    reloadDoesNotBlockAnswersAt100k: when(
      at100k,
      (s) => "ms" in s.reload && s.reload.maxEventLoopDelayMs < t.reloadMaxEventLoopDelayMsAt100k,
    ),
    headlineAt100kWithin1PointOf1k:
      at100k === undefined || at1k === undefined
        ? null
        : withinOnSameQuestions(compareHeadlines(at1k.questionMarks, at100k.questionMarks)),
    headlineAllQuestionsAt100kWithin1PointOf1k:
      at100k === undefined || at1k === undefined
        ? null
        : Object.values(at100k.accuracy).every(
            (a) => a.rightHeadline >= at1k.accuracy.realFirst.rightHeadline - t.headlinePointsWithin,
          ),
    flagOver50kPerSecond: flagPerSecond === null ? null : flagPerSecond > t.flagMessagesPerSecond,
  };
}
