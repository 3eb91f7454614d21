import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runDraftCommand } from "../../src/cli/draft-command.ts";

const STORY = "test/curation/fixtures/draft-story";
const ARTICLE = path.join(STORY, "article.txt");

async function run(argv: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDraftCommand(argv, env, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("claims draft", () => {
  it("prints every figure of the article as a YAML list of claims in the claims format", async () => {
    const { code, out, err } = await run([
      ARTICLE,
      "--data",
      STORY,
      "--url",
      "https://example.org/courier/flood",
    ]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const claims = parse(out) as Array<Record<string, unknown>>;
    expect(claims.map((c) => c.quote)).toContain(
      "More than 3,000 people have been displaced by the flood, the Brenholt Civil Protection Agency said on Monday.",
    );
    // The headline's "thousands" is a figure too (the outlet's); the body's first is the agency's.
    expect(claims[0]).toMatchObject({ quote: "Brenholt flood: thousands still out of their homes" });
    expect(claims.find((c) => c.value === 3000)).toMatchObject({
      topic: "brenholt-flood-displaced",
      value: 3000,
      qualifier: "over",
      as_of: "2026-03-09",
      source: "brenholt-civil-protection",
      document: "example-2026-03-10",
    });
    const homes = claims.find((c) => c.value === 900);
    expect(homes).toMatchObject({
      topic: "brenholt-homes-flooded",
      source: "mayor-varga",
      as_of: "2026-03-10",
    });
    for (const c of claims) expect(Object.keys(c).slice(0, 2)).toEqual(["id", "topic"]);
  });

  it("comments where the desk must act: the document to add, a new source, a new topic", async () => {
    const { out } = await run([ARTICLE, "--data", STORY, "--url", "https://example.org/courier/flood"]);
    expect(out).toMatch(/^# Suggested documents\/ entry/m);
    expect(out).toMatch(/^# {3}url: https:\/\/example\.org\/courier\/flood$/m);
    expect(out).toMatch(/^# new source: "Tomas Ferrer, a hydrologist at the regional water board"/m);
    expect(out).toMatch(/^# new topic new-bridges: .*unit: bridges/m);
    expect(out).toMatch(/^# no source named: the outlet stands as the source/m);
  });

  it("says when the text gives no date", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "tally-draft-"));
    try {
      const file = path.join(dir, "message.txt");
      await import("node:fs/promises").then((fs) =>
        fs.writeFile(file, "The civil protection agency said about 2,500 people had been displaced."),
      );
      const { code, out } = await run([file], { TALLY_DATA_DIR: STORY });
      expect(code).toBe(0);
      expect(out).toMatch(/^# no date in the text: set as_of$/m);
      expect(out).toMatch(/^ {2}as_of: null$/m);
      expect(out).toMatch(/^ {2}source: brenholt-civil-protection$/m);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("writes the same text to --out", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "tally-draft-"));
    try {
      const file = path.join(dir, "drafts.yml");
      const printed = await run([ARTICLE, "--data", STORY]);
      const written = await run([ARTICLE, "--data", STORY, "--out", file]);
      expect(written.code).toBe(0);
      expect(written.out).toMatch(/7 candidate figures written to/);
      expect((await readFile(file, "utf8")).trimEnd()).toBe(printed.out);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses bad flags and a missing file in one line, with exit code 2", async () => {
    const bad = async (argv: string[]) => {
      const r = await run(argv);
      expect(r.code).toBe(2);
      return r.err.split("\n")[0];
    };
    expect(await bad([ARTICLE, "--published", "10 March"])).toBe(
      "claims draft: --published must be a day, YYYY-MM-DD",
    );
    expect(await bad([ARTICLE, "--published", "2026-02-30"])).toMatch(/not a real calendar date/);
    expect(await bad([ARTICLE, "--url", "example.org"])).toMatch(/--url must be a full URL/);
    expect(await bad([])).toMatch(/give one article file \(got 0\)/);
    expect(await bad([ARTICLE, "--colour"])).toMatch(/Unknown option '--colour'/);
    expect(await bad(["test/curation/fixtures/nope.txt", "--data", STORY])).toMatch(
      /cannot read test\/curation\/fixtures\/nope\.txt: ENOENT/,
    );
  });
});
