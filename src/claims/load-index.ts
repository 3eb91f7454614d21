import { type StepRunner, type Steps, straightRunner } from "../schedule/time-slice.ts";
import { type ClaimsIndex, claimsIndexSteps, sameFigure } from "./claims-index.ts";
import { collapseWhitespace, type DocumentTexts, readDocumentTexts } from "./document-texts.ts";
import type { IndexProblem } from "./index-problem.ts";
import { at, type Parsed, parseEntry, parseUniqueSteps, rawId } from "./parse-entries.ts";
import { type RawEntry, readDataFolders } from "./read-data-folders.ts";
import {
  type Claim,
  ClaimSchema,
  ConceptSchema,
  type Document,
  DocumentSchema,
  type Retired,
  SourceSchema,
  TopicSchema,
} from "./schema.ts";
import type { YamlParseCache } from "./yaml-parse-cache.ts";

export interface LoadIndexOptions {
  /** Data folders (each with topics/, sources/, documents/, claims/, vocabulary/), merged into one index. */
  dataDirs: readonly string[];
  /** Where documents' text copies are, looked up in order; quotes are checked against them. */
  documentsDirs?: readonly string[] | undefined;
  /**
   * Entries added on top of the data folders (figures approved in Slack, not yet exported into data/), each
   * group named for its problems ("curated p-123"). An entry whose id data/ already has is left out quietly:
   * it was exported and committed. Their problems are `curatedProblems`, never `problems`, so that a curated
   * figure that no longer fits cannot stop the desk's own edits from loading.
   */
  curated?: readonly CuratedEntries[] | undefined;
  /** Claims retired since they were written (in Slack): loaded as if their entry said `retired:`. */
  retire?: ReadonlyMap<string, Retired> | undefined;
  /** Files parsed on an earlier load, so a reload parses only those whose contents changed. */
  parseCache?: YamlParseCache | undefined;
  /**
   * How the checking and indexing run: straight through (the default), or in slices that give the event loop
   * back, so a reload beside a serving index never stalls its answers (see schedule/time-slice.ts).
   */
  run?: StepRunner | undefined;
}

export interface CuratedEntries {
  label: string;
  topics: readonly unknown[];
  sources: readonly unknown[];
  documents: readonly unknown[];
  claims: readonly unknown[];
}

export interface LoadedIndex {
  index: ClaimsIndex;
  /** Errors: each one leaves its entry out of the index. */
  problems: IndexProblem[];
  /**
   * Claims whose quote could not be checked (a url and no text copy, or a copy not found in the documents
   * folders), and documents whose copy was not found; they still serve. When no documents folder exists at
   * all, only url-only claims are listed and `quotesNotChecked` covers the rest.
   */
  unverified: IndexProblem[];
  /**
   * One line saying why no quote was checked at all (no documents folder given, or none exists); null when
   * the copies were there to check against.
   */
  quotesNotChecked: string | null;
  /** Files read, for the "validated N files" line. */
  files: string[];
  /** Problems with curated entries (see `curated`): each leaves its entry out, and the rest still loads. */
  curatedProblems: IndexProblem[];
}

const curatedFolders = ["topics", "sources", "documents", "claims"] as const;

/** Adds the curated entries data/ does not have yet, and marks retired claims, in place. */
function overlay(
  entries: Record<(typeof curatedFolders)[number], RawEntry[]>,
  curated: readonly CuratedEntries[],
  retire: ReadonlyMap<string, Retired>,
): void {
  for (const folder of curatedFolders) {
    const ids = new Set(entries[folder].map(rawId));
    for (const group of curated) {
      for (const value of group[folder]) {
        const entry: RawEntry = { value, line: 0, keyOffsets: new Map(), file: group.label };
        const id = rawId(entry);
        if (id !== undefined && ids.has(id)) continue;
        ids.add(id);
        entries[folder].push(entry);
      }
    }
  }
  if (retire.size === 0) return;
  entries.claims = entries.claims.map((entry) => {
    const id = rawId(entry);
    const retired = id === undefined ? undefined : retire.get(id);
    const value = entry.value as Record<string, unknown> | null;
    if (!retired || value === null || typeof value !== "object" || "retired" in value) return entry;
    // A new value, to be checked again: not marked checked.
    return { value: { ...value, retired }, file: entry.file, line: entry.line, keyOffsets: entry.keyOffsets };
  });
}

const figureText = (c: Claim): string =>
  c.value !== undefined ? String(c.value) : `${String(c.low)}–${String(c.high)}`;

