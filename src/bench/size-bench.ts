import { createCore } from "../answer/create-core.ts";
import type { TallyCore } from "../answer/types.ts";
import type { ClaimsIndex } from "../claims/claims-index.ts";
import { loadIndex } from "../claims/load-index.ts";
import { evaluateQuestions } from "../eval/evaluate-questions.ts";
import { type EvalQuestion, readQuestionSet } from "../eval/question-set.ts";
import { buildFlagVocabulary } from "../flag/flag-vocabulary.ts";
import { readLabelledMessages } from "../flag/labelled-messages.ts";
import { matchConfig } from "../match/config.ts";
import { ambiguousQuestions } from "./ambiguous-questions.ts";
import { benchConfig } from "./bench-config.ts";
import { marksOf, type QuestionMarks } from "./compare-headlines.ts";
import { benchFlagDetector, type FlagBenchResult } from "./flag-bench.ts";
import { readCopies } from "./generate/copies-file.ts";
import { type Latency, latencyOf, mb, ms } from "./latency.ts";
import { seededRandom } from "./load/seeded-random.ts";
import { messageMix } from "./message-mix.ts";
import { peers, topicRecords } from "./peers.ts";

export interface SizeOptions {
  generatedDir: string;
  realDirs: readonly string[];
  questionFiles: readonly string[];
  peerBudgetMs: number;
  /** Leave out the peers that scan every record (small runs, to stay quick). */
  skipSlowPeers: boolean;
  /** The channel messages the flag detector is timed on, with this size's vocabulary (message-mix.ts). */
  flagMix: { messageFiles: readonly string[]; count: number; seed: number };
}

/** Accuracy as the evaluation scores it (src/eval), and the share of questions whose topic came first. */
export interface Accuracy {
  rightHeadline: number;
  rightAbstention: number | null;
  rightTopicFirst: number;
}

export interface PeerFigures extends Latency {
  name: string;
  buildMs: number;
  questionsTimed: number;
  rightTopicFirst: number;
  /** Peers always return something: they have no way to abstain. */
  rightAbstention: null;
  p50Ratio: number;
  p99Ratio: number;
}

export interface SizeFigures {
  claims: number;
  topics: number;
  questions: number;
  loadMs: number;
  buildMs: number;
  heapMB: number;
  rssMB: number;
  answer: Latency;
  /** Real topics loaded first, and the grown neighbours first: ties must not follow file order. */
  accuracy: { realFirst: Accuracy; generatedFirst: Accuracy };
  /** Answerable questions the grown index leaves with two right answers (ambiguous-questions.ts). */
  questionsAmbiguous: number;
  /** Each question's outcome, so sizes can be compared question by question (compare-headlines.ts). */
  questionMarks: QuestionMarks;
  /** The flag detector with this index's vocabulary (its sources' names), as the bot would run it. */
  flagging: FlagBenchResult;
  peers: Array<PeerFigures | { name: string; skipped: string }>;
}

const clock = () => new Date(benchConfig.clock);
const ratio = (n: number, d: number): number => (d === 0 ? 0 : Math.round((n / d) * 1000) / 1000);

/** Per question, in order: whether the headline was right, and whether Tally abstained. */
interface Outcomes {
  right: boolean[];
  abstained: boolean[];
}

function accuracyOf(
  core: TallyCore,
  index: ClaimsIndex,
  questions: EvalQuestion[],
): Accuracy & { outcomes: Outcomes } {
  const report = evaluateQuestions(core, index, questions);
  const failed = new Map(report.failures.map((f) => [f.question, f]));
  const outcomes = {
    right: questions.map((q) => q.topic !== null && failed.get(q)?.ok !== false),
    abstained: questions.map((q) => (failed.get(q)?.got ?? (failed.has(q) ? null : q.topic)) === null),
  };
  const answerable = questions.filter((q) => q.topic !== null);
  const first = answerable.filter((q) => core.ask(q.q).match?.topic.id === q.topic).length;
  return {
    rightHeadline: report.headlineAccuracy,
    rightAbstention: report.unanswerable > 0 ? report.abstentionAccuracy : null,
    rightTopicFirst: ratio(first, answerable.length),
    outcomes,
  };
}

/** Questions in an order spread over every story, so that a peer stopped early has seen all of them. */
function spread<T>(items: readonly T[]): T[] {
  const stride = 7;
  const out: T[] = [];
  for (let start = 0; start < stride; start++)
    for (let i = start; i < items.length; i += stride) out.push(items[i] as T);
  return out;
}

