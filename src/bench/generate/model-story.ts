import type { ClaimsIndex } from "../../claims/claims-index.ts";
import type { Claim, Concept, Source, Topic } from "../../claims/schema.ts";
import type { WordList } from "../../match/english-words.ts";

/** One real story the generator grows neighbours from: its topics, claims, sources and place words. */
export interface ModelStory {
  name: string;
  topics: readonly Topic[];
  claimsByTopic: ReadonlyMap<string, readonly Claim[]>;
  sources: readonly Source[];
  /** Lower-case proper names of its places and sides, the most used first (the names a grown story replaces). */
  placeWords: readonly string[];
  /** The year most of its figures are from, which a story moved in time is moved from. */
  firstYear: number;
}

/** The proper names in a story's topics' places and subjects and its sources' sides. */
function placeWordsOf(index: ClaimsIndex, english: WordList): string[] {
  const texts = [
    ...index.topics.flatMap((t) => [t.place ?? "", t.subject]),
    ...[...index.sourceById.values()].map((s) => s.side ?? ""),
  ];
  const uses = new Map<string, number>();
  for (const text of texts)
    for (const word of text.match(/\p{Lu}[\p{L}]{3,}/gu) ?? []) {
      const w = word.toLowerCase();
      if (!english.has(w)) uses.set(w, (uses.get(w) ?? 0) + 1);
    }
  return [...uses].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([w]) => w);
}

export function modelStory(name: string, index: ClaimsIndex, english: WordList): ModelStory {
  const byYear = new Map<number, number>();
  for (const c of index.claims) {
    const y = Number(c.as_of.slice(0, 4));
    byYear.set(y, (byYear.get(y) ?? 0) + 1);
  }
  const mainYear = [...byYear].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  return {
    name,
    topics: index.topics,
    claimsByTopic: index.claimsByTopic,
    sources: [...index.sourceById.values()],
    placeWords: placeWordsOf(index, english),
    firstYear: mainYear ?? 2025,
  };
}

/** Measure concept id → the measures near it (what it is within, what is within it, what it combines). */
export function relatedMeasures(concepts: readonly Concept[]): Map<string, string[]> {
  const related = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    if (a === b) return;
    if (!related.has(a)) related.set(a, new Set());
    related.get(a)?.add(b);
  };
  const measures = new Set(concepts.filter((c) => c.kind === "measure").map((c) => c.id));
  for (const c of concepts) {
    if (c.kind !== "measure") continue;
    for (const other of [...Object.keys(c.within), ...c.combines]) {
      if (!measures.has(other)) continue;
      add(c.id, other);
      add(other, c.id);
    }
  }
  return new Map([...related].map(([k, v]) => [k, [...v].sort()]));
}
