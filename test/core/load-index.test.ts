import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem, type IndexProblem } from "../../src/claims/index-problem.ts";
import { loadIndex } from "../../src/claims/load-index.ts";

const FIXTURES = "test/fixtures/claims-index";
const flood = path.join(FIXTURES, "flood");
const floodTexts = path.join(flood, "texts");
const second = path.join(FIXTURES, "second-story");
const problemsDir = path.join(FIXTURES, "problems");

/** "file.yml:12 id: message", with the file's name only, so expectations read like the CLI's output. */
const said = (ps: readonly IndexProblem[]) =>
  ps.map((p) => formatProblem({ ...p, file: path.basename(p.file) }));

describe("loadIndex on a valid data folder", () => {
  it("reads every file of every folder, in sorted name order, with no problems", async () => {
    const { index, problems, files, quotesNotChecked } = await loadIndex({
      dataDirs: [flood],
      documentsDirs: [floodTexts],
    });
    expect(problems).toEqual([]);
    expect(quotesNotChecked).toBeNull();
    expect(files.map((f) => path.relative(flood, f))).toEqual([
      "topics/10-people.yml",
      "topics/20-homes.yml",
      "sources/agencies.yml",
      "sources/outlets.yml",
      "documents/newspapers.yml",
      "documents/wires.yml",
      "claims/river-post.yml",
      "claims/valley-daily.yml",
      "claims/wires.yml",
      "vocabulary/words.yml",
    ]);
    expect(index.topics.map((t) => t.id)).toEqual([
      "flood-displaced",
      "flood-killed",
      "flood-homes-destroyed",
    ]);
    expect([...index.sourceById.keys()].sort()).toEqual([
      "coast-wire",
      "riverland-emergency-agency",
      "valley-relief-network",
    ]);
    expect(index.documentById.get("valley-daily-2025-03-04")?.file).toBe("valley-daily-2025-03-04.txt");
    expect(index.concepts.map((c) => c.id)).toEqual(["displaced"]);
    expect(index.topicById.get("flood-homes-destroyed")?.unit).toBe("homes");
  });

  it("merges the same figure from the same source and date, reported by two documents, into one claim", async () => {
    const { index } = await loadIndex({ dataDirs: [flood], documentsDirs: [floodTexts] });
    const displaced = index.claimsByTopic.get("flood-displaced") ?? [];
    expect(displaced.map((c) => c.id)).toEqual([
      "rea-flood-displaced-2025-03-04-river-post",
      "vrn-flood-displaced-2025-03-05",
    ]);
    const reports = index.reportsByClaim.get("rea-flood-displaced-2025-03-04-river-post") ?? [];
    expect(reports.map((r) => [r.document.outlet, r.claimId])).toEqual([
      ["River Post", "rea-flood-displaced-2025-03-04-river-post"],
      ["The Valley Daily", "rea-flood-displaced-2025-03-04"],
    ]);
    expect(index.reportsByClaim.get("vrn-flood-displaced-2025-03-05")).toHaveLength(1);
    expect(index.claims).toHaveLength(4);
  });

  it("checks quotes with whitespace collapsed and every other character exact", async () => {
    const dir = await copyOf(flood);
    // Same words, straight apostrophe instead of the text's curly one: not the same quote.
    await writeFile(
      path.join(dir, "claims", "valley-daily.yml"),
      `- id: rea-flood-homes-destroyed-2025-03-04
  topic: flood-homes-destroyed
  value: 340
  as_of: "2025-03-04"
  source: riverland-emergency-agency
  document: valley-daily-2025-03-04
  quote: "The agency's count of homes destroyed stands at 340."
`,
    );
    const { problems } = await loadIndex({ dataDirs: [dir], documentsDirs: [floodTexts] });
    expect(said(problems)).toEqual([
      `valley-daily.yml:7 rea-flood-homes-destroyed-2025-03-04: quote does not appear in valley-daily-2025-03-04.txt: "The agency's count of homes destroyed stands at 340.…"`,
    ]);
  });
});

