import { existsSync, readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { checkItem, folderChecks } from "./entry-checks.ts";
import { mapInSlices } from "./in-slices.ts";
import type { IndexProblem } from "./index-problem.ts";
import { readYamlList, type YamlItem } from "./read-yaml-list.ts";
import type { YamlParseCache } from "./yaml-parse-cache.ts";

/** The folders of a data folder, each holding any number of YAML list files. */
export const dataFolders = ["topics", "sources", "documents", "claims", "vocabulary"] as const;
export type DataFolder = (typeof dataFolders)[number];

/** Folders a data folder is expected to have; `vocabulary/` is optional, and so is any one of these in a story folder. */
const contentFolders: readonly DataFolder[] = ["topics", "sources", "documents", "claims"];

/** One list entry, with where it was written. */
export type RawEntry = YamlItem;

export interface DataFolderContents {
  entries: Record<DataFolder, RawEntry[]>;
  /** Every file read, in load order. */
  files: string[];
  problems: IndexProblem[];
}

const isYaml = (name: string): boolean => /\.ya?ml$/.test(name);

async function listFiles(dir: string): Promise<string[] | null> {
  try {
    const names = await readdir(dir);
    return names.filter(isYaml).sort();
  } catch {
    return null;
  }
}

/** Files in the layout before folders (topics.yml beside claims/): told apart so the fix can be named. */
const oldLayoutFiles = ["topics.yml", "sources.yml", "seeds.yml"];

/**
 * Reads every YAML list under each data folder (`topics/`, `sources/`, `documents/`, `claims/`,
 * `vocabulary/`), files in sorted name order and data folders in the order given, a slice of files at a time.
 * Never throws: an unreadable file or bad YAML is a problem, and the other files still count. With a `cache`,
 * a file whose contents have been parsed before (in this process or, with its disk folder, an earlier one) is
 * not parsed again.
 */
export async function readDataFolders(
  dataDirs: readonly string[],
  cache?: YamlParseCache,
): Promise<DataFolderContents> {
  const problems: IndexProblem[] = [];
  const plan: Array<{ folder: DataFolder; file: string }> = [];
  for (const dataDir of dataDirs) {
    if (!existsSync(dataDir)) {
      problems.push({ file: dataDir, message: "data folder not found (set TALLY_DATA_DIR or --data)" });
      continue;
    }
    const listed = await Promise.all(dataFolders.map((f) => listFiles(path.join(dataDir, f))));
    if (contentFolders.every((f) => listed[dataFolders.indexOf(f)] === null)) {
      const old = oldLayoutFiles.filter((f) => existsSync(path.join(dataDir, f)));
      problems.push({
        file: dataDir,
        message:
          old.length > 0
            ? `old layout: move ${old.join(", ")} into topics/, sources/ and documents/ (see data/README.md)`
            : "not a data folder: it has none of topics/, sources/, documents/, claims/",
      });
      continue;
    }
    dataFolders.forEach((folder, i) => {
      for (const name of listed[i] ?? []) plan.push({ folder, file: path.join(dataDir, folder, name) });
    });
  }

  const entries = Object.fromEntries(dataFolders.map((f) => [f, [] as RawEntry[]])) as Record<
    DataFolder,
    RawEntry[]
  >;
  const files = plan.map(({ file, folder }) => ({ file, check: folderChecks[folder] }));
  // Each entry is checked against its folder's schema as it is read (entry-checks.ts); the cache keeps it so.
  const lists = cache
    ? await cache.readAll(files)
    : await mapInSlices(files, ({ file, check }) => {
        let text: string;
        try {
          text = readFileSync(file, "utf8");
        } catch {
          return null;
        }
        const list = readYamlList(text, file);
        return { ...list, items: list.items.map((item) => checkItem(item, check)) };
      });
  // A slice of files at a time: 100,000 items to gather.
  await mapInSlices(
    plan.map((p, i) => ({ ...p, list: lists[i] })),
    ({ folder, file, list }) => {
      if (!list) {
        problems.push({ file, message: "cannot be read" });
        return;
      }
      problems.push(...list.problems);
      // Items are never changed once read (the loader copies an entry before it adds to it), so they are shared.
      for (const item of list.items) entries[folder].push(item);
    },
  );
  return { entries, files: plan.map((p) => p.file), problems };
}
