import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadIndex } from "../../src/claims/load-index.ts";
import { ClaimSchema } from "../../src/claims/schema.ts";
import { YamlParseCache } from "../../src/claims/yaml-parse-cache.ts";
import { slicedRunner } from "../../src/schedule/time-slice.ts";
import { useTempDirs } from "../support/temp-dirs.ts";

/* A reload checks again only the entries of files that changed, and reports what a fresh load does. */
const flood = "test/fixtures/claims-index/flood";
const { tempDir } = useTempDirs("tally-check-once-");

async function copyOfFlood(): Promise<string> {
  const dir = tempDir();
  await cp(flood, dir, { recursive: true });
  return dir;
}

const load = async (dir: string, parseCache?: YamlParseCache) => {
  const { index, problems, unverified, files } = await loadIndex({ dataDirs: [dir], parseCache });
  return { index, problems, unverified, files };
};

afterEach(() => vi.restoreAllMocks());

describe("checking entries on a reload", () => {
  it("checks only the claims of the file edited, and finds the same problems, on the same lines", async () => {
    const dir = await copyOfFlood();
    const cache = new YamlParseCache();
    const first = await load(dir, cache);
    const file = path.join(dir, "claims", "wires.yml");
    const text = await readFile(file, "utf8");
    const inFile = (text.match(/^- id:/gm) ?? []).length;
    expect(first.index.claims.length).toBeGreaterThan(inFile);

    await writeFile(file, text.replace("value: 23", "value: 24\n  colour: blue"));
    const checks = vi.spyOn(ClaimSchema, "safeParse");
    const edited = await load(dir, cache);
    expect(checks).toHaveBeenCalledTimes(inFile);
    checks.mockRestore();
    expect(edited).toEqual(await load(dir));
    expect(edited.problems.map((p) => [path.basename(p.file), p.message])).toEqual([
      ["wires.yml", 'Unrecognized key: "colour"'],
    ]);

    // Unchanged since, the edited file's verdict is remembered too: nothing is checked again.
    const again = vi.spyOn(ClaimSchema, "safeParse");
    expect(await load(dir, cache)).toEqual(edited);
    expect(again).not.toHaveBeenCalled();
  });

  it("loads the same index and problems in slices as straight through", async () => {
    const dir = await copyOfFlood();
    const file = path.join(dir, "claims", "wires.yml");
    await writeFile(file, (await readFile(file, "utf8")).replace("value: 23", "value: 24\n  colour: blue"));
    let turns = 0;
    const run = slicedRunner(async () => {
      turns += 1;
    }, 0);
    const { index, problems, unverified, files } = await loadIndex({ dataDirs: [dir], run });
    expect(turns).toBeGreaterThan(10);
    expect({ index, problems, unverified, files }).toEqual(await load(dir));
  });
});