function whyNotChecked(
  documentsDirs: readonly string[] | undefined,
  present: readonly string[],
): string | null {
  if (documentsDirs === undefined || documentsDirs.length === 0)
    return "quotes not checked: no documents folder given (set TALLY_DOCUMENTS_DIR or --documents)";
  if (present.length === 0)
    return `quotes not checked: documents folder ${documentsDirs.join(", ")} not found (set TALLY_DOCUMENTS_DIR or --documents)`;
  return null;
}

/**
 * `{ ...at(entry, "quote", id), message }`, written out: one per claim when copies are not found (100,000), and
 * an object spread into a literal takes several times the memory of one written with its keys (37 MB against
 * 5 at 100,000 claims). The same keys in the same order.
 */
function quoteProblem(entry: RawEntry, id: string | undefined, message: string): IndexProblem {
  const line = entry.line + (entry.keyOffsets.get("quote") ?? 0);
  return id ? { file: entry.file, line, claimId: id, message } : { file: entry.file, line, message };
}

/**
 * What claims are checked against: the ids of the other folders (each mapped to itself: the one string of it
 * that claims are given to share), and the documents' text copies.
 */
interface ClaimRefs {
  topicIds: ReadonlyMap<string, string>;
  sourceIds: ReadonlyMap<string, string>;
  documentById: ReadonlyMap<string, Parsed<Document>>;
  texts: DocumentTexts;
}

/**
 * Checks every claim entry: its schema, its id, what it refers to and its quote; returns the claims that serve.
 * Yields between entries (see schedule/time-slice.ts).
 */
function* checkClaims(
  entries: readonly RawEntry[],
  refs: ClaimRefs,
  problems: IndexProblem[],
  unverified: IndexProblem[],
): Steps<Claim[]> {
  const { topicIds, sourceIds, documentById, texts } = refs;
  // One message per document, shared by its claims: at 100,000 claims whose copies are not found, a string
  // each was 37 MB alive until the load returned, all through the matcher's build.
  const uncheckedMessages = new Map<string, string>();
  const uncheckedMessage = (d: Document): string => {
    let message = uncheckedMessages.get(d.id);
    if (message === undefined) {
      message =
        d.file === undefined
          ? `quote unverified: document "${d.id}" has a url and no text copy`
          : `quote unverified: text copy ${d.file} not found`;
      uncheckedMessages.set(d.id, message);
    }
    return message;
  };
  // Claims are checked for their references and quote even when the schema failed, so that one run lists
  // everything wrong with a claim.
  const claims: Claim[] = [];
  // The entries themselves, not a copy of where each is: 100,000 objects fewer to make.
  const firstById = new Map<string, RawEntry>();
  const firstByKey = new Map<string, Parsed<Claim>>();
  for (const entry of entries) {
    yield;
    const id = rawId(entry);
    const before = problems.length;
    const parsed = parseEntry(entry, ClaimSchema, problems);
    if (id !== undefined) {
      const first = firstById.get(id);
      if (first)
        problems.push({
          ...at(entry, "id", id),
          message: `duplicate claim id (first defined at ${first.file}:${first.line})`,
        });
      else firstById.set(id, entry);
    }
    const raw = (entry.value && typeof entry.value === "object" ? entry.value : {}) as Record<
      string,
      unknown
    >;
    const { topic, source, document, quote } = raw;
    if (typeof topic === "string" && !topicIds.has(topic))
      problems.push({ ...at(entry, "topic", id), message: `unknown topic "${topic}"` });
    if (typeof source === "string" && !sourceIds.has(source))
      problems.push({ ...at(entry, "source", id), message: `unknown source "${source}"` });
    const doc = typeof document === "string" ? documentById.get(document) : undefined;
    let unchecked: IndexProblem | null = null;
    if (typeof document === "string" && !doc)
      problems.push({ ...at(entry, "document", id), message: `unknown document "${document}"` });
    if (doc && typeof quote === "string") {
      const text = texts.byId.get(doc.value.id);
      if (text !== undefined) {
        if (!text.includes(collapseWhitespace(quote)))
          problems.push({
            ...at(entry, "quote", id),
            message: `quote does not appear in ${doc.value.file}: "${quote.slice(0, 60)}…"`,
          });
      } else if (doc.value.file === undefined || texts.present.length > 0) {
        // With no documents folder at all, `quotesNotChecked` says so once instead of once per claim.
        unchecked = quoteProblem(entry, id, uncheckedMessage(doc.value));
      }
    }
    // One figure per source per topic per date, or "the source's latest figure" would be ambiguous. The same
    // figure in another document is another report of it.
    // A retired figure is history: a correction may restate its source, topic and date with another figure.
    if (parsed && !parsed.value.retired) {
      const c = parsed.value;
      const key = `${c.source}\u0000${c.topic}\u0000${c.as_of}`;
      const first = firstByKey.get(key);
      if (!first) firstByKey.set(key, parsed);
      else if (!sameFigure(first.value, c))
        problems.push({
          ...at(parsed, "as_of", c.id),
          message: `${c.source} already has a different figure on ${c.topic} as of ${c.as_of} (${first.value.id}: ${figureText(first.value)})`,
        });
      else if (first.value.document === c.document)
        problems.push({
          ...at(parsed, "document", c.id),
          message: `restates ${first.value.id} from the same document: one claim per figure per document`,
        });
    }
    if (parsed && problems.length === before) {
      // The same characters, as the one string the topic, source and document hold: JSON.parse gives every
      // claim its own copies (13 MB at 100,000 claims). Nothing that reads the claim sees a change.
      const c = parsed.value;
      c.topic = topicIds.get(c.topic) ?? c.topic;
      c.source = sourceIds.get(c.source) ?? c.source;
      c.document = doc?.value.id ?? c.document;
      claims.push(c);
      // Only a claim that serves is worth listing as unverified.
      if (unchecked) unverified.push(unchecked);
    }
  }

  return claims;
}

