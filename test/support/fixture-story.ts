/**
 * A small invented story for tests that go through the real core, CLI or Slack app: floods in a made-up
 * "Riverton", with a handful of topics, sources and claims chosen to exercise one behaviour each. Invented
 * test material: no real place, source or figure. It can be built in-process (`fixtureStoryIndex`) or written
 * out as a data folder in the real layout (`writeFixtureStory`) for the CLI.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stringify } from "yaml";
import { createCore } from "../../src/answer/create-core.ts";
import type { TallyCore } from "../../src/answer/types.ts";
import { buildClaimsIndex, type ClaimsIndex } from "../../src/claims/claims-index.ts";
import {
  ClaimSchema,
  ConceptSchema,
  DocumentSchema,
  SourceSchema,
  TopicSchema,
} from "../../src/claims/schema.ts";

/** The tests' "today" for this story: after every figure in it. */
export const STORY_NOW = new Date("2025-06-01T12:00:00Z");

export const storyTopics = [
  {
    id: "flood-deaths",
    title: "People killed in the Riverton floods",
    subject: "Riverton",
    measure: "people killed",
    period: "cumulative since 3 Mar 2025",
    unit: "people",
    aliases: ["riverton flood deaths", "people killed in the riverton floods"],
    related: ["flood-missing"],
    key: true,
  },
  {
    id: "flood-missing",
    title: "People missing after the Riverton floods",
    subject: "Riverton",
    measure: "people missing",
    period: "cumulative since 3 Mar 2025",
    unit: "people",
    aliases: ["riverton flood missing", "people missing after the riverton floods"],
  },
  {
    id: "homes-destroyed",
    title: "Homes destroyed by the Riverton floods",
    subject: "Riverton",
    measure: "homes destroyed",
    period: "cumulative since 3 Mar 2025",
    unit: "homes",
    thing: "homes",
    aliases: ["riverton homes destroyed", "homes destroyed in the riverton floods"],
    key: true,
  },
  {
    id: "people-affected",
    title: "People affected by the Riverton floods",
    subject: "Riverton",
    measure: "people affected",
    period: "cumulative since 3 Mar 2025",
    unit: "people",
    aliases: ["riverton people affected", "people affected by the riverton floods"],
  },
  {
    id: "flood-rescues",
    title: "People rescued from the Riverton floods",
    subject: "Riverton",
    measure: "people rescued",
    period: "cumulative since 3 Mar 2025",
    unit: "people",
    aliases: ["riverton flood rescues", "people rescued from the riverton floods"],
  },
];

export const storySources = [
  {
    id: "regional-government",
    name: "Riverton Regional Government",
    aliases: ["regional government"],
    kind: "government",
  },
  { id: "relief-alliance", name: "Relief Alliance", kind: "ngo" },
  { id: "fire-service", name: "Riverton Fire Service", aliases: ["fire service"], kind: "agency" },
  // Has figures on homes only: named on any other topic, it has none.
  { id: "river-watch", name: "River Watch", kind: "ngo" },
];

export const storyDocuments = [
  {
    id: "herald-2025-03-22",
    outlet: "Riverton Herald",
    headline: "Flood toll rises as waters recede",
    published: "2025-03-22",
    url: "https://example.org/herald/flood-toll",
  },
  {
    id: "courier-2025-03-12",
    outlet: "Valley Courier",
    headline: "First count of the flood dead",
    published: "2025-03-12",
    url: "https://example.org/courier/first-count",
  },
];

interface StoryClaim {
  id: string;
  topic: string;
  source: string;
  as_of: string;
  value?: number;
  low?: number;
  high?: number;
  qualifier?: "about" | "over" | "at-least" | "nearly" | "up-to";
  document?: string;
}

