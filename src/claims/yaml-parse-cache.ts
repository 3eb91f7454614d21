import { availableParallelism } from "node:os";
import { slicedRunner } from "../schedule/time-slice.ts";
import type { EntryCheck } from "./entry-checks.ts";
import { FileReader } from "./file-reader.ts";
import { mapInSlices } from "./in-slices.ts";
import { parseCacheConfig } from "./parse-cache-config.ts";
import { ParseCacheStore } from "./parse-cache-store.ts";
import { parseInWorkers } from "./parse-pool.ts";
import { type ParsedFile, parseFileSteps } from "./parsed-file.ts";
import { checkParseSteps, parseKey, type ReadList, toReadList } from "./stored-parse.ts";

export interface YamlParseCacheOptions {
  /** Folder of the on-disk cache, kept across restarts; null (the default) keeps parses in memory only. */
  dir?: string | null;
  /** Parser threads for a big batch; 0 parses in-thread. Default: one per core, at most `workers.max`. */
  threads?: number;
  /** A batch smaller than this many bytes is parsed in-thread (default `workers.minBytes`). */
  threadsFrom?: number;
  /** Told once per load at most, when the disk cache or the threads could not be used (loading goes on). */
  warn?: (message: string, fields?: Record<string, unknown>) => void;
}

/**
 * Parsed YAML files by content, so a file whose bytes have not changed is never parsed again: not on a reload
 * (kept in memory by path) and not after a restart (kept on disk by a hash of the bytes, see
 * parse-cache-store.ts). Every file is still read, so an edit is never missed by a clock or a size that did not
 * change. What is served went through JSON.parse, even right after a parse: its strings are flat, where the
 * YAML parser's are chains of pieces that take several times the memory. Many files to parse (a cold start)
 * are parsed in worker threads, so the parser's garbage stays out of the serving heap. The items are never
 * changed after parsing: the loader copies entries before it adds to them.
 */
export class YamlParseCache {
  readonly #byFile = new Map<string, { key: string; read: ReadList }>();
  readonly #store: ParseCacheStore | null;
  readonly #threads: number;
  readonly #threadsFrom: number;
  readonly #warn: NonNullable<YamlParseCacheOptions["warn"]>;
  #prunedAt = Number.NEGATIVE_INFINITY;
  #pruning: Promise<unknown> = Promise.resolve();
  /** Files parsed (not served from memory or disk) since the cache was made. */
  parses = 0;
  /** Of those, the files parsed in worker threads. */
  threadParses = 0;

  constructor(options: YamlParseCacheOptions = {}) {
    this.#store = options.dir ? new ParseCacheStore(options.dir) : null;
    this.#threads = options.threads ?? Math.min(availableParallelism(), parseCacheConfig.workers.max);
    this.#threadsFrom = options.threadsFrom ?? parseCacheConfig.workers.minBytes;
    this.#warn = options.warn ?? (() => undefined);
  }

