import { rmSync } from "node:fs";
import os from "node:os";
import { loadIndex } from "../claims/load-index.ts";
import { readQuestionSet } from "../eval/question-set.ts";
import { buildFlagVocabulary } from "../flag/flag-vocabulary.ts";
import { readLabelledMessages } from "../flag/labelled-messages.ts";
import { type AckFigures, benchAcks } from "./ack-bench.ts";
import { type AppStartResult, benchAppStart } from "./app-start-bench.ts";
import { benchConfig } from "./bench-config.ts";
import { checkTargets, type Targets } from "./bench-targets.ts";
import { compareHeadlines, type HeadlineComparison } from "./compare-headlines.ts";
import { benchFlagDetector, type FlagBenchResult } from "./flag-bench.ts";
import { type GeneratedIndex, generateIndex } from "./generate/generate-index.ts";
import { seededRandom } from "./load/seeded-random.ts";
import { messageMix } from "./message-mix.ts";
import { runSize } from "./run-size.ts";
import type { SizeFigures } from "./size-bench.ts";
import { benchStartUp, type StartUpFigures } from "./start-up-bench.ts";
import { benchStoreBackends, type StoreBenchResult } from "./store-bench.ts";

export interface BenchOptions {
  small: boolean;
  sizes: readonly number[];
  /** The real data folders the index is grown from; the first is the app's own (the slash-command run's). */
  modelDirs: readonly string[];
  questionFiles: readonly string[];
  messageFiles: readonly string[];
  ack: boolean;
  storeOperations: number;
  pgServer: string;
  seed: number;
  /** Called as each part ends, for progress on stderr. */
  progress?: (line: string) => void;
}

export interface BenchReport {
  machine: { cpus: number; cpu: string; memoryGB: number; node: string; platform: string };
  settings: { small: boolean; sizes: readonly number[]; seed: number; modelDirs: readonly string[] };
  sizes: Array<
    StartUpFigures &
      SizeFigures & { requestedClaims: number; generated: Omit<GeneratedIndex, "dir" | "modelDirs"> }
  >;
  /** Over the channel mix, and (`labelledOnly`) over the labelled sets alone, figure-heavy, as before issue 12. */
  flagging: FlagBenchResult & { mix: typeof benchConfig.messageMix; labelledOnly: FlagBenchResult };
  acks: AckFigures;
  /** The app started on the seed story alone (modelDirs[0]): what start-up costs before the index grows. */
  appStartBaseline: AppStartResult;
  stores: StoreBenchResult | { skipped: string };
  /**
   * The smallest and the largest size's right headlines on the same questions: those the largest index leaves
   * with one right answer (compare-headlines.ts); null with a single size.
   */
  headlines: (HeadlineComparison & { smallerClaims: number; largerClaims: number }) | null;
  targets: Targets;
}

function headlinesOf(sizes: BenchReport["sizes"]): BenchReport["headlines"] {
  const bySize = [...sizes].sort((a, b) => a.requestedClaims - b.requestedClaims);
  const smaller = bySize[0];
  const larger = bySize.at(-1);
  if (!smaller || !larger || smaller === larger) return null;
  return {
    smallerClaims: smaller.requestedClaims,
    largerClaims: larger.requestedClaims,
    ...compareHeadlines(smaller.questionMarks, larger.questionMarks),
  };
}

