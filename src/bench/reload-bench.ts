import { execFile } from "node:child_process";
import { appendFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { loadLiveCore } from "../answer/live-core.ts";
import { benchConfig } from "./bench-config.ts";
import { ms } from "./latency.ts";

export interface ReloadOptions {
  /** The merged data folder (merged-data-dir.ts). */
  dataDir: string;
  /** The claims file in it to edit: a copy of its own, not a link to the folder it came from. */
  file: string;
  bytes: number;
  question: string;
}

export interface ReloadFigures {
  /** From the edit to `reload()` resolving with the new index serving. */
  ms: number;
  /** The event loop's longest stall while it reloaded: an answer's worst wait. The larger of the two below. */
  maxEventLoopDelayMs: number;
  /** monitorEventLoopDelay's maximum, less its resolution. */
  histogramMaxMs: number;
  /** The worst gap between ticks of an interval timer at the same resolution, less the resolution. */
  timerWorstGapMs: number;
  /** Whether the reloaded index was taken (a harmless edit must be). */
  taken: boolean;
  editedFileBytes: number;
}

export type ReloadResult = ReloadFigures | { skipped: string };

const sleep = (n: number) => new Promise<void>((resolve) => setTimeout(resolve, n));

/**
 * In this process: the live core over the data folder, as the app holds it; then a YAML comment appended to one
 * claims file (no figure changes) and `reload()` timed, with the event loop watched the whole time.
 */
export async function benchReload(options: ReloadOptions): Promise<ReloadFigures> {
  const { core } = await loadLiveCore({
    dataDirs: [options.dataDir],
    now: () => new Date(benchConfig.clock),
    log: () => {},
  });
  core.ask(options.question);
  const resolution = benchConfig.reload.resolutionMs;
  const histogram = monitorEventLoopDelay({ resolution });
  let worstGap = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worstGap = Math.max(worstGap, now - last);
    last = now;
  }, resolution);
  // The histogram records gaps from its first tick on: it must have ticked before the reload starts.
  histogram.enable();
  await sleep(5 * resolution);
  const started = performance.now();
  appendFileSync(options.file, `\n# edited by npm run bench at ${new Date().toISOString()}\n`);
  const result = await core.reload();
  const reloadMs = performance.now() - started;
  // A stall at the very end of the reload is seen only when the loop turns again.
  await sleep(5 * resolution);
  histogram.disable();
  clearInterval(timer);
  core.close();
  // Both count the wait for the next tick itself, one resolution, as part of each gap.
  const histogramMaxMs = ms(Math.max(0, histogram.max / 1e6 - resolution));
  const timerWorstGapMs = ms(Math.max(0, worstGap - resolution));
  return {
    ms: ms(reloadMs),
    maxEventLoopDelayMs: Math.max(histogramMaxMs, timerWorstGapMs),
    histogramMaxMs,
    timerWorstGapMs,
    taken: result.taken,
    editedFileBytes: options.bytes,
  };
}

const run = promisify(execFile);
const worker = fileURLToPath(new URL("./reload-worker.ts", import.meta.url));

/** `benchReload` in a fresh Node process, so that its memory and pauses are its own index's alone. */
export async function runReload(options: ReloadOptions): Promise<ReloadResult> {
  try {
    const { stdout } = await run(process.execPath, ["--import", "tsx", worker, JSON.stringify(options)], {
      maxBuffer: 1024 * 1024,
    });
    return JSON.parse(stdout) as ReloadFigures;
  } catch (error) {
    return { skipped: `the reload did not run: ${(error as Error).message.split("\n")[0]}` };
  }
}
