import { buildClaimsIndex, type ClaimsIndex } from "../claims/claims-index.ts";
import type { Claim, Topic } from "../claims/schema.ts";

/** Made-up region names to make many distinct, realistic topics out of the curated ones (no story's places). */
const regions = [
  "North Vale",
  "South Vale",
  "Eastmarch",
  "Westmarch",
  "Central Plain",
  "Coastland",
  "Uplands",
  "Lowlands",
  "Riverside",
  "Highmoor",
];

/**
 * The curated index grown to `claimCount` claims for benchmarks: each curated topic is copied per region and
 * per year (new ids, titles, places and aliases), each copy with claims from every source. Shape, not content, matters.
 */
export function syntheticIndex(base: ClaimsIndex, claimCount: number): ClaimsIndex {
  const topics: Topic[] = [...base.topics];
  const claims: Claim[] = [...base.claims];
  const sources = [...base.sourceById.values()];
  let copy = 0;
  while (claims.length < claimCount) {
    for (const t of base.topics) {
      if (claims.length >= claimCount) break;
      const region = regions[copy % regions.length] as string;
      const year = 2022 + (Math.floor(copy / regions.length) % 5);
      const id = `${t.id}-${region.toLowerCase().replace(/ /g, "-")}-${year}-${copy}`;
      topics.push({
        ...t,
        id,
        title: `${t.title} in ${region}, ${year}`,
        place: region,
        aliases: t.aliases.map((a) => `${a} in ${region} ${year}`),
      });
      for (let i = 0; i < 10 && claims.length < claimCount; i++) {
        const source = sources[(copy + i) % sources.length];
        const model = base.claimsByTopic.get(t.id)?.[0];
        if (!source || !model) continue;
        claims.push({
          ...model,
          id: `${id}-c${i}`,
          topic: id,
          source: source.id,
          value: 1000 + ((copy * 37 + i * 101) % 9000),
          low: undefined,
          high: undefined,
          as_of: `${year}-${String(1 + (i % 12)).padStart(2, "0")}`,
        });
      }
      copy++;
    }
  }
  return buildClaimsIndex(topics, sources, [...base.documentById.values()], claims, [...base.concepts]);
}
