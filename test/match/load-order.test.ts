import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { createCore } from "../../src/answer/create-core.ts";
import type { Answer, ShownClaim } from "../../src/answer/types.ts";
import { buildClaimsIndex, type ClaimsIndex } from "../../src/claims/claims-index.ts";
import { loadIndex } from "../../src/claims/load-index.ts";
import { matchConfig } from "../../src/match/config.ts";
import { TopicMatcher } from "../../src/match/topic-matcher.ts";
import { useTempDirs } from "../support/temp-dirs.ts";

/*
 * The answer to a question must not depend on the order the files were loaded in: ties between near
 * neighbours, sources that share a name and restatements of one figure are all broken by content.
 */
const FIXTURES = "test/fixtures/claims-index";
const folders = ["topics", "sources", "documents", "claims", "vocabulary"];
const clock = () => new Date("2026-11-22T12:00:00Z");
const { tempDir } = useTempDirs("tally-load-order-");

/** Near neighbours of the flood's topics: a twin that ties with one exactly, and copies in another place. */
const neighbours = {
  topics: [
    {
      id: "flood-displaced-twin",
      title: "People displaced by the March 2025 Riverland floods",
      subject: "Riverland",
      measure: "people displaced",
      period: "cumulative since 1 Mar 2025",
      unit: "people",
      place: "Riverland province",
      key: true,
      aliases: ["people displaced by the floods", "flood evacuees"],
    },
    ...["Marrow Fen", "Ostley Downs"].map((place) => ({
      id: `flood-deaths-${place.toLowerCase().replace(/ /g, "-")}`,
      title: `People killed by the March 2025 Riverland floods in ${place}`,
      subject: "Riverland",
      measure: "killed",
      period: "cumulative since 1 Mar 2025",
      unit: "people",
      place,
      aliases: [`flood deaths in ${place}`],
    })),
  ],
  claims: ["flood-displaced-twin", "flood-deaths-marrow-fen", "flood-deaths-ostley-downs"].map(
    (topic, i) => ({
      id: `twin-${topic}`,
      topic,
      value: 100 + i,
      as_of: "2025-03-05",
      source: "coast-wire",
      document: "river-post-2025-03-05",
      quote: "a figure",
    }),
  ),
};

const questions = [
  "how many people displaced by the floods",
  "flood evacuees",
  "flood death toll",
  "how many killed in the floods",
  "flood deaths in marrow fen",
  "how many homes destroyed",
  "what does the valley relief network say about displaced",
  "how many displaced as of 4 March 2025",
  "how many displaced in February 2024",
  "lakeside turnout",
  "flood",
  "how many bridges collapsed",
];

/** Everything an answer shows, by id: topic, headline, disagreements, agreements, history, did-you-mean. */
function shown(a: Answer) {
  // Each claim with the claims its reports come from: a restated figure is one claim whose own report is first.
  const ids = (list: readonly ShownClaim[] | undefined) =>
    list?.map((c) => [c.claim.id, ...c.reports.map((r) => r.claimId)]);
  return {
    topic: a.match?.topic.id ?? null,
    confidence: a.match?.confidence ?? null,
    headline: ids(a.match ? [a.match.headline] : undefined) ?? null,
    disagreements: ids(a.match?.disagreements),
    agreements: ids(a.match?.agreements),
    history: ids(a.match?.history),
    suggestions: a.suggestions,
    reason: a.reason?.earliest.claim.id ?? null,
  };
}

const answersOf = (index: ClaimsIndex) => {
  const core = createCore(index, clock);
  return questions.map((q) => shown(core.ask(q)));
};

/**
 * Writes the fixture stories and the neighbours into one data folder, each file's entries in `order` and each
 * file named so that `names` decides which is read first.
 */
async function writeData(order: (list: unknown[]) => unknown[], rename: (name: string, i: number) => string) {
  const dir = tempDir();
  const files: Array<{ folder: string; name: string; list: unknown[] }> = [
    { folder: "topics", name: "neighbours.yml", list: neighbours.topics },
    { folder: "claims", name: "neighbours.yml", list: neighbours.claims },
  ];
  for (const story of ["flood", "second-story"]) {
    for (const folder of folders) {
      const from = path.join(FIXTURES, story, folder);
      const names = await readdir(from).catch(() => []);
      for (const name of names)
        files.push({
          folder,
          name: `${story}-${name}`,
          list: parse(await readFile(path.join(from, name), "utf8")),
        });
    }
  }
  for (const folder of folders) await mkdir(path.join(dir, folder), { recursive: true });
  let i = 0;
  for (const f of files)
    await writeFile(path.join(dir, f.folder, rename(f.name, i++)), stringify(order(f.list)));
  return dir;
}

