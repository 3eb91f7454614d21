import { cp, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadLiveCore } from "../../src/answer/live-core.ts";
import { useTempDirs } from "../support/temp-dirs.ts";

/* The running bot keeps its parses in TALLY_PARSE_CACHE_DIR, and a cache it cannot use is a warning only. */
const { tempDir, closers } = useTempDirs("tally-live-parse-cache-");
const now = () => new Date("2025-04-20T00:00:00Z");

async function start(parseCacheDir: string | null) {
  const dataDir = tempDir();
  await cp("test/fixtures/claims-index/flood", dataDir, { recursive: true });
  const warnings: string[] = [];
  const { core, problems } = await loadLiveCore({
    dataDirs: [dataDir],
    now,
    log: (level, message) => {
      if (level === "warn") warnings.push(message);
    },
    parseCacheDir,
  });
  closers.push(() => core.close());
  return { core, problems, warnings };
}

const homes = (core: Awaited<ReturnType<typeof start>>["core"]) =>
  core.answerTopic("flood-homes-destroyed")?.match?.headline.claim.value;

describe("the live core's parse cache", () => {
  it("stores one entry per data file in the folder it is given", async () => {
    const cacheDir = path.join(tempDir(), "parse-cache");
    const { core, warnings } = await start(cacheDir);
    expect(homes(core)).toBe(340);
    expect(warnings).toEqual([]);
    const entries = (await readdir(cacheDir)).filter((n) => n.endsWith(".json"));
    // The flood folder has ten data files, no two alike.
    expect(entries).toHaveLength(10);
  });

  it("serves and warns once when the folder cannot be used", async () => {
    const blocker = path.join(tempDir(), "a-file");
    await writeFile(blocker, "");
    const { core, problems, warnings } = await start(path.join(blocker, "parse-cache"));
    expect(problems).toEqual([]);
    expect(homes(core)).toBe(340);
    expect(warnings.filter((w) => w.includes("parse cache"))).toHaveLength(1);
  });
});
