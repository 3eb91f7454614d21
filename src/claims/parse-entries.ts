import type { z } from "zod";
import type { Steps } from "../schedule/time-slice.ts";
import type { IndexProblem } from "./index-problem.ts";
import type { RawEntry } from "./read-data-folders.ts";
import type { KeyOffsets } from "./read-yaml-list.ts";

/** An entry that passed its schema, with where it was written. */
export interface Parsed<T> {
  value: T;
  file: string;
  line: number;
  keyOffsets: KeyOffsets;
}

/** The `id` an entry gives, valid or not, so a problem can name it. */
export function rawId(entry: RawEntry): string | undefined {
  const id = (entry.value as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : undefined;
}

type Located = { file: string; line: number; keyOffsets: KeyOffsets };

/** Where a field of an entry is: the line of its key, else of the entry. */
export function at(entry: Located, key: string, id?: string) {
  const line = entry.line + (entry.keyOffsets.get(key) ?? 0);
  return { file: entry.file, line, ...(id ? { claimId: id } : {}) };
}

/**
 * `{ ...at(entry, key, id), message }`, written out, for a problem made once per entry by the hundred thousand
 * (unverified quotes): an object spread into a literal takes several times the memory of one written with its
 * keys (37 MB against 5 at 100,000 claims). The same keys in the same order.
 */
export function problemAt(
  entry: Located,
  key: string,
  id: string | undefined,
  message: string,
): IndexProblem {
  const line = entry.line + (entry.keyOffsets.get(key) ?? 0);
  return id ? { file: entry.file, line, claimId: id, message } : { file: entry.file, line, message };
}

/**
 * Each schema's verdict on each entry value it has checked. The parse cache hands back the very same values
 * for files that did not change, and values are never changed after parsing, so a reload after one edit checks
 * that file's entries only. Weak both ways: a value no file holds any more is forgotten with it.
 */
const verdicts = new WeakMap<z.ZodType, WeakMap<object, z.ZodSafeParseResult<unknown>>>();

export function checkOnce<S extends z.ZodType>(schema: S, value: unknown): z.ZodSafeParseResult<z.infer<S>> {
  if (value === null || typeof value !== "object") return schema.safeParse(value);
  let bySchema = verdicts.get(schema);
  if (!bySchema) {
    bySchema = new WeakMap();
    verdicts.set(schema, bySchema);
  }
  const known = bySchema.get(value) as z.ZodSafeParseResult<z.infer<S>> | undefined;
  if (known) return known;
  const result = schema.safeParse(value);
  bySchema.set(value, result);
  return result;
}

/** Checks one entry against its schema; every issue becomes a problem on the line of the field it is about. */
export function parseEntry<S extends z.ZodType>(
  entry: RawEntry,
  schema: S,
  problems: IndexProblem[],
): Parsed<z.infer<S>> | null {
  // Checked against its folder's schema, the one given here, as it was read (entry-checks.ts).
  if (entry.checked) return entry as Parsed<z.infer<S>>;
  const result = checkOnce(schema, entry.value);
  if (result.success)
    return { value: result.data, file: entry.file, line: entry.line, keyOffsets: entry.keyOffsets };
  const id = rawId(entry);
  const given = entry.value !== null && typeof entry.value === "object" ? entry.value : {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join(".");
    const key = issue.path[0];
    // zod says "expected string, received undefined" for a field left out; an editor needs "is missing".
    const missing = issue.path.length === 1 && typeof key === "string" && !(key in given);
    problems.push({
      ...at(entry, typeof key === "string" ? key : "", id),
      message: missing
        ? `${field}: is missing (required)`
        : field
          ? `${field}: ${issue.message}`
          : issue.message,
    });
  }
  return null;
}

/**
 * Parses a folder's entries and drops those whose id is already taken (in any file of any data folder).
 * Yields between entries (see schedule/time-slice.ts).
 */
export function* parseUniqueSteps<S extends z.ZodType<{ id: string }>>(
  entries: readonly RawEntry[],
  schema: S,
  kind: string,
  problems: IndexProblem[],
): Steps<Array<Parsed<z.infer<S>>>> {
  const seen = new Map<string, { file: string; line: number }>();
  const kept: Array<Parsed<z.infer<S>>> = [];
  for (const entry of entries) {
    yield;
    const parsed = parseEntry(entry, schema, problems);
    if (!parsed) continue;
    const first = seen.get(parsed.value.id);
    if (first) {
      problems.push({
        ...at(parsed, "id", parsed.value.id),
        message: `duplicate ${kind} id (first defined at ${first.file}:${first.line})`,
      });
      continue;
    }
    seen.set(parsed.value.id, { file: parsed.file, line: parsed.line });
    kept.push(parsed);
  }
  return kept;
}
