import { loadIndex } from "../claims/load-index.ts";
import { findUnsourcedFigures } from "../flag/find-unsourced-figures.ts";
import { buildFlagVocabulary, type FlagVocabulary } from "../flag/flag-vocabulary.ts";
import { readLabelledMessages } from "../flag/labelled-messages.ts";
import { benchConfig } from "./bench-config.ts";

export interface FlagBenchResult {
  /** Messages timed, over every round. */
  messages: number;
  /** CPU time of every round. */
  milliseconds: number;
  /** The median round's rate. */
  messagesPerSecond: number;
  /** Each round's rate, in order: how far the machine moved them. */
  roundsPerSecond: number[];
}

/**
 * Throughput of the unsourced-figure detector (markup stripping, figures, attribution) on one core, over
 * the labelled set repeated, with the vocabulary of the index it runs on. It sees every channel message, so
 * it must stay far above Slack's event rate.
 *
 * Measured in CPU time, after a warm-up long enough for the JIT to have optimised the detector whatever the
 * set's size, in several rounds of `repeat` passes over the messages, reporting the median round.
 */
export function benchFlagDetector(options: {
  vocabulary: FlagVocabulary;
  setPath?: string;
  /** The messages to run, instead of the labelled set at `setPath`. */
  texts?: readonly string[];
  /** Passes over the messages in each round. */
  repeat?: number;
  rounds?: number;
  warmUpMessages?: number;
  clock?: () => number;
}): FlagBenchResult {
  const { vocabulary } = options;
  const texts =
    options.texts ?? readLabelledMessages(options.setPath ?? "test/flag/messages.yml").map((m) => m.text);
  const repeat = options.repeat ?? 100;
  const rounds = Math.max(1, options.rounds ?? benchConfig.flagBench.rounds);
  // CPU time of this process, in ms: "per second on one core" even when other work shares the machine.
  const clock =
    options.clock ??
    (() => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    });
  // `found` keeps the work observable so no engine can skip it.
  let found = 0;
  const warmUp = options.warmUpMessages ?? benchConfig.flagBench.warmUpMessages;
  for (let run = 0; texts.length > 0 && run < warmUp; )
    for (const t of texts) {
      found += findUnsourcedFigures(t, vocabulary).unsourced.length;
      run++;
    }
  const perRound: { messages: number; milliseconds: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = clock();
    for (let r = 0; r < repeat; r++)
      for (const t of texts) found += findUnsourcedFigures(t, vocabulary).unsourced.length;
    perRound.push({ messages: texts.length * repeat, milliseconds: Math.max(clock() - started, 1e-6) });
  }
  if (found < 0) throw new Error("unreachable");
  const rate = (r: { messages: number; milliseconds: number }) =>
    Math.round((r.messages / r.milliseconds) * 1000);
  const roundsPerSecond = perRound.map(rate);
  const sorted = [...roundsPerSecond].sort((a, b) => a - b);
  return {
    messages: perRound.reduce((sum, r) => sum + r.messages, 0),
    milliseconds: perRound.reduce((sum, r) => sum + r.milliseconds, 0),
    messagesPerSecond: sorted[Math.floor((sorted.length - 1) / 2)] ?? 0,
    roundsPerSecond,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { index } = await loadIndex({ dataDirs: [process.env.TALLY_DATA_DIR ?? "data"] });
  console.log(JSON.stringify(benchFlagDetector({ vocabulary: buildFlagVocabulary(index) })));
}