const memory = () => {
  // Run with --expose-gc (the bench starts each size so): memory is read after a full collection.
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { heapMB: mb(m.heapUsed), rssMB: mb(m.rss) };
};

/** One index size: loaded from its files, built, asked every question, then the same for each peer. */
export async function benchSize(options: SizeOptions): Promise<SizeFigures> {
  const questions = (await Promise.all(options.questionFiles.map(readQuestionSet))).flat();
  const loadStarted = performance.now();
  const { index } = await loadIndex({ dataDirs: [...options.realDirs, options.generatedDir] });
  const loadMs = performance.now() - loadStarted;
  const buildStarted = performance.now();
  const core = createCore(index, clock);
  const buildMs = performance.now() - buildStarted;
  const after = memory();
  // The scored pass doubles as the warm-up: each question once, then timed.
  const realFirst = accuracyOf(core, index, questions);
  const times = questions.map((q) => {
    const started = performance.now();
    core.ask(q.q);
    return performance.now() - started;
  });
  const answer = latencyOf(times);
  const flagging = benchFlagDetector({
    vocabulary: buildFlagVocabulary(index),
    texts: messageMix(
      options.flagMix.messageFiles.flatMap((f) => readLabelledMessages(f)),
      options.flagMix.count,
      seededRandom(options.flagMix.seed),
    ),
    repeat: 1,
  });

  const records = topicRecords(index.topics);
  const sample = spread(questions);
  const peerFigures: SizeFigures["peers"] = [];
  for (const peer of peers) {
    if (peer.slow && options.skipSlowPeers) {
      peerFigures.push({ name: peer.name, skipped: "scans every record: left out of small runs" });
      continue;
    }
    const built = performance.now();
    const search = peer.build(records);
    const peerBuildMs = performance.now() - built;
    for (const q of sample.slice(0, benchConfig.peerWarmUp)) search(q.q);
    const peerTimes: number[] = [];
    let right = 0;
    let answerable = 0;
    const started = performance.now();
    for (const q of sample) {
      if (
        peerTimes.length >= benchConfig.minPeerQuestions &&
        performance.now() - started > options.peerBudgetMs
      )
        break;
      const t0 = performance.now();
      const got = search(q.q);
      peerTimes.push(performance.now() - t0);
      if (q.topic !== null) {
        answerable += 1;
        if (got === q.topic) right += 1;
      }
    }
    const latency = latencyOf(peerTimes);
    peerFigures.push({
      name: peer.name,
      buildMs: ms(peerBuildMs),
      questionsTimed: peerTimes.length,
      ...latency,
      rightTopicFirst: ratio(right, answerable),
      rightAbstention: null,
      p50Ratio: ratio(latency.p50Ms, answer.p50Ms),
      p99Ratio: ratio(latency.p99Ms, answer.p99Ms),
    });
  }

  const reversed = await loadIndex({ dataDirs: [options.generatedDir, ...options.realDirs] });
  const generatedFirst = accuracyOf(createCore(reversed.index, clock), reversed.index, questions);
  const newest = new Map<string, string>();
  for (const q of questions) {
    const latest = (q.topic ? (index.claimsByTopic.get(q.topic) ?? []) : [])
      .map((c) => c.as_of)
      .sort()
      .at(-1);
    if (q.topic && latest) newest.set(q.topic, latest);
  }
  const ambiguous = ambiguousQuestions(
    questions,
    readCopies(options.generatedDir),
    newest,
    matchConfig.currency.graceYears,
  );
  const { outcomes: realOutcomes, ...realFirstFigures } = realFirst;
  const { outcomes: generatedOutcomes, ...generatedFirstFigures } = generatedFirst;
  return {
    claims: index.claims.length,
    topics: index.topics.length,
    questions: questions.length,
    loadMs: ms(loadMs),
    buildMs: ms(buildMs),
    ...after,
    answer,
    accuracy: { realFirst: realFirstFigures, generatedFirst: generatedFirstFigures },
    questionsAmbiguous: ambiguous.filter(Boolean).length,
    flagging,
    questionMarks: {
      answerable: marksOf(questions.map((q) => q.topic !== null)),
      ambiguous: marksOf(ambiguous),
      realFirst: marksOf(realOutcomes.right),
      generatedFirst: marksOf(generatedOutcomes.right),
      abstained: marksOf(realOutcomes.abstained),
    },
    peers: peerFigures,
  };
}
