import { type FSWatcher, watch } from "node:fs";
import { ClaimVerdicts } from "../claims/claim-checks.ts";
import { formatProblem, type IndexProblem } from "../claims/index-problem.ts";
import { type CuratedEntries, loadIndex } from "../claims/load-index.ts";
import type { Retired } from "../claims/schema.ts";
import { YamlParseCache } from "../claims/yaml-parse-cache.ts";
import { loadEnglishWords } from "../match/english-words.ts";
import { TextReadings } from "../match/text-terms.ts";
import { type StepRunner, slicedRunner, straightRunner } from "../schedule/time-slice.ts";
import { buildCore, createCore } from "./create-core.ts";
import type { TopicChecks } from "./topic-review.ts";
import type { TallyCore } from "./types.ts";

/** What curation adds on top of data/: approved figures, retirements and topic checks (see src/curation). */
export interface CuratedLayer {
  entries: readonly CuratedEntries[];
  retire: ReadonlyMap<string, Retired>;
  checks: TopicChecks;
}

export const emptyCuratedLayer: CuratedLayer = { entries: [], retire: new Map(), checks: new Map() };

/** Whether two layers add and retire the same figures (topic checks aside: they never need a rebuild). */
function sameFigures(a: CuratedLayer, b: CuratedLayer): boolean {
  if (a.entries === b.entries && a.retire === b.retire) return true;
  return (
    JSON.stringify(a.entries) === JSON.stringify(b.entries) &&
    JSON.stringify([...a.retire]) === JSON.stringify([...b.retire])
  );
}

export interface LiveCoreOptions {
  /** Data folders merged into one index; each is watched. */
  dataDirs: readonly string[];
  /** Where documents' text copies are, to check quotes; unchecked quotes are not problems. */
  documentsDirs?: readonly string[] | undefined;
  now: () => Date;
  /** Where problems and reloads are reported. */
  log: (level: "info" | "warn", message: string, fields?: Record<string, unknown>) => void;
  /** The curated layer at start; `setCurated` replaces it. */
  curated?: CuratedLayer;
  /** Where parsed data files are kept across restarts (see YamlParseCache); null or unset: in memory only. */
  parseCacheDir?: string | null;
  /**
   * How a rebuild runs beside the serving core: by default in slices of `sliceConfig.budgetMs` that give the
   * event loop back, so answers keep coming from the serving index until the new one is complete.
   */
  rebuildRunner?: StepRunner;
  /** Readings of the index's texts carried from build to build (and, with a keeper, from the last run). */
  readings?: TextReadings;
}

export interface LiveCore extends TallyCore {
  /**
   * Re-reads the data folders. A new index with problems the serving one did not have is not taken: the last
   * good one keeps serving. Unverified quotes are not problems.
   */
  reload(): Promise<{ taken: boolean; problems: IndexProblem[] }>;
  /**
   * Replaces the curated layer (a figure approved, retired or corrected in Slack) and rebuilds, so the next
   * question is answered with it. Topic checks alone need no rebuild.
   */
  setCurated(layer: CuratedLayer): Promise<{ taken: boolean; problems: IndexProblem[] }>;
  /** Problems with curated entries in the serving index: each left out, the rest served. */
  curatedProblems(): readonly IndexProblem[];
  /** Reloads whenever a file under a data folder changes (debounced), until `close`. */
  watch(): void;
  close(): void;
}

/**
 * The core behind a running bot, kept current with data/ as the research desk edits it, and with what curators
 * approve in Slack. At start the valid claims serve even when some are invalid (and every problem is logged);
 * after that, an edit that adds a problem is logged and ignored, and the index from before it keeps answering.
 */
export async function loadLiveCore(
  options: LiveCoreOptions,
): Promise<{ core: LiveCore; problems: IndexProblem[] }> {
  let layer = options.curated ?? emptyCuratedLayer;
  // Parsed files are kept between loads: a reload after one edit parses that file only.
  const parseCache = new YamlParseCache({
    dir: options.parseCacheDir ?? null,
    warn: (m, f) => options.log("warn", m, f),
  });
  // So are claims' verdicts on their own: a reload checks the claims of the edited files only.
  const claimVerdicts = new ClaimVerdicts();
  const load = (run: StepRunner) =>
    loadIndex({ ...options, curated: layer.entries, retire: layer.retire, parseCache, claimVerdicts, run });
  // At start nothing is serving yet: the first index is read straight through.
  const first = await load(straightRunner);
  // The dictionary is read once, not again on every reload.
  const englishWords = loadEnglishWords();
  // Texts the last build read are kept for the next: a rebuild after one edit reads only what changed.
  const coreOptions = {
    englishWords,
    checks: () => layer.checks,
    readings: options.readings ?? new TextReadings(),
  };
  let current = createCore(first.index, options.now, coreOptions);
  // A rebuild runs in slices beside the serving core, which answers until the new one is complete.
  const runner = options.rebuildRunner ?? slicedRunner();
  let serving = new Set(first.problems.map(formatProblem));
  let curatedProblems = first.curatedProblems;
  for (const p of curatedProblems) options.log("warn", `curated: ${formatProblem(p)}`);
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | null = null;
  // Reloads run one at a time, so an older read can never replace a newer one.
  let queue: Promise<unknown> = Promise.resolve();

  const rebuild = async (): Promise<{ taken: boolean; problems: IndexProblem[] }> => {
    try {
      const next = await load(runner);
      const added = next.problems.filter((p) => !serving.has(formatProblem(p)));
      if (added.length > 0) {
        for (const p of added) options.log("warn", `claims: ${formatProblem(p)}`);
        options.log("warn", "claims: edit not taken; the last good index keeps serving", {
          problems: added.length,
        });
        return { taken: false, problems: added };
      }
      current = await buildCore(next.index, options.now, coreOptions, runner);
      serving = new Set(next.problems.map(formatProblem));
      curatedProblems = next.curatedProblems;
      for (const p of curatedProblems) options.log("warn", `curated: ${formatProblem(p)}`);
      options.log("info", "claims: index reloaded", { claims: next.index.claims.length });
      return { taken: true, problems: [] };
    } catch (error) {
      options.log("warn", "claims: reload failed; the last good index keeps serving", {
        error: String(error),
      });
      return { taken: false, problems: [] };
    }
  };
  const queued = () => {
    const run = queue.then(rebuild);
    queue = run.catch(() => undefined);
    return run;
  };

  const core: LiveCore = {
    ask: (q) => current.ask(q),
    answerTopic: (id, options) => current.answerTopic(id, options),
    topics: () => current.topics(),
    searchTopics: (query, limit) => current.searchTopics(query, limit),
    index: () => current.index(),
    dueForReview: () => current.dueForReview(),
    reload: queued,
    async setCurated(next) {
      // A refresh that finds what the index already holds (the store read again at start, say) rebuilds nothing.
      const rebuildNeeded = !sameFigures(next, layer);
      layer = next;
      if (!rebuildNeeded) return { taken: true, problems: [] };
      return queued();
    },
    curatedProblems: () => curatedProblems,
    watch() {
      if (watchers.length > 0) return;
      const onChange = () => {
        if (timer) clearTimeout(timer);
        // Editors save in bursts; read once they have settled.
        timer = setTimeout(() => void queued(), 300);
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
