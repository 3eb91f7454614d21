/** The one data folder the bench starts the app on: every file of the folders merged, none clashing. */
import { appendFileSync, lstatSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type MergedDataDir, mergeDataDirs } from "../../src/bench/merged-data-dir.ts";
import { loadIndex } from "../../src/claims/load-index.ts";
import { WAR_STORY_DIR } from "../support/war-story.ts";

const FLOODS = path.resolve(import.meta.dirname, "../eval/stories/floods");
let merged: MergedDataDir | null = null;
afterEach(() => {
  merged?.remove();
  merged = null;
});

describe("mergeDataDirs", () => {
  it("loads as the same index as the folders it merges, each file under a name of its own", async () => {
    merged = mergeDataDirs([WAR_STORY_DIR, FLOODS]);
    const apart = await loadIndex({ dataDirs: [WAR_STORY_DIR, FLOODS] });
    const together = await loadIndex({ dataDirs: [merged.dir] });
    expect(together.index.claims.map((c) => c.id)).toEqual(apart.index.claims.map((c) => c.id));
    expect(together.index.topics.length).toBe(apart.index.topics.length);
    expect(together.problems).toEqual([]);
    const claims = readdirSync(path.join(merged.dir, "claims"));
    expect(claims).toContain("001-floods-floods.yml");
    expect(claims.filter((n) => n.startsWith("000-war-story-")).length).toBe(
      readdirSync(path.join(WAR_STORY_DIR, "claims")).length,
    );
    // Only list files count as claims files; the story's texts/ folder is not a data folder and is left out.
    expect(merged.claimsFiles.every((f) => f.bytes > 0)).toBe(true);
    expect(merged.claimsFiles.map((f) => f.bytes)).toEqual(
      [...merged.claimsFiles.map((f) => f.bytes)].sort((a, b) => b - a),
    );
    expect(readdirSync(merged.dir).sort()).not.toContain("texts");
  });

  it("gives an edited file a copy of its own, leaving the folder it came from alone", () => {
    merged = mergeDataDirs([FLOODS]);
    const file = path.join(merged.dir, "claims", "000-floods-floods.yml");
    const original = readFileSync(path.join(FLOODS, "claims", "floods.yml"), "utf8");
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
    merged.ownCopy(file);
    merged.ownCopy(file);
    expect(lstatSync(file).isSymbolicLink()).toBe(false);
    appendFileSync(file, "\n# edited\n");
    expect(readFileSync(path.join(FLOODS, "claims", "floods.yml"), "utf8")).toBe(original);
    expect(readFileSync(file, "utf8")).toBe(`${original}\n# edited\n`);
  });
});
