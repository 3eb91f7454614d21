import { isMap, isSeq, LineCounter, parseDocument } from "yaml";
import type { IndexProblem } from "./index-problem.ts";

/** The line of each top-level key of an item, for pointing at the field that is wrong. */
export interface KeyLines {
  get(key: string): number | undefined;
}

/**
 * Key lines kept as the plain object they are stored as (see parsed-file.ts), looked up without a Map per
 * item: 100,000 Maps are ~25 MB of heap.
 */
export class StoredKeyLines implements KeyLines {
  constructor(readonly lines: Readonly<Record<string, number>>) {}

  get(key: string): number | undefined {
    return Object.hasOwn(this.lines, key) ? this.lines[key] : undefined;
  }
}

/** One list entry, with where it was written. */
export interface YamlItem {
  value: unknown;
  file: string;
  line: number;
  keyLines: KeyLines;
  /** The value passed its folder's schema and is what the schema gave (see entry-checks.ts). */
  checked?: true;
}

/** A list as parsed, before it is tied to a file: problems and items, each with its lines. */
export interface YamlListParse {
  items: Array<{ value: unknown; line: number; keyLines: Record<string, number> }>;
  problems: Array<{ line?: number; message: string }>;
}

/** Parses the text of a YAML file that holds a list, keeping each item's line numbers. Never throws. */
export function parseYamlList(text: string): YamlListParse {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems = doc.errors.map((e) => ({
    // Without prettyErrors the error carries no line of its own: it is found from its offset.
    line: lineCounter.linePos(e.pos[0]).line,
    message: `YAML: ${e.message.split("\n")[0]}`,
  }));
  if (problems.length > 0) return { items: [], problems };
  if (doc.contents === null) return { items: [], problems: [] };
  if (!isSeq(doc.contents))
    return {
      items: [],
      problems: [{ line: 1, message: "must be a YAML list (each entry starting with '- ')" }],
    };
  const items = doc.contents.items.map((node) => {
    const offset = (node as { range?: [number, number, number] }).range?.[0] ?? 0;
    const keyLines: Record<string, number> = {};
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as { value?: unknown; range?: [number, number, number] };
        if (typeof key?.value === "string" && key.range)
          // A key named __proto__ must stay a key, not set the object's prototype.
          Object.defineProperty(keyLines, key.value, {
            value: lineCounter.linePos(key.range[0]).line,
            enumerable: true,
            writable: true,
            configurable: true,
          });
      }
    }
    return {
      value: (node as { toJSON(): unknown }).toJSON(),
      line: lineCounter.linePos(offset).line,
      keyLines,
    };
  });
  return { items, problems };
}

/** Reads a YAML file that holds a list, keeping each item's line number. Never throws. */
export function readYamlList(text: string, file: string): { items: YamlItem[]; problems: IndexProblem[] } {
  const { items, problems } = parseYamlList(text);
  return {
    items: items.map(({ value, line, keyLines }) => ({
      value,
      file,
      line,
      keyLines: new StoredKeyLines(keyLines),
    })),
    problems: problems.map((p) => ({ file, line: p.line, message: p.message })),
  };
}
