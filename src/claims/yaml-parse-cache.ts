import { createHash } from "node:crypto";
import type { IndexProblem } from "./index-problem.ts";
import { readYamlList, type YamlItem } from "./read-yaml-list.ts";

type ReadList = { items: YamlItem[]; problems: IndexProblem[] };

/**
 * Parsed YAML files by path and content hash, so a reload after one edit parses only the file that changed
 * (parsing is most of the cost of loading; reading the bytes again is cheap). Every file is still read, so an
 * edit is never missed by a clock or a size that did not change. The items are never changed after parsing:
 * the loader copies entries before it adds to them.
 */
export class YamlParseCache {
  readonly #byFile = new Map<string, { hash: string; read: ReadList }>();
  /** Files parsed (not served from the cache) since the cache was made. */
  parses = 0;

  read(text: string, file: string): ReadList {
    const hash = createHash("sha1").update(text).digest("base64");
    const hit = this.#byFile.get(file);
    if (hit?.hash === hash) return hit.read;
    this.parses += 1;
    const read = readYamlList(text, file);
    this.#byFile.set(file, { hash, read });
    return read;
  }

  /** Forgets files no longer read (deleted or moved), so the cache never outgrows the data folders. */
  keepOnly(files: ReadonlySet<string>): void {
    for (const file of this.#byFile.keys()) if (!files.has(file)) this.#byFile.delete(file);
  }
}
