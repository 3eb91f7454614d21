import { runToEnd, type Steps } from "../schedule/time-slice.ts";
import { parseCacheConfig } from "./parse-cache-config.ts";
import { parseYamlListSteps } from "./read-yaml-list.ts";

/**
 * An item as stored: `[value, line, shape]` (the index of its key offsets in the file's `shapes`), and a 1
 * after them when the value passed its folder's schema and is what the schema gave (see entry-checks.ts); the
 * parser threads send items unchecked.
 */
export type StoredItem =
  | [value: unknown, line: number, shape: number]
  | [value: unknown, line: number, shape: number, checked: 1];

/**
 * One file's parse as stored on disk and sent between threads: compact, and free of the file's name, so it
 * depends on the file's bytes alone. Read back through stored-parse.ts, which checks its shape. This module is
 * what a parser thread loads, so it stays small (no zod: 0.2 s of CPU to load in each thread).
 */
export interface ParsedFile {
  format: number;
  /** Each distinct set of key offsets of the file's items (see read-yaml-list.ts). */
  shapes: Array<Record<string, number>>;
  items: StoredItem[];
  problems: Array<{ line?: number; message: string }>;
}

/** Whether JSON keeps a value exactly: `.inf`, `.nan` and -0 do not survive a round trip. */
function survivesJson(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0);
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (Array.isArray(value)) return value.every(survivesJson);
  if (typeof value === "object") return Object.values(value).every(survivesJson);
  return false;
}

/**
 * Parses one file. `json` is the parse as JSON, or null when JSON would change a value (such a file is not
 * cached, and its values are served as parsed).
 */
export function parseFile(text: string): { parsed: ParsedFile; json: string | null } {
  return runToEnd(parseFileSteps(text));
}

/** `parseFile`, yielding as the parser goes (see schedule/time-slice.ts), so that a reload can run it in slices. */
export function* parseFileSteps(text: string): Steps<{ parsed: ParsedFile; json: string | null }> {
  const { shapes, items, problems } = yield* parseYamlListSteps(text);
  const parsed: ParsedFile = {
    format: parseCacheConfig.format,
    shapes,
    items: items.map((item): StoredItem => [item.value, item.line, item.shape]),
    problems,
  };
  const exact = items.every((item) => survivesJson(item.value));
  return { parsed, json: exact ? JSON.stringify(parsed) : null };
}