describe("unverified quotes", () => {
  it("lists a quote whose document is a url only, and still serves the claim", async () => {
    const { index, problems, unverified } = await loadIndex({
      dataDirs: [flood],
      documentsDirs: [floodTexts],
    });
    expect(problems).toEqual([]);
    expect(said(unverified)).toEqual([
      'wires.yml:8 coast-wire-flood-killed-2025-03-05: quote unverified: document "coast-wire-2025-03-05" has a url and no text copy',
    ]);
    expect(index.claims.some((c) => c.id === "coast-wire-flood-killed-2025-03-05")).toBe(true);
  });

  it("with no documents folder, says once why quotes were not checked and serves every claim", async () => {
    const { index, problems, unverified, quotesNotChecked } = await loadIndex({
      dataDirs: [flood],
      documentsDirs: ["/nonexistent/documents"],
    });
    expect(problems).toEqual([]);
    expect(quotesNotChecked).toBe(
      "quotes not checked: documents folder /nonexistent/documents not found (set TALLY_DOCUMENTS_DIR or --documents)",
    );
    // Claims with a text copy are covered by that one line; the url-only one is unverified anywhere.
    expect(unverified.map((p) => p.claimId)).toEqual(["coast-wire-flood-killed-2025-03-05"]);
    expect(index.claims).toHaveLength(4);
  });

  it("says so too when no documents folder is given at all", async () => {
    const { quotesNotChecked } = await loadIndex({ dataDirs: [flood] });
    expect(quotesNotChecked).toMatch(/^quotes not checked: no documents folder given/);
  });
});

describe("two data folders", () => {
  it("merge into one index, each document's copy found in the documents folders in order", async () => {
    const { index, problems, unverified } = await loadIndex({
      dataDirs: [flood, second],
      documentsDirs: [floodTexts, path.join(second, "texts")],
    });
    expect(problems).toEqual([]);
    expect(unverified.map((p) => p.claimId)).toEqual(["coast-wire-flood-killed-2025-03-05"]);
    expect(index.topics.map((t) => t.id)).toContain("lakeside-turnout");
    expect(index.claimsByTopic.get("lakeside-turnout")?.[0]?.value).toBe(41.5);
  });

  it("report a copy found in none of the documents folders, and its claims, as unverified", async () => {
    const { problems, unverified } = await loadIndex({
      dataDirs: [flood, second],
      documentsDirs: [floodTexts],
    });
    expect(problems).toEqual([]);
    expect(said(unverified)).toContain(
      "election.yml:7 leo-lakeside-turnout-2025-04-06: quote unverified: text copy lakeside-ledger-2025-04-07.txt not found",
    );
    expect(said(unverified)).toContain(
      `election.yml:5 lakeside-ledger-2025-04-07: text copy lakeside-ledger-2025-04-07.txt not found in ${floodTexts}`,
    );
  });
});

