import { createCore } from "../../src/answer/create-core.ts";
import type { TallyCore } from "../../src/answer/types.ts";
import { buildClaimsIndex } from "../../src/claims/claims-index.ts";
import { ClaimSchema, DocumentSchema, SourceSchema, TopicSchema } from "../../src/claims/schema.ts";

/** A small hand-made claims index, run through the real core, for summaries whose inputs a test controls. */
export interface FixtureClaim {
  id: string;
  topic: string;
  value?: number;
  low?: number;
  high?: number;
  as_of: string;
  source: string;
}

export const fixtureTopics = [
  {
    id: "drones-launched",
    title: "Drones launched at Ukraine <per day>",
    subject: "Russia",
    measure: "launched",
    period: "per day",
    unit: "drones",
    aliases: ["drones launched"],
    key: true,
  },
  {
    id: "tanks-destroyed",
    title: "Russian tanks destroyed",
    subject: "Russia",
    measure: "destroyed",
    period: "cumulative since 24 Feb 2022",
    unit: "vehicles",
    thing: "tanks",
    aliases: ["tanks destroyed"],
    key: true,
  },
  {
    id: "front-length",
    title: "Length of the front line",
    subject: "Ukraine",
    measure: "length",
    period: "current",
    unit: "km",
    aliases: ["front line length"],
    key: false,
  },
];

export function fixtureCore(
  claims: FixtureClaim[],
  now: () => Date,
  options: { noKey?: boolean } = {},
): TallyCore {
  const topics = fixtureTopics.map((t) => TopicSchema.parse(options.noKey ? { ...t, key: false } : t));
  const sources = [
    { id: "src-a", name: "Source A", kind: "government" },
    { id: "src-b", name: "Source B", kind: "think-tank" },
    { id: "src-c", name: "Source C & Partners", kind: "analyst" },
  ].map((s) => SourceSchema.parse(s));
  const documents = [
    DocumentSchema.parse({
      id: "fixture-daily-2025-01-01",
      file: "900_fixture.txt",
      outlet: "Fixture Daily",
      headline: "Fixture",
      published: "2025-01-01",
    }),
  ];
  const parsed = claims.map((c) =>
    ClaimSchema.parse({ ...c, document: "fixture-daily-2025-01-01", quote: `a fixture quote for ${c.id}` }),
  );
  return createCore(buildClaimsIndex(topics, sources, documents, parsed), now);
}
