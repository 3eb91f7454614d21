import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ParsedFile } from "./parsed-file.ts";

export interface ParseTask {
  id: number;
  /** The file's bytes: decoding them is work the serving thread is spared. */
  bytes: Uint8Array;
}
/** A parse as JSON, or as the value itself when JSON would change it (see parsedFile.parseFile). */
export type WorkerParse = { id: number; json: string } | { id: number; parsed: ParsedFile };

/** Compiled (see build/app-build.ts), this module is inside dist/main.js, and the thread's file is beside it. */
const compiled = import.meta.url.endsWith(".js");
const entry = new URL(compiled ? "./parse-worker.js" : "./parse-worker.ts", import.meta.url);

/**
 * Node 20 does not apply tsx's `--import` hooks to a worker's entry file (tsx issue #354), so a .ts entry is
 * loaded through tsx's own require, which also works under vitest.
 */
function startWorker(): Worker {
  if (!entry.pathname.endsWith(".ts")) return new Worker(entry);
  const tsx = createRequire(import.meta.url).resolve("tsx/cjs/api");
  const file = fileURLToPath(entry);
  const boot = `require(${JSON.stringify(tsx)}).require(${JSON.stringify(file)}, ${JSON.stringify(file)});`;
  return new Worker(boot, { eval: true });
}

/**
 * Parses the files (their bytes) in `threads` worker threads, largest first so that the threads finish
 * together, then stops them.
 * A file whose thread could not start or failed is left undefined, for the caller to parse in-thread; `error`
 * says why.
 */
export async function parseInWorkers(
  files: readonly Uint8Array[],
  threads: number,
): Promise<{ results: Array<WorkerParse | undefined>; error: string | null }> {
  const results: Array<WorkerParse | undefined> = files.map(() => undefined);
  // Sorted smallest first, taken from the end: the largest files go first.
  const queue = files.map((_, id) => id).sort((a, b) => (files[a]?.length ?? 0) - (files[b]?.length ?? 0));
  let error: string | null = null;
  let left = files.length;
  const workers: Worker[] = [];
  /** Threads waiting for work: a file handed back by a failed thread goes to one of them. */
  const idle: Array<() => void> = [];
  let finished = false;
  await new Promise<void>((resolve) => {
    let live = Math.min(threads, files.length);
    if (live === 0) return resolve();
    const lost = (e: unknown, current: number | undefined) => {
      error ??= String(e);
      if (current !== undefined) {
        queue.push(current);
        idle.pop()?.();
      }
      if (--live === 0) resolve();
    };
    for (let n = live; n > 0; n--) {
      let worker: Worker;
      try {
        worker = startWorker();
      } catch (e) {
        lost(e, undefined);
        continue;
      }
      workers.push(worker);
      let current: number | undefined;
      let gone = false;
      const next = () => {
        current = queue.pop();
        if (current === undefined) idle.push(next);
        else worker.postMessage({ id: current, bytes: files[current] } as ParseTask);
      };
      worker.on("message", (answer: WorkerParse) => {
        results[answer.id] = answer;
        current = undefined;
        if (--left === 0) return resolve();
        next();
      });
      const fail = (e: unknown) => {
        if (gone || finished) return;
        gone = true;
        const i = idle.indexOf(next);
        if (i >= 0) idle.splice(i, 1);
        lost(e, current);
        current = undefined;
      };
      worker.on("error", fail);
      worker.on("exit", (code) => fail(`parser thread exited (${code})`));
      next();
    }
  });
  finished = true;
  await Promise.all(workers.map((w) => w.terminate()));
  return { results, error };
}
