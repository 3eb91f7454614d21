import { benchConfig } from "./bench-config.ts";
import type { SizeFigures } from "./size-bench.ts";

/** Each target of issue 12: true or false where measured, null where this run did not measure it. */
export interface Targets {
  answerP99Under5msAt100k: boolean | null;
  answerP99Under1msAt10k: boolean | null;
  loadAndBuildUnder3sAt100k: boolean | null;
  rssUnder300MBAt100k: boolean | null;
  /** In both load orders, the 100,000-claim headline is within a point of the 1,000-claim one (real first). */
  headlineAt100kWithin1PointOf1k: boolean | null;
  flagOver50kPerSecond: boolean | null;
}

export function checkTargets(sizes: ReadonlyMap<number, SizeFigures>, flagPerSecond: number | null): Targets {
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
    rssUnder300MBAt100k: when(at100k, (s) => s.rssMB < t.rssMBAt100k),
    headlineAt100kWithin1PointOf1k:
      at100k === undefined || at1k === undefined
        ? null
        : Object.values(at100k.accuracy).every(
            (a) => a.rightHeadline >= at1k.accuracy.realFirst.rightHeadline - t.headlinePointsWithin,
          ),
    flagOver50kPerSecond: flagPerSecond === null ? null : flagPerSecond > t.flagMessagesPerSecond,
  };
}
