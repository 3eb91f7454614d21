import { readFile } from "node:fs/promises";
import { loadIndex } from "../claims/load-index.ts";
import { readYamlList } from "../claims/read-yaml-list.ts";
import { type Concept, ConceptSchema } from "../claims/schema.ts";
import { buildFlagVocabulary, type FlagVocabulary } from "./flag-vocabulary.ts";

/** The newsroom figure words that ship with Tally. */
export const shippedFigureWords = "data/vocabulary/figure-words.yml";

/**
 * The flag vocabulary of the index in `dataDirs` (story folders, a test fixture, data/), with the concepts of
 * `vocabularyFiles` (the shipped figure words by default) in place of any the folders define under the same
 * id, so a fixture's frozen copy never stands in for the words Tally ships. For the eval CLI and the tests;
 * the bot builds its vocabulary from the index it serves.
 */
export async function loadFlagVocabulary(
  dataDirs: readonly string[],
  vocabularyFiles: readonly string[] = [shippedFigureWords],
): Promise<FlagVocabulary> {
  const { index, problems } = await loadIndex({ dataDirs });
  const broken = problems.filter((p) => !/quote/i.test(p.message));
  if (broken.length > 0 && index.topics.length === 0 && index.sourceById.size === 0)
    throw new Error(
      `${dataDirs.join(", ")}: no topics or sources (${broken[0]?.file}: ${broken[0]?.message})`,
    );
  const extra: Concept[] = [];
  for (const file of vocabularyFiles) {
    const { items, problems: yamlProblems } = readYamlList(await readFile(file, "utf8"), file);
    if (yamlProblems[0])
      throw new Error(`${file}:${yamlProblems[0].line ?? "?"}: ${yamlProblems[0].message}`);
    for (const item of items) {
      const parsed = ConceptSchema.safeParse(item.value);
      if (!parsed.success)
        throw new Error(`${file}:${item.line}: ${parsed.error.issues[0]?.message ?? "not a concept"}`);
      extra.push(parsed.data);
    }
  }
  const replaced = new Set(extra.map((c) => c.id));
  const kept = index.concepts.filter((c) => !replaced.has(c.id));
  return buildFlagVocabulary({ ...index, concepts: [...kept, ...extra] });
}
