import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { z } from "zod";
import type { Steps } from "../schedule/time-slice.ts";
import { checkItem, type EntryCheck } from "./entry-checks.ts";
import type { IndexProblem } from "./index-problem.ts";
import { parseCacheConfig } from "./parse-cache-config.ts";
import type { ParsedFile, StoredItem } from "./parsed-file.ts";
import { StoredKeyOffsets, type YamlItem } from "./read-yaml-list.ts";

/** What reading one YAML list file gives: its items, or the problems that kept them out. */
export interface ReadList {
  items: YamlItem[];
  problems: IndexProblem[];
}

const isLine = (n: unknown): boolean => Number.isInteger(n) && (n as number) >= 0;
const isShape = (x: unknown): x is Record<string, number> =>
  typeof x === "object" && x !== null && !Array.isArray(x) && Object.values(x).every(isLine);
const isStoredItem = (x: unknown): x is StoredItem =>
  Array.isArray(x) && (x.length === 3 || (x.length === 4 && x[3] === 1)) && isLine(x[1]) && isLine(x[2]);

/** A parse read back from disk (see parsed-file.ts) must be of this shape, or it is parsed again. */
export const ParsedFileSchema: z.ZodType<ParsedFile> = z
  .object({
    format: z.literal(parseCacheConfig.format),
    shapes: z.array(z.custom<Record<string, number>>(isShape, "each shape must map keys to line offsets")),
    // One check over the list rather than z.array of tuples: zod would copy the list and each of 100,000
    // items (0.7 s at 100,000 claims), where the items are only looked at.
    items: z.custom<StoredItem[]>(
      (x) => Array.isArray(x) && x.every(isStoredItem),
      "each item must be [value, line, shape, checked?]",
    ),
    problems: z.array(z.object({ line: z.int().nonnegative().optional(), message: z.string() })),
  })
  .refine((p) => p.items.every((item) => item[2] < p.shapes.length), "an item's shape is not in shapes");

const yamlVersion = z
  .object({ version: z.string() })
  .parse(createRequire(import.meta.url)("yaml/package.json")).version;

/**
 * The key of a file's parse: its bytes, the format and the parser's version (an upgrade parses again), and
 * the folder whose schema checked its entries, with the schemas' version (a schema change checks again).
 */
export function parseKey(bytes: Uint8Array, check?: EntryCheck): string {
  const checked = check ? `/${check.name}@${parseCacheConfig.schemaVersion}` : "";
  return createHash("sha256")
    .update(`tally-parse/${parseCacheConfig.format}/yaml@${yamlVersion}${checked}\n`)
    .update(bytes)
    .digest("hex");
}

/**
 * A parse with each item checked against `check` (see entry-checks.ts): what is stored and served. Yields every
 * few items (see schedule/time-slice.ts): a schema over a big file takes a while.
 */
export function* checkParseSteps(parsed: ParsedFile, check: EntryCheck | undefined): Steps<ParsedFile> {
  if (!check) return parsed;
  const items: StoredItem[] = [];
  for (const stored of parsed.items) {
    if (items.length % 16 === 15) yield;
    const [value, line, shape] = stored;
    const item = checkItem({ value }, check);
    items.push(item.checked ? [item.value, line, shape, 1] : [value, line, shape]);
  }
  return { ...parsed, items };
}

/** A stored parse back as the loader reads it, with the file's name on its problems. */
export function toReadList(parsed: ParsedFile, file: string): ReadList {
  const offsets = parsed.shapes.map((shape) => new StoredKeyOffsets(shape));
  return {
    items: parsed.items.map(([value, line, shape, checked]) => ({
      value,
      file,
      line,
      keyOffsets: offsets[shape] as StoredKeyOffsets,
      ...(checked === 1 ? { checked: true as const } : {}),
    })),
    problems: parsed.problems.map((p) => ({ file, line: p.line, message: p.message })),
  };
}
