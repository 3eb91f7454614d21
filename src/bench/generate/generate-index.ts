import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadIndex } from "../../claims/load-index.ts";
import type { Concept } from "../../claims/schema.ts";
import { loadEnglishWords } from "../../match/english-words.ts";
import { pick, seededRandom, shuffled } from "../load/seeded-random.ts";
import { writeCopies } from "./copies-file.ts";
import { generateConfig } from "./generate-config.ts";
import { type GrownStory, growStory } from "./grow-story.ts";
import { InventedNames } from "./invented-names.ts";
import { longHistory } from "./long-history.ts";
import { type ModelStory, modelStory, relatedMeasures } from "./model-story.ts";
import { synonymTable } from "./rewrite-text.ts";
import { yamlList } from "./write-yaml.ts";

export interface GenerateOptions {
  /** The real data folders to grow from (data/ and the evaluation stories); they are read, never written. */
  modelDirs: readonly string[];
  /** Claims wanted in all: the real ones, a long history on one real topic, and grown stories. */
  claims: number;
  seed: number;
  /** Where to write; a new temporary folder when left out. */
  outDir?: string | undefined;
}

export interface GeneratedIndex {
  /** The data folder holding only the grown entries: load it with `modelDirs`, before or after them. */
  dir: string;
  modelDirs: readonly string[];
  realClaims: number;
  grownClaims: number;
  grownTopics: number;
  grownStories: number;
  longHistory: { topic: string; claims: number } | null;
  files: number;
}

const hex = (random: () => number): string =>
  Math.floor(random() * 2 ** 32)
    .toString(16)
    .padStart(8, "0");

/** A story's entries as files, each named by a random prefix so that no story's files sort first. */
function storyFiles(story: GrownStory, tag: string, random: () => number): Array<[string, string]> {
  const files: Array<[string, string]> = [];
  const name = () => `${hex(random)}-${tag}.yml`;
  if (story.topics.length > 0) files.push([path.join("topics", name()), yamlList(story.topics)]);
  if (story.sources.length > 0) files.push([path.join("sources", name()), yamlList(story.sources)]);
  if (story.documents.length > 0) files.push([path.join("documents", name()), yamlList(story.documents)]);
  const per = generateConfig.claimsPerFile;
  for (let i = 0; i < story.claims.length; i += per)
    files.push([path.join("claims", name()), yamlList(story.claims.slice(i, i + per))]);
  return files;
}

/**
 * A claims index grown from real stories to about `claims` claims, written as YAML data files: near-neighbour
 * stories (the same measures in invented places, other years, months and related measures, aliases reworded),
 * one long history, sources and dates spread over years. The same seed writes the same files.
 */
export async function generateIndex(options: GenerateOptions): Promise<GeneratedIndex> {
  const english = loadEnglishWords();
  const random = seededRandom(options.seed);
  const models: ModelStory[] = [];
  const concepts: Concept[] = [];
  const baseWords = new Set<string>();
  for (const dir of options.modelDirs) {
    const { index } = await loadIndex({ dataDirs: [dir] });
    concepts.push(...index.concepts);
    const texts = [
      ...index.topics.flatMap((t) => [t.title, t.subject, t.place ?? "", ...t.aliases]),
      ...[...index.sourceById.values()].flatMap((s) => [s.name, ...s.aliases]),
    ];
    for (const text of texts) for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) baseWords.add(w);
    models.push(modelStory(path.basename(dir), index, english));
  }
  const names = new InventedNames(random, (w) => english.has(w) || baseWords.has(w));
  const realClaims = models.reduce(
    (n, m) => n + [...m.claimsByTopic.values()].reduce((k, c) => k + c.length, 0),
    0,
  );

  const grown: Array<[string, GrownStory]> = [];
  let total = realClaims;
  let history: GeneratedIndex["longHistory"] = null;
  const historyCount = Math.min(
    generateConfig.longHistory.max,
    Math.round(generateConfig.longHistory.share * options.claims),
  );
  const longest = models
    .flatMap((m) => m.topics.map((t) => ({ t, claims: m.claimsByTopic.get(t.id) ?? [] })))
    .sort((a, b) => b.claims.length - a.claims.length || a.t.id.localeCompare(b.t.id))[0];
  if (longest && total < options.claims && historyCount > 0) {
    const story = longHistory(
      longest.t,
      longest.claims,
      Math.min(historyCount, options.claims - total),
      random,
      "h",
    );
    grown.push(["h", story]);
    total += story.claims.length;
    history = { topic: longest.t.id, claims: story.claims.length };
  }
  const ctx = {
    random,
    names,
    synonyms: synonymTable(concepts),
    concepts: new Map(concepts.map((c) => [c.id, c])),
    related: relatedMeasures(concepts),
  };
  const growable = models.filter((m) => m.topics.length > 0);
  for (let n = 0; total < options.claims && growable.length > 0; n++) {
    const tag = `g${n.toString(36)}`;
    const story = growStory(pick(random, growable), { ...ctx, tag, budget: options.claims - total });
    if (story.claims.length === 0 && story.topics.length === 0) continue;
    grown.push([tag, story]);
    total += story.claims.length;
  }

  const dir = options.outDir ?? mkdtempSync(path.join(tmpdir(), "tally-bench-index-"));
  for (const folder of ["topics", "sources", "documents", "claims"])
    mkdirSync(path.join(dir, folder), { recursive: true });
  // Written in a shuffled order as well as named at random: nothing about the grown files follows the stories.
  const files = shuffled(
    random,
    grown.flatMap(([tag, story]) => storyFiles(story, tag, random)),
  );
  for (const [file, text] of files) writeFileSync(path.join(dir, file), text);
  writeCopies(
    dir,
    grown.flatMap(([, story]) => story.copies),
  );
  const stories = grown.filter(([tag]) => tag !== "h");
  return {
    dir,
    modelDirs: options.modelDirs,
    realClaims,
    grownClaims: total - realClaims,
    grownTopics: stories.reduce((n, [, s]) => n + s.topics.length, 0),
    grownStories: stories.length,
    longHistory: history,
    files: files.length,
  };
}
