import { cp, mkdir, readdir, readFile, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { loadIndex } from "../../src/claims/load-index.ts";
import { parseCacheConfig } from "../../src/claims/parse-cache-config.ts";
import { ParseCacheStore } from "../../src/claims/parse-cache-store.ts";
import { readDataFolders } from "../../src/claims/read-data-folders.ts";
import {
  ClaimSchema,
  ConceptSchema,
  DocumentSchema,
  SourceSchema,
  TopicSchema,
} from "../../src/claims/schema.ts";
import { YamlParseCache, type YamlParseCacheOptions } from "../../src/claims/yaml-parse-cache.ts";
import { useTempDirs } from "../support/temp-dirs.ts";

/*
 * The parse cache on disk: a restart parses only files whose bytes it has not seen, and loads what a plain
 * parse loads, problems and their lines too. A cache that cannot be used is never an error.
 */
const flood = "test/fixtures/claims-index/flood";
const { tempDir } = useTempDirs("tally-disk-parse-cache-");

/** The flood data folder, with a schema problem and a YAML syntax error on known lines. */
async function floodWithProblems(): Promise<string> {
  const dir = tempDir();
  await cp(flood, dir, { recursive: true });
  const wires = path.join(dir, "claims", "wires.yml");
  await writeFile(wires, (await readFile(wires, "utf8")).replace("value: 23", "value: 23\n  colour: blue"));
  await writeFile(path.join(dir, "claims", "broken.yml"), "- id: a\n  topic: b\n- id: c\n  id: d\n");
  return dir;
}

const plain = async (dir: string) => {
  const { index, problems, unverified, files } = await loadIndex({ dataDirs: [dir] });
  return { index, problems, unverified, files };
};

/** A fresh cache on `cacheDir`, as a restarted process has, with the warnings it gives. */
function restart(cacheDir: string, options: YamlParseCacheOptions = {}) {
  const warnings: Array<{ message: string; fields?: Record<string, unknown> }> = [];
  const cache = new YamlParseCache({
    dir: cacheDir,
    threads: 0,
    warn: (message, fields) => warnings.push({ message, ...(fields ? { fields } : {}) }),
    ...options,
  });
  const load = async (dir: string) => {
    const { index, problems, unverified, files } = await loadIndex({ dataDirs: [dir], parseCache: cache });
    return { index, problems, unverified, files };
  };
  return { cache, warnings, load };
}

const entriesIn = async (cacheDir: string) =>
  (await readdir(cacheDir)).filter((n) => n.endsWith(".json")).sort();

describe("the parse cache on disk", () => {
  it("parses nothing after a restart while the files are unchanged, and loads what a plain parse does", async () => {
    const dir = await floodWithProblems();
    const cacheDir = path.join(tempDir(), "parse-cache");
    const first = restart(cacheDir);
    const cold = await first.load(dir);
    expect(first.cache.parses).toBe(cold.files.length);
    const expected = await plain(dir);
    expect(cold).toEqual(expected);
    expect(expected.problems.map((p) => [path.basename(p.file), p.line])).toEqual([
      ["broken.yml", 4],
      ["wires.yml", 1],
    ]);

    const second = restart(cacheDir);
    const warm = await second.load(dir);
    expect(second.cache.parses).toBe(0);
    expect(warm).toEqual(expected);
    expect([...first.warnings, ...second.warnings]).toEqual([]);
  });

  it("runs no schema after a restart but over the entries that failed theirs, and reports them the same", async () => {
    const dir = await floodWithProblems();
    const cacheDir = tempDir();
    await restart(cacheDir).load(dir);
    const schemas = [ClaimSchema, TopicSchema, SourceSchema, DocumentSchema, ConceptSchema];
    const checks = schemas.map((schema) => vi.spyOn(schema, "safeParse"));
    const warm = await restart(cacheDir).load(dir);
    const calls = checks.map((c) => c.mock.calls.length);
    vi.restoreAllMocks();
    // The one claim with an unknown key is checked again, to be reported; the file that is not YAML has none.
    expect(calls).toEqual([1, 0, 0, 0, 0]);
    expect(warm).toEqual(await plain(dir));
    expect(warm.problems.map((p) => [path.basename(p.file), p.line, p.message])).toEqual([
      ["broken.yml", 4, expect.stringContaining("YAML")],
      ["wires.yml", 1, 'Unrecognized key: "colour"'],
    ]);
  });

  it("serves the same entries, strings and lines as a plain parse", async () => {
    const dir = await floodWithProblems();
    const cacheDir = tempDir();
    await restart(cacheDir).load(dir);
    const again = restart(cacheDir);
    const served = await readDataFolders([dir], again.cache);
    expect(again.cache.parses).toBe(0);
    expect(served).toEqual(await readDataFolders([dir]));
  });

  it("parses again only the file edited, keyed by its contents and not by its clock", async () => {
    const dir = await floodWithProblems();
    const cacheDir = tempDir();
    await restart(cacheDir).load(dir);
    const file = path.join(dir, "claims", "wires.yml");
    const { atime, mtime } = await stat(file);

    // Touched, not changed: not parsed.
    await utimes(file, new Date(), new Date(Date.now() + 60_000));
    const touched = restart(cacheDir);
    await touched.load(dir);
    expect(touched.cache.parses).toBe(0);

    // Changed, same size, clock put back: parsed, and its problem is gone.
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("colour: blue", "region: blu"));
    await utimes(file, atime, mtime);
    const edited = restart(cacheDir);
    const loaded = await edited.load(dir);
    expect(edited.cache.parses).toBe(1);
    expect(loaded).toEqual(await plain(dir));
    expect(loaded.problems.map((p) => p.message)).not.toContainEqual(expect.stringContaining("colour"));
  });

  it("ignores damaged entries, parses those files and replaces them, with one warning", async () => {
    const dir = await floodWithProblems();
    const cacheDir = tempDir();
    await restart(cacheDir).load(dir);
    const names = await entriesIn(cacheDir);
    expect(names.length).toBeGreaterThan(3);
    const [truncated, garbage, wrongShape] = names.map((n) => path.join(cacheDir, n));
    const whole = await readFile(truncated as string, "utf8");
    await writeFile(truncated as string, whole.slice(0, whole.length / 2));
    await writeFile(garbage as string, "\u0000\u0001 not json at all");
    await writeFile(
      wrongShape as string,
      // The current format, so that the items themselves are what is wrong: a line that is not a number.
      JSON.stringify({
        format: parseCacheConfig.format,
        shapes: [{}],
        items: [["x", "one", 0]],
        problems: [],
      }),
    );

    const damaged = restart(cacheDir);
    expect(await damaged.load(dir)).toEqual(await plain(dir));
    expect(damaged.cache.parses).toBe(3);
    expect(damaged.warnings).toHaveLength(1);
    expect(damaged.warnings[0]?.fields?.issues).toHaveLength(3);

    const repaired = restart(cacheDir);
    await repaired.load(dir);
    expect(repaired.cache.parses).toBe(0);
    expect(repaired.warnings).toEqual([]);
  });

  it("loads when the cache folder cannot be made, warning once per load", async () => {
    const dir = await floodWithProblems();
    const blocker = path.join(tempDir(), "a-file");
    await writeFile(blocker, "not a folder");
    // Under a file, the folder can never be made (a chmod would not stop a root user).
    const unwritable = restart(path.join(blocker, "parse-cache"));
    expect(await unwritable.load(dir)).toEqual(await plain(dir));
    expect(unwritable.warnings).toHaveLength(1);
    expect(await unwritable.load(dir)).toEqual(await plain(dir));
    // In memory the files stay parsed: the second load parses nothing, so it has nothing to warn about.
    expect(unwritable.cache.parses).toBe((await plain(dir)).files.length);
    expect(unwritable.warnings).toHaveLength(1);
  });

  it("does not store a file whose values JSON would change, and serves them as parsed", async () => {
    const dir = tempDir();
    await cp(flood, dir, { recursive: true });
    await writeFile(path.join(dir, "vocabulary", "odd.yml"), "- id: odd\n  weight: .inf\n  offset: -0\n");
    const cacheDir = tempDir();
    const first = restart(cacheDir);
    const { entries } = await readDataFolders([dir], first.cache);
    const odd = entries.vocabulary.find((e) => (e.value as { id?: string }).id === "odd");
    expect(odd?.value).toEqual({ id: "odd", weight: Number.POSITIVE_INFINITY, offset: -0 });
    const second = restart(cacheDir);
    await second.load(dir);
    expect(second.cache.parses).toBe(1);
    expect(await second.load(dir)).toEqual(await plain(dir));
  });

  it("reports a file it cannot read and loads the rest, as a plain load does", async () => {
    const dir = await floodWithProblems();
    // A folder where a file is expected: listed as a YAML file, and unreadable as one.
    await mkdir(path.join(dir, "claims", "zz-folder.yml"));
    const cacheDir = tempDir();
    const cold = await restart(cacheDir).load(dir);
    const warm = await restart(cacheDir).load(dir);
    const expected = await plain(dir);
    expect(expected.problems.map((p) => [path.basename(p.file), p.message])).toContainEqual([
      "zz-folder.yml",
      "cannot be read",
    ]);
    expect(expected.index.claims.length).toBeGreaterThan(0);
    expect(cold).toEqual(expected);
    expect(warm).toEqual(expected);
  });

  it("parses in worker threads and loads what an in-thread parse does", async () => {
    const dir = await floodWithProblems();
    const threaded = restart(tempDir(), { threads: 2, threadsFrom: 0 });
    const loaded = await threaded.load(dir);
    expect(threaded.cache.threadParses).toBe(loaded.files.length);
    expect(threaded.warnings).toEqual([]);
    expect(loaded).toEqual(await plain(dir));
  });

  it("keeps parses in memory only without a folder", async () => {
    const dir = await floodWithProblems();
    const cache = new YamlParseCache({ threads: 0 });
    await loadIndex({ dataDirs: [dir], parseCache: cache });
    const parsed = cache.parses;
    await loadIndex({ dataDirs: [dir], parseCache: cache });
    expect(cache.parses).toBe(parsed);
    expect(await readDataFolders([dir], new YamlParseCache({ threads: 0 }))).toEqual(
      await readDataFolders([dir]),
    );
  });

  it("prunes entries no instance has used for weeks, and never one in use or recent", async () => {
    const dir = await floodWithProblems();
    const cacheDir = tempDir();
    const first = restart(cacheDir);
    await first.load(dir);
    await first.cache.idle();
    const used = await entriesIn(cacheDir);
    const day = 24 * 3600_000;
    const daysAgo = (n: number) => new Date(Date.now() - n * day);
    const foreign = (c: string) => path.join(cacheDir, `${c.repeat(64)}.json`);
    // Another instance's entries: one not used for a month, one used yesterday; and a crash's leftover.
    await writeFile(foreign("a"), "{}");
    await utimes(foreign("a"), daysAgo(30), daysAgo(30));
    await writeFile(foreign("b"), "{}");
    await utimes(foreign("b"), daysAgo(1), daysAgo(1));
    const leftover = path.join(cacheDir, `${"c".repeat(64)}.json.123-0-abcd.tmp`);
    await writeFile(leftover, "{");
    await utimes(leftover, daysAgo(1), daysAgo(1));
    // Ours, unused by any load for a month: marked used again, not deleted.
    for (const name of used) await utimes(path.join(cacheDir, name), daysAgo(30), daysAgo(30));

    const keys = new Set(used.map((n) => n.slice(0, -".json".length)));
    expect(await new ParseCacheStore(cacheDir).prune(keys)).toEqual({ removed: 2 });
    expect(await entriesIn(cacheDir)).toEqual([...used, path.basename(foreign("b"))].sort());
    expect((await readdir(cacheDir)).some((n) => n.endsWith(".tmp"))).toBe(false);
    const { mtimeMs } = await stat(path.join(cacheDir, used[0] as string));
    expect(Date.now() - mtimeMs).toBeLessThan(day);

    // A restart's first load prunes the same way, in the background.
    await utimes(foreign("b"), daysAgo(30), daysAgo(30));
    const again = restart(cacheDir);
    await again.load(dir);
    await again.cache.idle();
    expect(await entriesIn(cacheDir)).toEqual(used);
  });
});
