import { Document } from "flexsearch";
import Fuse from "fuse.js";
import MiniSearch from "minisearch";
import type { Topic } from "../claims/schema.ts";

/** What a team would index instead of Tally's matcher: each topic's title and aliases. */
export interface TopicRecord {
  id: string;
  title: string;
  aliases: string[];
}

/** A search library over the records: built once, then asked for the best topic id (or none). */
export interface Peer {
  name: string;
  /** Whether it is the slow one (a scan of every record) that small runs skip at their larger sizes. */
  slow: boolean;
  build(records: readonly TopicRecord[]): (query: string) => string | undefined;
}

export const topicRecords = (topics: readonly Topic[]): TopicRecord[] =>
  topics.map((t) => ({ id: t.id, title: t.title, aliases: [...t.aliases] }));

const joined = (r: TopicRecord) => ({ id: r.id, title: r.title, aliases: r.aliases.join(" | ") });

/** Each peer as its documentation shows it, with default options unless the name says otherwise. */
export const peers: readonly Peer[] = [
  {
    name: "fuse",
    slow: true,
    build(records) {
      const fuse = new Fuse(records, { keys: ["title", "aliases"] });
      return (q) => fuse.search(q, { limit: 1 })[0]?.item.id;
    },
  },
  {
    // fuse.js 7's token search: an inverted index over words with TF-IDF scoring, fuzzy within each word.
    name: "fuseTokenSearch",
    slow: false,
    build(records) {
      const fuse = new Fuse(records, { keys: ["title", "aliases"], useTokenSearch: true });
      return (q) => fuse.search(q, { limit: 1 })[0]?.item.id;
    },
  },
  {
    name: "minisearch",
    slow: false,
    build(records) {
      const mini = new MiniSearch({ fields: ["title", "aliases"] });
      mini.addAll(records.map(joined));
      return (q) => mini.search(q)[0]?.id as string | undefined;
    },
  },
  {
    name: "minisearchFuzzyPrefix",
    slow: false,
    build(records) {
      const mini = new MiniSearch({ fields: ["title", "aliases"] });
      mini.addAll(records.map(joined));
      return (q) => mini.search(q, { fuzzy: 0.2, prefix: true })[0]?.id as string | undefined;
    },
  },
  {
    // A Document index over both fields; results merged across fields, best first.
    name: "flexsearch",
    slow: false,
    build(records) {
      const index = new Document({ document: { id: "id", index: ["title", "aliases"] } });
      for (const r of records) index.add(joined(r));
      return (q) => index.search(q, { limit: 1, merge: true })[0]?.id as string | undefined;
    },
  },
  {
    // By default every word of the query must match; `suggest` lets a partial match through, as a bot needs.
    name: "flexsearchSuggest",
    slow: false,
    build(records) {
      const index = new Document({ document: { id: "id", index: ["title", "aliases"] } });
      for (const r of records) index.add(joined(r));
      return (q) => index.search(q, { limit: 1, merge: true, suggest: true })[0]?.id as string | undefined;
    },
  },
];