/**
 * Reads the data folders and returns every valid entry plus every problem, each with file, line and id. Never
 * throws on bad data: an invalid entry is left out and the rest still serves. The same figure from the same
 * source, topic and date in several documents is one claim with several reports; a different figure is an error.
 */
export async function loadIndex(options: LoadIndexOptions): Promise<LoadedIndex> {
  const run = options.run ?? straightRunner;
  const { entries, files, problems } = await readDataFolders(options.dataDirs, options.parseCache);
  const unverified: IndexProblem[] = [];
  const curatedLabels = new Set((options.curated ?? []).map((c) => c.label));
  if (curatedLabels.size > 0 || (options.retire?.size ?? 0) > 0)
    overlay(entries, options.curated ?? [], options.retire ?? new Map());

  const topics = await run(parseUniqueSteps(entries.topics, TopicSchema, "topic", problems));
  const sources = await run(parseUniqueSteps(entries.sources, SourceSchema, "source", problems));
  const documents = await run(parseUniqueSteps(entries.documents, DocumentSchema, "document", problems));
  const concepts = await run(parseUniqueSteps(entries.vocabulary, ConceptSchema, "concept", problems));

  const topicIds = new Map(topics.map((t) => [t.value.id, t.value.id]));
  for (const t of topics) {
    for (const r of t.value.related) {
      if (!topicIds.has(r))
        problems.push({ ...at(t, "related", t.value.id), message: `related: unknown topic "${r}"` });
    }
  }
  const sourceIds = new Map(sources.map((s) => [s.value.id, s.value.id]));
  const documentById = new Map(documents.map((d) => [d.value.id, d]));
  const texts = await readDocumentTexts(
    documents.map((d) => d.value),
    options.documentsDirs ?? [],
  );
  const quotesNotChecked = whyNotChecked(options.documentsDirs, texts.present);
  for (const d of documents) {
    if (d.value.file !== undefined && texts.present.length > 0 && !texts.byId.has(d.value.id)) {
      unverified.push({
        ...at(d, "file", d.value.id),
        message: `text copy ${d.value.file} not found in ${texts.present.join(", ")}`,
      });
    }
  }
  const claims = await run(
    checkClaims(entries.claims, { topicIds, sourceIds, documentById, texts }, problems, unverified),
  );
  const index = await run(
    claimsIndexSteps(
      topics.map((t) => t.value),
      sources.map((s) => s.value),
      documents.map((d) => d.value),
      claims,
      concepts.map((c) => c.value),
    ),
  );
  const byPlace = (a: IndexProblem, b: IndexProblem) =>
    a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0);
  const fromData = problems.filter((p) => !curatedLabels.has(p.file)).sort(byPlace);
  const curatedProblems = problems.filter((p) => curatedLabels.has(p.file));
  unverified.sort(byPlace);
  return { index, problems: fromData, unverified, quotesNotChecked, files, curatedProblems };
}
