import { appendFile, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ClaimVerdicts } from "../../src/claims/claim-checks.ts";
import type { ClaimsIndex } from "../../src/claims/claims-index.ts";
import { formatProblem } from "../../src/claims/index-problem.ts";
import { type LoadedIndex, loadIndex } from "../../src/claims/load-index.ts";
import { YamlParseCache } from "../../src/claims/yaml-parse-cache.ts";
import { slicedRunner } from "../../src/schedule/time-slice.ts";
import { copyOf, edit } from "../support/edited-copy.ts";

const FIXTURES = "test/fixtures/claims-index";

/** Everything a load gives, as text: the index's every map in its order, and every problem as an editor reads it. */
function seen(loaded: LoadedIndex): unknown {
  const index: ClaimsIndex = loaded.index;
  const entries = (m: ReadonlyMap<string, unknown>) => [...m];
  return JSON.stringify({
    problems: loaded.problems.map(formatProblem),
    unverified: loaded.unverified.map(formatProblem),
    curated: loaded.curatedProblems.map(formatProblem),
    quotesNotChecked: loaded.quotesNotChecked,
    files: loaded.files,
    topics: index.topics,
    sources: entries(index.sourceById),
    documents: entries(index.documentById),
    concepts: index.concepts,
    claims: index.claims,
    claimsByTopic: entries(index.claimsByTopic),
    retiredByTopic: entries(index.retiredByTopic),
    claimById: entries(index.claimById),
    reportsByClaim: entries(index.reportsByClaim),
  });
}

/** The block of one claim entry in a file: from its `- id:` line to the next entry or the end. */
function entryBlock(text: string, id: string): string {
  const start = text.indexOf(`- id: ${id}\n`);
  expect(start).toBeGreaterThanOrEqual(0);
  const next = text.indexOf("\n- ", start + 1);
  return text.slice(start, next < 0 ? text.length : next + 1);
}

describe("a reload that keeps what unchanged files gave", () => {
  it("gives the index and every problem, in order, that a fresh load of the edited folders gives", async () => {
    const flood = await copyOf(path.join(FIXTURES, "flood"));
    const election = await copyOf(path.join(FIXTURES, "second-story"));
    const dataDirs = [flood, election];
    const documentsDirs = [path.join(flood, "texts"), path.join(election, "texts")];
    const parseCache = new YamlParseCache();
    const claimVerdicts = new ClaimVerdicts();
    const reload = () =>
      loadIndex({ dataDirs, documentsDirs, parseCache, claimVerdicts, run: slicedRunner() });
    const fresh = () => loadIndex({ dataDirs, documentsDirs });
    expect(seen(await reload())).toEqual(seen(await fresh()));

    const valley = path.join(flood, "claims", "valley-daily.yml");
    const wires = path.join(flood, "claims", "wires.yml");
    const homes = "rea-flood-homes-destroyed-2025-03-04";
    const problemsSeen: string[][] = [];
    const edits: Array<[string, () => Promise<void>]> = [
      ["a comment only", () => appendFile(valley, "\n# checked by the desk\n")],
      [
        "a claim's topic unknown",
        () => edit(valley, "topic: flood-homes-destroyed", "topic: flood-homes-razed"),
      ],
      ["and fixed", () => edit(valley, "topic: flood-homes-razed", "topic: flood-homes-destroyed")],
      ["a quote no longer in its text", () => edit(valley, "stands at 340.", "stands at 341.")],
      ["and fixed", () => edit(valley, "stands at 341.", "stands at 340.")],
      [
        "an id written twice, in two files",
        async () => appendFile(wires, `\n${entryBlock(await readFile(valley, "utf8"), homes)}`),
      ],
      [
        "and the first taken out: the id moved between files",
        async () => {
          const text = await readFile(valley, "utf8");
          await edit(valley, entryBlock(text, homes), "");
        },
      ],
      [
        "another figure from the same source, topic and date, in a new file",
        () =>
          writeFile(
            path.join(flood, "claims", "zz-late.yml"),
            `- id: rea-homes-again\n  topic: flood-homes-destroyed\n  value: 355\n  as_of: "2025-03-04"\n  source: riverland-emergency-agency\n  document: coast-wire-2025-03-05\n  quote: "homes were destroyed"\n`,
          ),
      ],
      ["that file deleted", () => rm(path.join(flood, "claims", "zz-late.yml"))],
      ["a claims file deleted", () => rm(path.join(flood, "claims", "river-post.yml"))],
      [
        "a document's text copy changed",
        () => edit(path.join(flood, "texts", "valley-daily-2025-03-04.txt"), "About 12,000", "About 13,000"),
      ],
      ["a topic removed", () => rm(path.join(flood, "topics", "20-homes.yml"))],
      [
        "a source added",
        () =>
          appendFile(path.join(flood, "sources", "agencies.yml"), "\n- id: new-agency\n  name: New Agency\n"),
      ],
    ];
    for (const [what, change] of edits) {
      await change();
      const reloaded = await reload();
      expect(seen(reloaded), what).toEqual(seen(await fresh()));
      problemsSeen.push(reloaded.problems.map(formatProblem));
    }
    // The edits did add and fix problems: the comparison was not only of clean loads.
    expect(problemsSeen.some((p) => p.some((m) => m.includes('unknown topic "flood-homes-razed"')))).toBe(
      true,
    );
    expect(problemsSeen.some((p) => p.some((m) => m.includes("duplicate claim id")))).toBe(true);
    expect(problemsSeen.some((p) => p.some((m) => m.includes("already has a different figure")))).toBe(true);
    expect(problemsSeen.some((p) => p.some((m) => m.includes("quote does not appear")))).toBe(true);
    expect(problemsSeen[2]).toEqual(problemsSeen[0]);
  });
});
