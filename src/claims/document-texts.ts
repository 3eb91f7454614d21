import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Document } from "./schema.ts";

/** Quotes are compared with runs of whitespace made one space; every other character must match exactly. */
export const collapseWhitespace = (s: string): string => s.replace(/\s+/g, " ").trim();

export interface DocumentTexts {
  /** Whitespace-collapsed text of each document whose `file` was found, by document id. */
  byId: ReadonlyMap<string, string>;
  /** Where each found copy was read from, by document id. */
  pathById: ReadonlyMap<string, string>;
  /** The documents folders that exist, in lookup order. */
  present: readonly string[];
  /** The documents folders asked for that do not exist. */
  absent: readonly string[];
}

/**
 * Reads the text copy of every document that names a `file`, looking in each documents folder in order and
 * taking the first found. All documents are read in parallel; a file found nowhere is simply not in `byId`.
 */
export async function readDocumentTexts(
  documents: readonly Document[],
  documentsDirs: readonly string[],
): Promise<DocumentTexts> {
  const present = documentsDirs.filter((d) => existsSync(d));
  const absent = documentsDirs.filter((d) => !present.includes(d));
  // No folder to look in: no copy is found (and 100,000 documents need no promise each to say so).
  if (present.length === 0) return { byId: new Map(), pathById: new Map(), present, absent };
  // Each folder is listed once, and only copies it holds are opened: an index of thousands of documents whose
  // copies are elsewhere (or nowhere) costs one listing, not thousands of failed opens (0.2 s at 100,000 claims).
  // A `file` is a plain name (schema.ts), so the listing is all there is to look up.
  const held = await Promise.all(
    present.map(async (dir) => new Set(await readdir(dir).catch(() => [] as string[]))),
  );
  const found = await Promise.all(
    documents.map(async (doc) => {
      if (doc.file === undefined) return null;
      for (const [i, dir] of present.entries()) {
        if (!held[i]?.has(doc.file)) continue;
        const full = path.join(dir, doc.file);
        try {
          return { id: doc.id, full, text: collapseWhitespace(await readFile(full, "utf8")) };
        } catch {
          // Not in this folder: try the next.
        }
      }
      return null;
    }),
  );
  const byId = new Map<string, string>();
  const pathById = new Map<string, string>();
  for (const f of found) {
    if (!f) continue;
    byId.set(f.id, f.text);
    pathById.set(f.id, f.full);
  }
  return { byId, pathById, present, absent };
}
