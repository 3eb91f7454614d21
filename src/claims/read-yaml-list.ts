import { Composer, type Document, isMap, isSeq, Lexer, LineCounter, Parser, YAMLParseError } from "yaml";
import { runToEnd, type Steps, sliceConfig } from "../schedule/time-slice.ts";
import type { IndexProblem } from "./index-problem.ts";

/**
 * Where each top-level key of an item is, in lines after the item's own (0: on it), for pointing at the field
 * that is wrong. Counted from the item, so that items written alike have the same offsets and share them.
 */
export interface KeyOffsets {
  get(key: string): number | undefined;
}

/**
 * Key offsets kept as the plain object they are stored as (see parsed-file.ts), one per shape of a file:
 * items written alike share it, so 100,000 claims hold a few thousand of these, not 100,000 (~13 MB of heap).
 */
export class StoredKeyOffsets implements KeyOffsets {
  constructor(readonly offsets: Readonly<Record<string, number>>) {}

  get(key: string): number | undefined {
    return Object.hasOwn(this.offsets, key) ? this.offsets[key] : undefined;
  }
}

/** One list entry, with where it was written. */
export interface YamlItem {
  value: unknown;
  file: string;
  line: number;
  keyOffsets: KeyOffsets;
  /** The value passed its folder's schema and is what the schema gave (see entry-checks.ts). */
  checked?: true;
}

/**
 * A list as parsed, before it is tied to a file: problems, and items with their lines. `shapes` holds each
 * distinct set of key offsets once; an item gives the index of its own.
 */
export interface YamlListParse {
  shapes: Array<Record<string, number>>;
  items: Array<{ value: unknown; line: number; shape: number }>;
  problems: Array<{ line?: number; message: string }>;
}

/**
 * `parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })`, step by step: the same parser
 * driven one lexical token at a time (as yaml's Parser documents for a lexer of one's own), yielding every few
 * hundred tokens, so that a reload parsing an edited file of hundreds of kilobytes never holds the event loop
 * for the whole file (77–200 ms at 155 KB with a cold parser). Composing the list is the one step left whole.
 */
function* parseDocumentSteps(text: string, lineCounter: LineCounter): Steps<Document.Parsed> {
  const parser = new Parser(lineCounter.addNewLine);
  const composer = new Composer({ lineCounter, prettyErrors: false, uniqueKeys: true });
  // Parser.parse tells the line counter of the first line before its first token.
  lineCounter.addNewLine(0);
  let doc: Document.Parsed | null = null;
  let extra: Document.Parsed | null = null;
  const take = (d: Document.Parsed) => {
    if (!doc) doc = d;
    else extra ??= d;
  };
  let n = 0;
  for (const lexeme of new Lexer().lex(text, false)) {
    if (++n % sliceConfig.itemsPerStep === 0) yield;
    for (const token of parser.next(lexeme)) for (const d of composer.next(token)) take(d);
  }
  for (const token of parser.end()) for (const d of composer.next(token)) take(d);
  yield;
  for (const d of composer.end(true, text.length)) take(d);
  // Set by composer.end(true) at the latest, as parseDocument says.
  const first = doc as unknown as Document.Parsed;
  const second = extra as Document.Parsed | null;
  // What parseDocument adds when a file holds several documents (logLevel is never "silent" here).
  if (second)
    first.errors.push(
      new YAMLParseError(
        [second.range[0], second.range[1]],
        "MULTIPLE_DOCS",
        "Source contains multiple documents; please use YAML.parseAllDocuments()",
      ),
    );
  return first;
}

/** Parses the text of a YAML file that holds a list, keeping each item's line numbers. Never throws. */
export function parseYamlList(text: string): YamlListParse {
  return runToEnd(parseYamlListSteps(text));
}

/** `parseYamlList`, yielding every few hundred tokens and items (see schedule/time-slice.ts). */
export function* parseYamlListSteps(text: string): Steps<YamlListParse> {
  const lineCounter = new LineCounter();
  const doc = yield* parseDocumentSteps(text, lineCounter);
  const problems = doc.errors.map((e) => ({
    // Without prettyErrors the error carries no line of its own: it is found from its offset.
    line: lineCounter.linePos(e.pos[0]).line,
    message: `YAML: ${e.message.split("\n")[0]}`,
  }));
  if (problems.length > 0) return { shapes: [], items: [], problems };
  if (doc.contents === null) return { shapes: [], items: [], problems: [] };
  if (!isSeq(doc.contents))
    return {
      shapes: [],
      items: [],
      problems: [{ line: 1, message: "must be a YAML list (each entry starting with '- ')" }],
    };
  const shapes: Array<Record<string, number>> = [];
  const shapeIndex = new Map<string, number>();
  const items: YamlListParse["items"] = [];
  for (const node of doc.contents.items) {
    if (items.length % 32 === 31) yield;
    const line = lineCounter.linePos((node as { range?: [number, number, number] }).range?.[0] ?? 0).line;
    const offsets: Record<string, number> = {};
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as { value?: unknown; range?: [number, number, number] };
        if (typeof key?.value === "string" && key.range)
          // A key named __proto__ must stay a key, not set the object's prototype.
          Object.defineProperty(offsets, key.value, {
            value: lineCounter.linePos(key.range[0]).line - line,
            enumerable: true,
            writable: true,
            configurable: true,
          });
      }
    }
    const shapeKey = JSON.stringify(Object.entries(offsets));
    let shape = shapeIndex.get(shapeKey);
    if (shape === undefined) {
      shape = shapes.push(offsets) - 1;
      shapeIndex.set(shapeKey, shape);
    }
    items.push({ value: (node as { toJSON(): unknown }).toJSON(), line, shape });
  }
  return { shapes, items, problems };
}

/** Reads a YAML file that holds a list, keeping each item's line number. Never throws. */
export function readYamlList(text: string, file: string): { items: YamlItem[]; problems: IndexProblem[] } {
  const { shapes, items, problems } = parseYamlList(text);
  const offsets = shapes.map((shape) => new StoredKeyOffsets(shape));
  return {
    items: items.map(({ value, line, shape }) => ({
      value,
      file,
      line,
      keyOffsets: offsets[shape] as StoredKeyOffsets,
    })),
    problems: problems.map((p) => ({ file, line: p.line, message: p.message })),
  };
}