  /**
   * Reads the files of one load, in order (null for a file that cannot be read); files not among them are
   * forgotten (deleted or moved), so the cache never outgrows the data folders. Never throws for the cache's
   * sake: an entry that cannot be read is parsed again, one that cannot be written is only a warning.
   */
  async readAll(
    files: ReadonlyArray<{ file: string; check?: EntryCheck | undefined }>,
  ): Promise<Array<ReadList | null>> {
    const issues: string[] = [];
    const store = this.#store;
    const reader = new FileReader();
    const keys: string[] = [];
    const reads: Array<ReadList | null | undefined> = [];
    /** Bytes of the files to parse: kept (copied out of the reader's buffer) only for those. */
    const toParse = new Map<number, Buffer>();
    // Each file is read, hashed and looked up in turn, a slice at a time: tens of megabytes at 100,000 claims.
    await mapInSlices(
      files.map((f, i) => ({ ...f, i })),
      ({ file, check, i }) => {
        let bytes: Buffer;
        try {
          bytes = reader.read(file);
        } catch {
          reads[i] = null;
          return;
        }
        const key = parseKey(bytes, check);
        keys[i] = key;
        const hit = this.#byFile.get(file);
        if (hit?.key === key) {
          reads[i] = hit.read;
          return;
        }
        const found = store?.read(key) ?? { kind: "miss" };
        if (found.kind === "hit") {
          reads[i] = toReadList(found.parsed, file);
          return;
        }
        if (found.kind !== "miss") issues.push(`${found.kind} entry ${key}: ${found.why}`);
        toParse.set(i, Buffer.from(bytes));
      },
    );
    const missing = (): number[] => [...toParse.keys()].filter((i) => reads[i] === undefined);

    const writes: Array<Promise<unknown>> = [];
    let writable = store !== null;
    // Parses and checks run in slices: a reload parsing one edited file of hundreds of kilobytes never holds
    // answers back for the whole of it.
    const inSlices = slicedRunner();
    const serve = async (i: number, parsed: ParsedFile | null, json: string | null) => {
      const key = keys[i];
      // Served from JSON even when just parsed: flat strings, and the same values a restart would get.
      const value = json !== null ? (JSON.parse(json) as ParsedFile) : parsed;
      if (!value) return;
      // Checked once, here, and kept checked: a restart runs no schema over this file again.
      const checked = await inSlices(checkParseSteps(value, files[i].check));
      reads[i] = toReadList(checked, files[i].file);
      if (json !== null && store && writable) {
        writes.push(
          store.write(key, checked === value ? json : JSON.stringify(checked)).catch((error: unknown) => {
            // One failed write says the folder is not writable now: the rest of this load does not try.
            if (writable) issues.push(`cannot write: ${String(error)}`);
            writable = false;
          }),
        );
      }
    };

    const batch = missing();
    const size = batch.reduce((sum, i) => sum + (toParse.get(i)?.length ?? 0), 0);
    if (this.#threads > 0 && batch.length > 1 && size >= this.#threadsFrom) {
      const { results, error } = await parseInWorkers(
        batch.map((i) => toParse.get(i) as Buffer),
        this.#threads,
      );
      if (error) issues.push(`parser threads: ${error}; parsed in-thread instead`);
      for (const [n, answer] of results.entries()) {
        if (!answer) continue;
        this.threadParses += 1;
        this.parses += 1;
        await serve(
          batch[n] as number,
          "parsed" in answer ? answer.parsed : null,
          "json" in answer ? answer.json : null,
        );
      }
    }
    for (const i of missing()) {
      this.parses += 1;
      const { parsed, json } = await inSlices(parseFileSteps((toParse.get(i) as Buffer).toString("utf8")));
      await serve(i, parsed, json);
    }
    await Promise.all(writes);

    const result = reads as Array<ReadList | null>;
    this.#byFile.clear();
    files.forEach(({ file }, i) => {
      const read = result[i];
      if (read) this.#byFile.set(file, { key: keys[i] as string, read });
    });
    if (issues.length > 0)
      this.#warn("claims: parse cache not fully used; those files were parsed instead", {
        dir: store?.dir,
        issues: issues.slice(0, 5),
        more: Math.max(0, issues.length - 5),
      });
    this.#prune(new Set(keys.filter((k) => k !== undefined)));
    return result;
  }

  /** Resolves when the background upkeep of the disk cache (see `ParseCacheStore.prune`) is done. */
  idle(): Promise<unknown> {
    return this.#pruning;
  }

  #prune(used: ReadonlySet<string>): void {
    const store = this.#store;
    const now = Date.now();
    if (!store || now - this.#prunedAt < parseCacheConfig.prune.everyMs) return;
    this.#prunedAt = now;
    this.#pruning = this.#pruning.then(() => store.prune(used, now)).catch(() => undefined);
  }
}
