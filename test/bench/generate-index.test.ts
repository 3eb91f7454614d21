/**
 * The bench's index generator: grown from the war-story fixture and two evaluation stories to 1,000 claims,
 * the files load with no problems, the same seed writes the same files, and the grown topics are neighbours
 * (invented places, reworded aliases), not the real ones with a suffix.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readCopies } from "../../src/bench/generate/copies-file.ts";
import { generateConfig } from "../../src/bench/generate/generate-config.ts";
import { generateIndex } from "../../src/bench/generate/generate-index.ts";
import { loadIndex } from "../../src/claims/load-index.ts";
import { WAR_STORY_DIR } from "../support/war-story.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const models = [
  WAR_STORY_DIR,
  path.join(ROOT, "test/eval/stories/floods"),
  path.join(ROOT, "test/eval/stories/election"),
];
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

async function grow(seed: number, claims = 1_000) {
  const generated = await generateIndex({ modelDirs: models, claims, seed });
  made.push(generated.dir);
  return generated;
}

/** Every file under the folder, by path, with a hash of its text. */
function contents(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const file = path.join(dir, name);
    if (statSync(file).isFile()) out.set(name, createHash("sha256").update(readFileSync(file)).digest("hex"));
  }
  return out;
}

describe("generateIndex", async () => {
  const generated = await grow(7);
  const real = await loadIndex({ dataDirs: models });
  const all = await loadIndex({ dataDirs: [generated.dir, ...models] });
  const realIds = new Set(real.index.topics.map((t) => t.id));
  const grown = all.index.topics.filter((t) => !realIds.has(t.id));

  it("writes an index of the size asked for that loads with no problems", () => {
    expect(all.problems).toEqual([]);
    expect(all.index.claims.length).toBe(1_000);
    expect(generated.realClaims + generated.grownClaims).toBe(1_000);
    expect(grown.length).toBe(generated.grownTopics);
    expect(generated.grownStories).toBeGreaterThan(1);
  });

  it("writes the same files for the same seed, and others for another", async () => {
    expect(contents((await grow(7)).dir)).toEqual(contents(generated.dir));
    expect(contents((await grow(8)).dir)).not.toEqual(contents(generated.dir));
  });

  it("gives one real topic a long history before its first figure, leaving its latest figures as they were", () => {
    const history = generated.longHistory;
    expect(history).not.toBeNull();
    const id = history?.topic ?? "";
    const before = real.index.claimsByTopic.get(id) ?? [];
    const after = all.index.claimsByTopic.get(id) ?? [];
    expect(after.length).toBe(before.length + (history?.claims ?? 0));
    const latest = (cs: readonly { as_of: string }[]) =>
      cs
        .map((c) => c.as_of)
        .sort()
        .at(-1);
    expect(latest(after)).toBe(latest(before));
  });

  it("grows neighbours, not suffixed copies: other places, aliases reworded", () => {
    const realAliases = real.index.topics.flatMap((t) => t.aliases.map((a) => a.toLowerCase()));
    const suffixed = grown
      .flatMap((t) => t.aliases)
      .filter((a) => realAliases.some((r) => a.startsWith(`${r} `) || a === r));
    const aliases = grown.flatMap((t) => t.aliases);
    expect(suffixed.length).toBeLessThan(aliases.length * 0.5);
    const realPlaces = new Set(real.index.topics.map((t) => t.place));
    expect(grown.filter((t) => !realPlaces.has(t.place)).length).toBeGreaterThan(grown.length / 2);
    // Several figures per topic on most, and dates spread over more than one year.
    const years = new Set(all.index.claims.map((c) => c.as_of.slice(0, 4)));
    expect(years.size).toBeGreaterThan(2);
  });

  it("dates no figure after the day the bench asks its questions", () => {
    const grownIds = new Set(grown.map((t) => t.id));
    const dates = all.index.claims.filter((c) => grownIds.has(c.topic)).map((c) => c.as_of);
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.filter((d) => d > generateConfig.lastDay)).toEqual([]);
  });

  it("records which real topic each grown topic copies, and what it changed", () => {
    const copies = readCopies(generated.dir);
    expect(new Set(copies.map((c) => c.topic))).toEqual(new Set(grown.map((t) => t.id)));
    for (const c of copies) expect(realIds.has(c.of)).toBe(true);
    const latest = (id: string) =>
      (all.index.claimsByTopic.get(id) ?? [])
        .map((c) => c.as_of)
        .sort()
        .at(-1) ?? null;
    for (const c of copies) expect(c.latest).toBe(latest(c.topic));
    // A copy in another place names the places it replaced; a copy moved in time replaced none.
    expect(copies.some((c) => c.placesReplaced.length > 0)).toBe(true);
    for (const c of copies) {
      const topic = all.index.topicById.get(c.topic);
      for (const place of c.placesReplaced) expect(topic?.title.toLowerCase()).not.toContain(place);
    }
  });

  it("names the grown files so that they do not sort by story", () => {
    const topicFiles = readdirSync(path.join(generated.dir, "topics"));
    const tags = topicFiles.map((f) => Number.parseInt(f.split("-")[1]?.slice(1) ?? "0", 36));
    expect(tags).not.toEqual([...tags].sort((a, b) => a - b));
  });
});
