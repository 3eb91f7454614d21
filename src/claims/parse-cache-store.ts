import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readdir, rename, stat, unlink, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { threadId } from "node:worker_threads";
import { parseCacheConfig } from "./parse-cache-config.ts";
import type { ParsedFile } from "./parsed-file.ts";
import { ParsedFileSchema } from "./stored-parse.ts";

export type StoreRead =
  | { kind: "hit"; parsed: ParsedFile }
  | { kind: "miss" }
  /** Truncated, not JSON, or not of the shape written: parsed again and replaced. */
  | { kind: "damaged"; why: string }
  | { kind: "unreadable"; why: string };

const entryName = /^[0-9a-f]{64}\.json$/;
const tempName = /^[0-9a-f]{64}\.json\.[\w-]+\.tmp$/;
const why = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Parses on disk, one JSON file per parse, named by its key (see stored-parse.ts). Never the source of
 * truth: any entry may be deleted at any time, and one that cannot be read is only a reason to parse again.
 * Several instances may share the folder: a write goes to a temporary name and is renamed into place, so a
 * reader sees a whole entry or none.
 */
export class ParseCacheStore {
  #made: Promise<unknown> | null = null;

  constructor(readonly dir: string) {}

  /** Reads one entry; synchronous, for reading many a slice at a time (see in-slices.ts). */
  read(key: string): StoreRead {
    let text: string;
    try {
      text = readFileSync(path.join(this.dir, `${key}.json`), "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return { kind: "miss" };
      return { kind: "unreadable", why: why(error) };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return { kind: "damaged", why: why(error) };
    }
    const parsed = ParsedFileSchema.safeParse(json);
    if (!parsed.success) return { kind: "damaged", why: parsed.error.issues[0]?.message ?? "wrong shape" };
    return { kind: "hit", parsed: parsed.data };
  }

  /** Writes one entry whole, or throws (and leaves no temporary file behind when it can). */
  async write(key: string, json: string): Promise<void> {
    this.#made ??= mkdir(this.dir, { recursive: true }).catch((error: unknown) => {
      this.#made = null;
      throw error;
    });
    await this.#made;
    const final = path.join(this.dir, `${key}.json`);
    const temp = `${final}.${process.pid}-${threadId}-${randomBytes(4).toString("hex")}.tmp`;
    try {
      await writeFile(temp, json);
      await rename(temp, final);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Marks the entries in `used` as used now, and deletes entries no one has marked for
   * `prune.unusedForMs` and temporary files a crash left. Errors are ignored: another instance may be pruning
   * too, and the folder may be read-only.
   */
  async prune(used: ReadonlySet<string>, now = Date.now()): Promise<{ removed: number }> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const { unusedForMs, tempForMs } = parseCacheConfig.prune;
    const at = new Date(now);
    let removed = 0;
    const removeIfOlder = async (file: string, ageMs: number) => {
      const { mtimeMs } = await stat(file);
      if (now - mtimeMs <= ageMs) return;
      await unlink(file);
      removed += 1;
    };
    await Promise.all(
      names.map(async (name) => {
        const file = path.join(this.dir, name);
        try {
          if (entryName.test(name)) {
            if (used.has(name.slice(0, -".json".length))) await utimes(file, at, at);
            else await removeIfOlder(file, unusedForMs);
          } else if (tempName.test(name)) await removeIfOlder(file, tempForMs);
        } catch {
          // Gone already (another instance), or not ours to change: nothing to do.
        }
      }),
    );
    return { removed };
  }
}
