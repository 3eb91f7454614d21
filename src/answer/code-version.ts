import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Every file under `dir` whose name ends `ext`, in a fixed order. */
function filesUnder(dir: string, ext: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(file, ext));
    else if (entry.name.endsWith(ext)) found.push(file);
  }
  return found;
}

/**
 * A fingerprint of the code that is running, for what it keeps on disk (kept-readings-file.ts): anything made
 * by other code is stale. `entryFile` is the app's entry: the bundle `npm start` runs (dist/main.js, all of
 * Tally's code in one file), or, run from sources (tsx), main.ts, when every source beside it counts. Node's
 * version and the project's lock file (the versions of the packages left out of the bundle) count too.
 */
export function codeVersion(entryFile: string): string {
  const hash = createHash("sha1").update(process.version);
  const dir = path.dirname(entryFile);
  const sources = entryFile.endsWith(".ts") ? filesUnder(dir, ".ts") : [entryFile];
  for (const file of sources) hash.update(path.relative(dir, file)).update(readFileSync(file));
  try {
    hash.update(readFileSync(path.join(dir, "..", "package-lock.json")));
  } catch {
    hash.update("no lock file");
  }
  return hash.digest("hex");
}
