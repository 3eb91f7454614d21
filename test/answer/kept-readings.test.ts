import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { KeptReadingsFile, keptReadingsConfig } from "../../src/answer/kept-readings-file.ts";
import { type LiveCore, loadLiveCore } from "../../src/answer/live-core.ts";
import { loadCore } from "../../src/answer/load-core.ts";
import { type KeptReadings, type ReadingsKeeper, TextReadings } from "../../src/match/text-terms.ts";

const FIXTURES = "test/fixtures/claims-index";
const dataDirs = [path.join(FIXTURES, "flood"), path.join(FIXTURES, "second-story")];
const now = () => new Date("2025-04-20T00:00:00Z");
/** Questions by title, alias, source and typo, and ones Tally abstains on; every topic's title and aliases too. */
const asked = [
  "how many people were displaced by the floods",
  "homes destroyed according to REA",
  "what does the emergency agency say about evacuees",
  "lakeside voter turnout figure",
  "the zorb count",
  "hw many peple wer displaced",
  "how many homes did the floods destroy as of 4 March 2025",
  "how many tanks were lost",
  "what is the weather",
];
const answers = (core: Pick<LiveCore, "ask" | "topics">): string[] =>
  [...asked, ...core.topics().flatMap((t) => [t.title, ...t.aliases])].map((q) =>
    JSON.stringify(core.ask(q)),
  );

/** A keeper that says what the core did with it: whether the last run's readings seeded the build, and writes. */
function watched(file: KeptReadingsFile) {
  const seen = { seeded: false, kept: 0 };
  const keeper: ReadingsKeeper = {
    seed(key) {
      const found = file.seed(key);
      seen.seeded = found !== null;
      return found;
    },
    keep(key, kept: KeptReadings) {
      seen.kept += 1;
      file.keep(key, kept);
    },
  };
  return { keeper, seen };
}

/** One start of a live core on the fixtures with its readings kept in `dir`, written before it returns. */
async function start(dir: string, codeVersion = "code-1") {
  const warnings: string[] = [];
  const file = new KeptReadingsFile({ dir, codeVersion, warn: (m) => warnings.push(m) });
  const { keeper, seen } = watched(file);
  const { core } = await loadLiveCore({ dataDirs, now, log: () => {}, readings: new TextReadings(keeper) });
  await file.flush();
  return { core, seen, warnings };
}

const fresh = async () => answers((await loadCore({ dataDirs, now })).core);
const keptFile = (dir: string) => path.join(dir, keptReadingsConfig.fileName);

describe("the matcher's readings kept on disk between runs", () => {
  it("a restart starts from the last run's readings, reads no text again, and answers as a fresh build", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "tally-kept-"));
    const first = await start(dir);
    expect(first.seen).toEqual({ seeded: false, kept: 1 });
    expect((await stat(keptFile(dir))).size).toBeGreaterThan(0);
    const second = await start(dir);
    // Seeded, and nothing read afresh, so nothing to write again.
    expect(second.seen).toEqual({ seeded: true, kept: 0 });
    expect(second.warnings).toEqual([]);
    expect(answers(second.core)).toEqual(await fresh());
  });

  it("ignores a damaged file with one warning, builds afresh and writes a good one", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "tally-kept-"));
    await start(dir);
    const bytes = await readFile(keptFile(dir));
    const last = bytes.length - 10;
    bytes[last] = (bytes[last] ?? 0) ^ 0xff;
    await writeFile(keptFile(dir), bytes);
    const damaged = await start(dir);
    expect(damaged.seen).toEqual({ seeded: false, kept: 1 });
    expect(damaged.warnings).toHaveLength(1);
    expect(answers(damaged.core)).toEqual(await fresh());
    expect((await start(dir)).seen.seeded).toBe(true);

    for (const junk of [bytes.subarray(0, 40), Buffer.from("not a header at all")]) {
      await writeFile(keptFile(dir), junk);
      const broken = await start(dir);
      expect(broken.seen.seeded).toBe(false);
      expect(broken.warnings).toHaveLength(1);
      expect(answers(broken.core)).toEqual(await fresh());
    }
  });

  it("never uses readings made by other code, or over other concepts", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "tally-kept-"));
    await start(dir, "code-1");
    const upgraded = await start(dir, "code-2");
    expect(upgraded.seen).toEqual({ seeded: false, kept: 1 });
    expect(upgraded.warnings).toHaveLength(1);
    expect(answers(upgraded.core)).toEqual(await fresh());

    const file = new KeptReadingsFile({ dir, codeVersion: "code-2", warn: () => {} });
    expect(file.seed(JSON.stringify([{ id: "another-concept" }]))).toBeNull();
  });

  it("keeps nothing without a folder", async () => {
    const file = new KeptReadingsFile({ dir: null, codeVersion: "code-1", warn: () => {} });
    expect(file.seed("[]")).toBeNull();
  });
});
