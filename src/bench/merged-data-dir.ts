import {
  copyFileSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { dataFolders } from "../claims/read-data-folders.ts";

export interface MergedDataDir {
  /** One data folder holding every file of the folders merged, as the app takes it (TALLY_DATA_DIR). */
  dir: string;
  /** Every claims file, largest first, by its path in `dir`. */
  claimsFiles: Array<{ file: string; bytes: number }>;
  /** Makes `file` (a path in `dir`) a copy of its own, so an edit to it leaves the folder it came from alone. */
  ownCopy(file: string): void;
  remove(): void;
}

/**
 * The app reads one data folder; the bench's index is several (the model stories and the generated one). Each
 * file is linked into one folder under a name of its own: the folder's place in the list, its name, the file's
 * name, so that names never clash and the folders load in the order given.
 */
export function mergeDataDirs(dirs: readonly string[]): MergedDataDir {
  const dir = mkdtempSync(path.join(tmpdir(), "tally-bench-data-"));
  const claimsFiles: MergedDataDir["claimsFiles"] = [];
  for (const folder of dataFolders) mkdirSync(path.join(dir, folder));
  dirs.forEach((from, i) => {
    const prefix = `${String(i).padStart(3, "0")}-${path.basename(path.resolve(from))}`;
    for (const folder of dataFolders) {
      let names: string[];
      try {
        names = readdirSync(path.join(from, folder));
      } catch {
        continue; // A story folder may leave any one of them out.
      }
      for (const name of names) {
        const source = path.resolve(from, folder, name);
        const target = path.join(dir, folder, `${prefix}-${name}`);
        symlinkSync(source, target);
        if (folder === "claims" && /\.ya?ml$/.test(name))
          claimsFiles.push({ file: target, bytes: statSync(source).size });
      }
    }
  });
  claimsFiles.sort((a, b) => b.bytes - a.bytes || a.file.localeCompare(b.file));
  return {
    dir,
    claimsFiles,
    ownCopy(file) {
      if (!lstatSync(file).isSymbolicLink()) return; // already a copy of its own
      const source = realpathSync(file);
      unlinkSync(file);
      copyFileSync(source, file);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