/** Every part of `npm run bench`, one size at a time, each size in a process of its own. */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const mode = options.small ? benchConfig.small : benchConfig.full;
  const progress = options.progress ?? (() => {});
  const sizes: BenchReport["sizes"] = [];
  const questions = (await Promise.all(options.questionFiles.map(readQuestionSet))).flat();
  // The command the app is timed answering: the first answerable question, a real newsroom question.
  const question = (questions.find((q) => q.topic !== null) ?? questions[0])?.q ?? "help";
  for (const claims of options.sizes) {
    const generated = await generateIndex({ modelDirs: options.modelDirs, claims, seed: options.seed });
    try {
      const figures = await runSize({
        generatedDir: generated.dir,
        realDirs: options.modelDirs,
        questionFiles: options.questionFiles,
        peerBudgetMs: mode.peerBudgetMs,
        skipSlowPeers: options.small && claims > Math.min(...options.sizes),
        flagMix: { messageFiles: options.messageFiles, count: mode.flagMessages, seed: options.seed },
      });
      progress(`bench: ${claims} claims: load ${figures.loadMs} ms, p99 ${figures.answer.p99Ms} ms`);
      const startUp: StartUpFigures =
        mode.startUpAtEverySize || claims === Math.min(...options.sizes)
          ? await benchStartUp([...options.modelDirs, generated.dir], question)
          : {
              appStart: { skipped: "small runs start the app at the smallest size only" },
              reload: { skipped: "small runs reload at the smallest size only" },
            };
      const { dir: _dir, modelDirs: _models, ...about } = generated;
      sizes.push({ requestedClaims: claims, ...figures, ...startUp, generated: about });
      const a = startUp.appStart;
      const r = startUp.reload;
      progress(
        `bench: ${claims} claims: start to answering ${"coldMs" in a ? `${a.coldMs} ms cold, ${a.warmMs} ms warm, rss ${a.rssMB} MB` : a.skipped}; reload ${"ms" in r ? `${r.ms} ms, loop stalled ${r.maxEventLoopDelayMs} ms` : r.skipped}`,
      );
    } finally {
      rmSync(generated.dir, { recursive: true, force: true });
    }
  }

  const { index } = await loadIndex({ dataDirs: options.modelDirs });
  const labelled = options.messageFiles.flatMap((f) => readLabelledMessages(f));
  const texts = messageMix(labelled, mode.flagMessages, seededRandom(options.seed));
  const vocabulary = buildFlagVocabulary(index);
  const flagging = {
    ...benchFlagDetector({ vocabulary, texts, repeat: 1 }),
    mix: benchConfig.messageMix,
    labelledOnly: benchFlagDetector({
      vocabulary,
      texts: labelled.map((m) => m.text),
      repeat: Math.max(1, Math.round(mode.flagMessages / Math.max(1, labelled.length))),
    }),
  };
  progress(`bench: flag detector ${flagging.messagesPerSecond} messages/s with the real stories' vocabulary`);
  // The target is the detector as the bot would run it on the largest index: its vocabulary holds every
  // source's names, and thousands of them make the detector slower than the real stories' few dozen.
  const largest = sizes.reduce<(typeof sizes)[number] | undefined>(
    (best, s) => (best === undefined || s.requestedClaims > best.requestedClaims ? s : best),
    undefined,
  );
  const acks: AckFigures = options.ack
    ? await benchAcks(options.modelDirs[0] ?? "data")
    : { skipped: "not asked for (--ack)" };
  const appStartBaseline: AppStartResult = mode.startUpAtEverySize
    ? await benchAppStart({ dataDir: options.modelDirs[0] ?? "data", question })
    : { skipped: "small runs start the app on the grown index only" };
  const stores =
    options.storeOperations > 0
      ? await benchStoreBackends({ operations: options.storeOperations, pgServer: options.pgServer })
      : { skipped: "not asked for (--store-ops 0)" };
  const cpus = os.cpus();
  return {
    machine: {
      cpus: cpus.length,
      cpu: cpus[0]?.model ?? "unknown",
      memoryGB: Math.round(os.totalmem() / 1024 ** 3),
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
    },
    settings: {
      small: options.small,
      sizes: options.sizes,
      seed: options.seed,
      modelDirs: options.modelDirs,
    },
    sizes,
    flagging,
    acks,
    appStartBaseline,
    stores,
    headlines: headlinesOf(sizes),
    targets: checkTargets(
      new Map(sizes.map((s) => [s.requestedClaims, s])),
      (largest?.flagging ?? flagging).messagesPerSecond,
    ),
  };
}
