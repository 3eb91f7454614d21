import { isMap, isSeq, LineCounter, parseDocument } from "yaml";
import type { IndexProblem } from "./index-problem.ts";

export interface YamlItem {
  value: unknown;
  line: number;
  /** Line of each top-level key of the item, for pointing at the field that is wrong. */
  keyLines: Map<string, number>;
}

/** Reads a YAML file that holds a list, keeping each item's line number. Never throws. */
export function readYamlList(text: string, file: string): { items: YamlItem[]; problems: IndexProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: IndexProblem[] = doc.errors.map((e) => ({
    file,
    line: e.linePos?.[0]?.line,
    message: `YAML: ${e.message.split("\n")[0]}`,
  }));
  if (problems.length > 0) return { items: [], problems };
  if (doc.contents === null) return { items: [], problems: [] };
  if (!isSeq(doc.contents)) {
    return {
      items: [],
      problems: [{ file, line: 1, message: "must be a YAML list (each entry starting with '- ')" }],
    };
  }
  const items = doc.contents.items.map((node) => {
    const offset = (node as { range?: [number, number, number] }).range?.[0] ?? 0;
    const keyLines = new Map<string, number>();
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as { value?: unknown; range?: [number, number, number] };
        if (typeof key?.value === "string" && key.range)
          keyLines.set(key.value, lineCounter.linePos(key.range[0]).line);
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
