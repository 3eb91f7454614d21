import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadIndex } from "../../src/claims/load-index.ts";
import { YamlParseCache } from "../../src/claims/yaml-parse-cache.ts";
import { useTempDirs } from "../support/temp-dirs.ts";

/* A reload reads every file but parses only those whose contents changed, and loads what a fresh load would. */
const flood = "test/fixtures/claims-index/flood";
const { tempDir } = useTempDirs("tally-parse-cache-");

async function copyOfFlood(): Promise<string> {
  const dir = tempDir();
  await cp(flood, dir, { recursive: true });
  return dir;
}

const withoutCache = async (dir: string) => {
  const { index, problems, unverified, files } = await loadIndex({ dataDirs: [dir] });
  return { index, problems, unverified, files };
};
const withCache = async (dir: string, parseCache: YamlParseCache) => {
  const { index, problems, unverified, files } = await loadIndex({ dataDirs: [dir], parseCache });
  return { index, problems, unverified, files };
};

describe("loading with a parse cache", () => {
  it("parses every file once, then none again while nothing changed", async () => {
    const dir = await copyOfFlood();
    const cache = new YamlParseCache();
    const first = await withCache(dir, cache);
    expect(cache.parses).toBe(first.files.length);
    const again = await withCache(dir, cache);
    expect(cache.parses).toBe(first.files.length);
    expect(again).toEqual(await withoutCache(dir));
  });

  it("re-parses only the file edited, and loads what a fresh load does, problems and their lines too", async () => {
    const dir = await copyOfFlood();
    const cache = new YamlParseCache();
    const before = (await withCache(dir, cache)).files.length;
    const file = path.join(dir, "claims", "wires.yml");
    const text = await readFile(file, "utf8");
    // A changed figure, and a field the schema does not know: a problem on its own line.
    await writeFile(file, text.replace("value: 23", "value: 24\n  colour: blue"));
    const edited = await withCache(dir, cache);
    expect(cache.parses).toBe(before + 1);
    const fresh = await withoutCache(dir);
    expect(edited).toEqual(fresh);
    expect(fresh.problems.map((p) => [path.basename(p.file), p.line, p.claimId])).toEqual([
      ["wires.yml", expect.any(Number), "coast-wire-flood-killed-2025-03-05"],
    ]);
    // Put back as it was, the file parses again (a hash, not a stale copy), and the problem is gone.
    await writeFile(file, text);
    const restored = await withCache(dir, cache);
    expect(cache.parses).toBe(before + 2);
    expect(restored.problems).toEqual([]);
    expect(restored).toEqual(await withoutCache(dir));
  });

  it("forgets a file that is removed, and does not serve its entries", async () => {
    const dir = await copyOfFlood();
    const cache = new YamlParseCache();
    await withCache(dir, cache);
    await rm(path.join(dir, "claims", "wires.yml"));
    const after = await withCache(dir, cache);
    expect(after.index.claimById.has("coast-wire-flood-killed-2025-03-05")).toBe(false);
    expect(after).toEqual(await withoutCache(dir));
  });
});