export const storyClaims: StoryClaim[] = [
  // The earliest figure on deaths: a question about any earlier date is before it.
  {
    id: "fd-gov-early",
    topic: "flood-deaths",
    source: "regional-government",
    as_of: "2025-03-10",
    value: 1200,
    document: "courier-2025-03-12",
  },
  { id: "fd-gov", topic: "flood-deaths", source: "regional-government", as_of: "2025-03-20", value: 1970 },
  // "nearly 2,000" is consistent with 1,970: it agrees.
  {
    id: "fd-alliance",
    topic: "flood-deaths",
    source: "relief-alliance",
    as_of: "2025-03-19",
    value: 2000,
    qualifier: "nearly",
  },
  { id: "fd-fire", topic: "flood-deaths", source: "fire-service", as_of: "2025-03-18", value: 2400 },
  { id: "fm-gov", topic: "flood-missing", source: "regional-government", as_of: "2025-03-20", value: 300 },
  {
    id: "hd-gov",
    topic: "homes-destroyed",
    source: "regional-government",
    as_of: "2025-03-21",
    low: 10_000,
    high: 12_000,
  },
  {
    id: "hd-alliance",
    topic: "homes-destroyed",
    source: "relief-alliance",
    as_of: "2025-03-20",
    value: 12_000,
    qualifier: "up-to",
  },
  { id: "hd-watch", topic: "homes-destroyed", source: "river-watch", as_of: "2025-03-19", value: 15_000 },
  {
    id: "pa-gov",
    topic: "people-affected",
    source: "regional-government",
    as_of: "2025-03-22",
    value: 1_050_000,
  },
  {
    id: "pa-alliance",
    topic: "people-affected",
    source: "relief-alliance",
    as_of: "2025-03-21",
    value: 1_000_000,
    qualifier: "over",
  },
  { id: "fr-fire", topic: "flood-rescues", source: "fire-service", as_of: "2025-03-15", value: 650 },
  {
    id: "fr-alliance",
    topic: "flood-rescues",
    source: "relief-alliance",
    as_of: "2025-03-14",
    value: 500,
    qualifier: "at-least",
  },
];

/** Just enough newsroom vocabulary for the story's questions (the shipped one lives in data/). */
export const storyVocabulary = [
  { id: "killed", kind: "measure", phrases: ["killed", "dead", "died", "deaths", "death toll"] },
  { id: "missing", kind: "measure", phrases: ["missing", "unaccounted for"] },
  { id: "rescued", kind: "measure", phrases: ["rescued", "rescues", "saved"] },
  { id: "affected", kind: "measure", phrases: ["affected"] },
  { id: "destroyed", kind: "measure", phrases: ["destroyed", "washed away"] },
];

const withQuote = (c: StoryClaim) => ({
  ...c,
  document: c.document ?? "herald-2025-03-22",
  quote: `invented test quote for claim ${c.id}`,
});

/** The story as a validated claims index. */
export function fixtureStoryIndex(): ClaimsIndex {
  return buildClaimsIndex(
    storyTopics.map((t) => TopicSchema.parse(t)),
    storySources.map((s) => SourceSchema.parse(s)),
    storyDocuments.map((d) => DocumentSchema.parse(d)),
    storyClaims.map((c) => ClaimSchema.parse(withQuote(c))),
    storyVocabulary.map((v) => ConceptSchema.parse(v)),
  );
}

/** The real core over the story, with a fixed clock. */
export function fixtureStoryCore(now: Date = STORY_NOW): TallyCore {
  return createCore(fixtureStoryIndex(), () => now);
}

/** Writes the story as a data folder (topics/, sources/, documents/, claims/, vocabulary/) and returns it. */
export function writeFixtureStory(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "tally-story-"));
  const folders: Record<string, unknown[]> = {
    topics: storyTopics,
    sources: storySources,
    documents: storyDocuments,
    claims: storyClaims.map(withQuote),
    vocabulary: storyVocabulary,
  };
  for (const [folder, entries] of Object.entries(folders)) {
    mkdirSync(path.join(dir, folder));
    writeFileSync(path.join(dir, folder, "riverton-floods.yml"), stringify(entries));
  }
  return dir;
}
