import { cp, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadIndex } from "../../src/claims/load-index.ts";

const seedsDir = process.env.TALLY_SEEDS_DIR ?? "../shared/seeds";

async function dataCopyWith(extraClaims: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "tally-data-"));
  await cp("data", dir, { recursive: true });
  await writeFile(path.join(dir, "claims", "zz-extra.yml"), extraClaims);
  return dir;
}

describe("the curated index in data/", () => {
  it("validates with no problems, every quote found in its seed article", async () => {
    const { index, problems } = await loadIndex({ dataDir: "data", seedsDir });
    expect(problems).toEqual([]);
    expect(index.claims.length).toBeGreaterThan(60);
    expect(index.topics.length).toBeGreaterThanOrEqual(25);
  });
  it("has at least one claim on every topic", async () => {
    const { index } = await loadIndex({ dataDir: "data" });
    const empty = index.topics
      .filter((t) => (index.claimsByTopic.get(t.id)?.length ?? 0) === 0)
      .map((t) => t.id);
    expect(empty).toEqual([]);
  });
});

describe("loadIndex on bad data", () => {
  it("names file, line and claim id for each problem, and keeps serving the valid claims", async () => {
    const dir = await dataCopyWith(`- id: good-extra
  topic: ru-killed
  value: 1
  as_of: "2025-02"
  source: csis
  seed: 002_a072101abfc4f489.txt
  quote: "approximately 1.2 million Russian troops"
- id: wrong-topic
  topic: no-such-topic
  value: 5
  as_of: "2025-01-01"
  source: csis
  seed: 002_a072101abfc4f489.txt
  quote: "approximately 1.2 million Russian troops"
- id: bad-range
  topic: ru-killed
  low: 10
  high: 5
  as_of: "2025-02-30"
  source: csis
  seed: 002_a072101abfc4f489.txt
  quote: "words that are not in the article at all"
- id: good-extra
  topic: ru-killed
  value: 2
  as_of: "2025-02"
  source: csis
  seed: 002_a072101abfc4f489.txt
  quote: "approximately 1.2 million Russian troops"
`);
    const { index, problems } = await loadIndex({ dataDir: dir, seedsDir });
    const file = path.join(dir, "claims", "zz-extra.yml");
    const said = problems.map((p) => `${path.basename(p.file)}:${p.line} [${p.claimId}] ${p.message}`);
    expect(said).toContain('zz-extra.yml:9 [wrong-topic] unknown topic "no-such-topic"');
    expect(said).toContain("zz-extra.yml:17 [bad-range] low: range has low (10) > high (5)");
    expect(said).toContain("zz-extra.yml:19 [bad-range] as_of: is not a real calendar date");
    expect(said.some((s) => s.startsWith("zz-extra.yml:22 [bad-range] quote does not appear"))).toBe(true);
    expect(said.some((s) => s.startsWith("zz-extra.yml:23 [good-extra] duplicate claim id"))).toBe(true);
    expect(problems.every((p) => p.file === file)).toBe(true);
    expect(index.claims.some((c) => c.id === "good-extra")).toBe(true);
    expect(index.claims.some((c) => c.id === "wrong-topic" || c.id === "bad-range")).toBe(false);
    expect(index.claims.length).toBeGreaterThan(60);
  });
  it("reports a file that is not YAML without losing the other files", async () => {
    const dir = await dataCopyWith("- id: [unclosed\n  topic: x\n");
    const { index, problems } = await loadIndex({ dataDir: dir });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe(path.join(dir, "claims", "zz-extra.yml"));
    expect(problems[0]?.message).toMatch(/^YAML:/);
    expect(index.claims.length).toBeGreaterThan(60);
  });
});
