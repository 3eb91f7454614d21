import { loadIndex } from "../claims/load-index.ts";
import { findUnsourcedFigures } from "../flag/find-unsourced-figures.ts";
import { buildFlagVocabulary, type FlagVocabulary } from "../flag/flag-vocabulary.ts";
import { readLabelledMessages } from "../flag/labelled-messages.ts";

export interface FlagBenchResult {
  messages: number;
  milliseconds: number;
  messagesPerSecond: number;
}

/**
 * Throughput of the unsourced-figure detector (markup stripping, figures, attribution) on one core, over
 * the labelled set repeated, with the vocabulary of the index it runs on. It sees every channel message, so
 * it must stay far above Slack's event rate.
 */
export function benchFlagDetector(options: {
  vocabulary: FlagVocabulary;
  setPath?: string;
  /** The messages to run, instead of the labelled set at `setPath`. */
  texts?: readonly string[];
  repeat?: number;
  clock?: () => number;
}): FlagBenchResult {
  const { vocabulary } = options;
  const texts =
    options.texts ?? readLabelledMessages(options.setPath ?? "test/flag/messages.yml").map((m) => m.text);
  const repeat = options.repeat ?? 100;
  // CPU time of this process, in ms: "per second on one core" even when other work shares the machine.
  const clock =
    options.clock ??
    (() => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    });
  // Warm up the JIT so the measurement is the steady state.
  for (const t of texts) findUnsourcedFigures(t, vocabulary);
  let found = 0;
  const started = clock();
  for (let r = 0; r < repeat; r++)
    for (const t of texts) found += findUnsourcedFigures(t, vocabulary).unsourced.length;
  const milliseconds = Math.max(clock() - started, 1e-6);
  const messages = texts.length * repeat;
  // `found` keeps the work observable so no engine can skip it.
  if (found < 0) throw new Error("unreachable");
  return { messages, milliseconds, messagesPerSecond: Math.round((messages / milliseconds) * 1000) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { index } = await loadIndex({ dataDirs: [process.env.TALLY_DATA_DIR ?? "data"] });
  console.log(JSON.stringify(benchFlagDetector({ vocabulary: buildFlagVocabulary(index) })));
}
