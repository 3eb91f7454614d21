import { type FSWatcher, watch } from "node:fs";
import { formatProblem, type IndexProblem } from "../claims/index-problem.ts";
import { loadIndex } from "../claims/load-index.ts";
import { loadEnglishWords } from "../match/english-words.ts";
import { createCore } from "./create-core.ts";
import type { TallyCore } from "./types.ts";

export interface LiveCoreOptions {
  /** Data folders merged into one index; each is watched. */
  dataDirs: readonly string[];
  /** Where documents' text copies are, to check quotes; unchecked quotes are not problems. */
  documentsDirs?: readonly string[] | undefined;
  now: () => Date;
  /** Where problems and reloads are reported. */
  log: (level: "info" | "warn", message: string, fields?: Record<string, unknown>) => void;
}

export interface LiveCore extends TallyCore {
  /**
   * Re-reads the data folders. A new index with problems is not taken: the last good one keeps serving.
   * Unverified quotes are not problems.
   */
  reload(): Promise<{ taken: boolean; problems: IndexProblem[] }>;
  /** Reloads whenever a file under a data folder changes (debounced), until `close`. */
  watch(): void;
  close(): void;
}

/**
 * The core behind a running bot, kept current with data/ as the research desk edits it. At start the valid
 * claims serve even when some are invalid (and every problem is logged); after that, an edit that breaks a file
 * is logged and ignored, and the index from before it keeps answering.
 */
export async function loadLiveCore(
  options: LiveCoreOptions,
): Promise<{ core: LiveCore; problems: IndexProblem[] }> {
  const first = await loadIndex(options);
  // The dictionary is read once, not again on every reload.
  const englishWords = loadEnglishWords();
  let current = createCore(first.index, options.now, { englishWords });
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | null = null;

  const reload = async () => {
    try {
      const next = await loadIndex(options);
      if (next.problems.length > 0) {
        for (const p of next.problems) options.log("warn", `claims: ${formatProblem(p)}`);
        options.log("warn", "claims: edit not taken; the last good index keeps serving", {
          problems: next.problems.length,
        });
        return { taken: false, problems: next.problems };
      }
      current = createCore(next.index, options.now, { englishWords });
      options.log("info", "claims: index reloaded", { claims: next.index.claims.length });
      return { taken: true, problems: [] };
    } catch (error) {
      options.log("warn", "claims: reload failed; the last good index keeps serving", {
        error: String(error),
      });
      return { taken: false, problems: [] };
    }
  };

  const core: LiveCore = {
    ask: (q) => current.ask(q),
    answerTopic: (id, options) => current.answerTopic(id, options),
    topics: () => current.topics(),
    index: () => current.index(),
    reload,
    watch() {
      if (watchers.length > 0) return;
      const onChange = () => {
        if (timer) clearTimeout(timer);
        // Editors save in bursts; read once they have settled.
        timer = setTimeout(() => void reload(), 300);
      };
      for (const dir of options.dataDirs) {
        try {
          watchers.push(watch(dir, { recursive: true }, onChange));
        } catch (error) {
          // A missing folder is already a load problem; the other folders are still followed.
          options.log("warn", "claims: cannot watch a data folder", { dir, error: String(error) });
        }
      }
    },
    close() {
      for (const w of watchers) w.close();
      watchers = [];
      if (timer) clearTimeout(timer);
    },
  };
  return { core, problems: first.problems };
}