describe("answers in any load order", () => {
  it("are the same when every file is read in the opposite order, entries reversed", async () => {
    const forward = await writeData(
      (l) => l,
      (name, i) => `${String(i).padStart(2, "0")}-${name}`,
    );
    const backward = await writeData(
      (l) => [...l].reverse(),
      (name, i) => `${String(99 - i)}-${name}`,
    );
    const a = await loadIndex({ dataDirs: [forward] });
    const b = await loadIndex({ dataDirs: [backward] });
    expect(a.problems).toEqual([]);
    expect(b.problems).toEqual([]);
    const first = answersOf(a.index);
    // Not vacuous: some questions are answered (one with a restated figure), some abstain with suggestions.
    expect(first.filter((x) => x.topic !== null).length).toBeGreaterThanOrEqual(6);
    expect(first.some((x) => x.topic === null && x.suggestions.length > 0)).toBe(true);
    expect(first.some((x) => x.disagreements?.some((d) => d.length > 2))).toBe(true);
    expect(answersOf(b.index)).toEqual(first);
  });

  it("break an exact tie between twin topics by id", async () => {
    const { index } = await loadIndex({
      dataDirs: [
        await writeData(
          (l) => l,
          (n) => n,
        ),
      ],
    });
    const core = createCore(index, clock);
    expect(core.ask("how many people displaced by the floods").match?.topic.id).toBe("flood-displaced");
    expect(core.ask("how many displaced in February 2024").suggestions.map((s) => s.topic.id)).toEqual([
      "flood-displaced",
      "flood-displaced-twin",
    ]);
  });

  it("cut the topics scored in full to the few that share most of the question, then have fewest other details", async () => {
    const { index } = await loadIndex({
      dataDirs: [
        await writeData(
          (l) => l,
          (n) => n,
        ),
      ],
    });
    // One candidate scored: both neighbours share every word of the question and their ids sort first, but
    // each adds a place the question does not name.
    // (The config is frozen with its literal numbers, so another `keep` needs a cast.)
    const matcher = new TopicMatcher(index, {
      weights: { ...matchConfig, candidates: { keep: 1 as typeof matchConfig.candidates.keep } },
    });
    const ranked = matcher.match("how many people killed by the floods", clock()).ranked;
    expect(ranked.map((r) => r.topic.id)).toEqual(["flood-killed"]);
  });

  it("are the same for an index built from its entries in any order", async () => {
    const { index } = await loadIndex({
      dataDirs: [
        await writeData(
          (l) => l,
          (n) => n,
        ),
      ],
    });
    const parts = {
      topics: [...index.topics],
      sources: [...index.sourceById.values()],
      documents: [...index.documentById.values()],
      // Restatements too: the claims as the loader read them, before they were merged.
      claims: [...index.claimById.values(), ...restated(index)],
      concepts: [...index.concepts],
    };
    const expected = answersOf(
      buildClaimsIndex(parts.topics, parts.sources, parts.documents, parts.claims, parts.concepts),
    );
    const perm = <T>(list: T[]) =>
      fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length });
    fc.assert(
      fc.property(
        perm(parts.topics),
        perm(parts.sources),
        perm(parts.documents),
        perm(parts.claims),
        perm(parts.concepts),
        (topics, sources, documents, claims, concepts) => {
          expect(answersOf(buildClaimsIndex(topics, sources, documents, claims, concepts))).toEqual(expected);
        },
      ),
      { numRuns: 8 },
    );
  });
});

/** The claims merged into another as its reports, rebuilt as the entries they were. */
function restated(index: ClaimsIndex) {
  return [...index.reportsByClaim.entries()].flatMap(([id, reports]) => {
    const claim = index.claimById.get(id);
    if (!claim) return [];
    return reports
      .filter((r) => r.claimId !== id)
      .map((r) => ({ ...claim, id: r.claimId, document: r.document.id, quote: r.quote }));
  });
}
