import { type StepRunner, type Steps, sliceConfig, straightRunner } from "../schedule/time-slice.ts";
import { type ClaimRefs, ClaimVerdicts, checkClaims } from "./claim-checks.ts";
import { type ClaimsIndex, claimsIndexSteps } from "./claims-index.ts";
import { readDocumentTexts } from "./document-texts.ts";
import type { IndexProblem } from "./index-problem.ts";
import { at, type Parsed, parseUniqueSteps, rawId } from "./parse-entries.ts";
import { type RawEntry, readDataFolders } from "./read-data-folders.ts";
import {
  ConceptSchema,
  type Document,
  DocumentSchema,
  type Retired,
  type Source,
  SourceSchema,
  type Topic,
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
  /** Claim entries' verdicts from an earlier load, so a reload checks only the claims of files that changed. */
  claimVerdicts?: ClaimVerdicts | undefined;
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

/** The ids claims refer to, each mapped to itself, and unknown related topics; yields every few hundred. */
function* refsSteps(
  topics: ReadonlyArray<Parsed<Topic>>,
  sources: ReadonlyArray<Parsed<Source>>,
  documents: ReadonlyArray<Parsed<Document>>,
  problems: IndexProblem[],
): Steps<Omit<ClaimRefs, "texts">> {
  let n = 0;
  const topicIds = new Map<string, string>();
  for (const t of topics) {
    if (++n % sliceConfig.itemsPerStep === 0) yield;
    topicIds.set(t.value.id, t.value.id);
  }
  for (const t of topics) {
    if (++n % sliceConfig.itemsPerStep === 0) yield;
    for (const r of t.value.related) {
      if (!topicIds.has(r))
        problems.push({ ...at(t, "related", t.value.id), message: `related: unknown topic "${r}"` });
    }
  }
  const sourceIds = new Map<string, string>();
  for (const s of sources) {
    if (++n % sliceConfig.itemsPerStep === 0) yield;
    sourceIds.set(s.value.id, s.value.id);
  }
  const documentById = new Map<string, Parsed<Document>>();
  for (const d of documents) {
    if (++n % sliceConfig.itemsPerStep === 0) yield;
    documentById.set(d.value.id, d);
  }
  return { topicIds, sourceIds, documentById };
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

  const { topicIds, sourceIds, documentById } = await run(refsSteps(topics, sources, documents, problems));
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
    checkClaims(
      entries.claims,
      { topicIds, sourceIds, documentById, texts },
      options.claimVerdicts ?? new ClaimVerdicts(),
      problems,
      unverified,
    ),
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