describe("loadIndex on bad data", () => {
  it("names file, line and id for every problem, and keeps serving the valid entries", async () => {
    const { index, problems, unverified } = await loadIndex({
      dataDirs: [flood, problemsDir],
      documentsDirs: [floodTexts],
    });
    expect(said(problems)).toEqual([
      'a-problems.yml:2 wrong-refs: unknown topic "no-such-topic"',
      'a-problems.yml:5 wrong-refs: unknown source "no-such-source"',
      'a-problems.yml:6 wrong-refs: unknown document "no-such-document"',
      "a-problems.yml:11 bad-range: low: range has low (30) > high (20)",
      "a-problems.yml:13 bad-range: as_of: is not a real calendar date",
      'a-problems.yml:16 bad-range: quote does not appear in river-post-2025-03-05.txt: "words that are not in the article…"',
      "a-problems.yml:21 other-figure: riverland-emergency-agency already has a different figure on flood-displaced as of 2025-03-04 (rea-flood-displaced-2025-03-04-river-post: 12000)",
      "a-problems.yml:31 same-document-again: restates rea-flood-homes-destroyed-2025-03-04 from the same document: one claim per figure per document",
      `b-duplicates.yml:1 rea-flood-displaced-2025-03-04: duplicate claim id (first defined at ${path.join(flood, "claims", "valley-daily.yml")}:1)`,
      `problems.yml:1 flood-killed: duplicate topic id (first defined at ${path.join(flood, "topics", "10-people.yml")}:16)`,
      "problems.yml:9 no-unit: unit: is missing (required)",
      'problems.yml:22 bad-related: related: unknown topic "no-such-topic"',
    ]);
    // Each problem's file is the one it is in, in its own data folder.
    expect(new Set(problems.map((p) => path.relative(problemsDir, p.file).split(path.sep)[0]))).toEqual(
      new Set(["claims", "topics"]),
    );
    const ids = index.claims.map((c) => c.id);
    expect(ids).toContain("copy-not-found");
    expect(ids).not.toContain("wrong-refs");
    expect(ids).not.toContain("bad-range");
    expect(ids).not.toContain("other-figure");
    expect(ids).not.toContain("same-document-again");
    // The first of two claims with one id serves; the duplicate does not.
    expect(index.claims.filter((c) => c.id === "rea-flood-displaced-2025-03-04")).toHaveLength(0);
    expect(index.reportsByClaim.get("rea-flood-displaced-2025-03-04-river-post")).toHaveLength(2);
    expect(index.topicById.get("flood-killed")?.title).toBe(
      "People killed by the March 2025 Riverland floods",
    );
    expect(index.topicById.has("no-unit")).toBe(false);
    // Only claims that serve are listed as unverified; a rejected one is a problem, not a warning.
    expect(said(unverified)).toEqual([
      'wires.yml:8 coast-wire-flood-killed-2025-03-05: quote unverified: document "coast-wire-2025-03-05" has a url and no text copy',
      "a-problems.yml:40 copy-not-found: quote unverified: text copy missing-copy-2025-03-06.txt not found",
      `problems.yml:5 missing-copy-2025-03-06: text copy missing-copy-2025-03-06.txt not found in ${floodTexts}`,
    ]);
  });

  it("reports a file that is not YAML, or not a list, without losing the other files", async () => {
    const dir = await copyOf(flood);
    await writeFile(path.join(dir, "claims", "zz-broken.yml"), "- id: [unclosed\n  topic: x\n");
    await writeFile(path.join(dir, "sources", "zz-map.yml"), "id: not-a-list\n");
    const { index, problems } = await loadIndex({ dataDirs: [dir], documentsDirs: [floodTexts] });
    expect(problems.map((p) => [path.basename(p.file), p.message.split(":")[0]])).toEqual([
      ["zz-broken.yml", "YAML"],
      ["zz-map.yml", "must be a YAML list (each entry starting with '- ')"],
    ]);
    expect(index.claims).toHaveLength(4);
  });

  it("says when a data folder is missing, or is still in the layout before folders", async () => {
    const old = await mkdtemp(path.join(tmpdir(), "tally-old-layout-"));
    await writeFile(path.join(old, "topics.yml"), "[]\n");
    const { problems } = await loadIndex({ dataDirs: ["/nonexistent/data", old] });
    expect(problems.map((p) => p.message)).toEqual([
      "data folder not found (set TALLY_DATA_DIR or --data)",
      "old layout: move topics.yml into topics/, sources/ and documents/ (see data/README.md)",
    ]);
  });

  it("accepts a data folder with only some of the folders (a story that reuses others' sources)", async () => {
    const dir = await copyOf(second);
    await rm(path.join(dir, "sources"), { recursive: true });
    const { problems, index } = await loadIndex({
      dataDirs: [flood, dir],
      documentsDirs: [floodTexts, path.join(second, "texts")],
    });
    expect(said(problems)).toEqual([
      'election.yml:5 leo-lakeside-turnout-2025-04-06: unknown source "lakeside-electoral-office"',
    ]);
    expect(index.topicById.has("lakeside-turnout")).toBe(true);
  });
});

async function copyOf(dir: string): Promise<string> {
  const copy = await mkdtemp(path.join(tmpdir(), "tally-data-"));
  await cp(dir, copy, { recursive: true });
  return copy;
}
