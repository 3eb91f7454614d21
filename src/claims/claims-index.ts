import type { Claim, Seed, Source, Topic } from "./schema.ts";

/** The validated, cross-referenced claims data; immutable once built. */
export interface ClaimsIndex {
  topics: readonly Topic[];
  topicById: ReadonlyMap<string, Topic>;
  sourceById: ReadonlyMap<string, Source>;
  seedByFile: ReadonlyMap<string, Seed>;
  claims: readonly Claim[];
  claimsByTopic: ReadonlyMap<string, readonly Claim[]>;
}

export function buildClaimsIndex(
  topics: Topic[],
  sources: Source[],
  seeds: Seed[],
  claims: Claim[],
): ClaimsIndex {
  const claimsByTopic = new Map<string, Claim[]>();
  for (const c of claims) {
    const list = claimsByTopic.get(c.topic) ?? [];
    list.push(c);
    claimsByTopic.set(c.topic, list);
  }
  return {
    topics,
    topicById: new Map(topics.map((t) => [t.id, t])),
    sourceById: new Map(sources.map((s) => [s.id, s])),
    seedByFile: new Map(seeds.map((s) => [s.file, s])),
    claims,
    claimsByTopic,
  };
}
