import { type Steps, sliceConfig } from "../schedule/time-slice.ts";
import { sameFigure } from "./claims-index.ts";
import { collapseWhitespace, type DocumentTexts } from "./document-texts.ts";
import type { IndexProblem } from "./index-problem.ts";
import { at, type Parsed, parseEntry, problemAt, rawId } from "./parse-entries.ts";
import type { RawEntry } from "./read-data-folders.ts";
import { type Claim, ClaimSchema, type Document } from "./schema.ts";

/**
 * What claims are checked against: the ids of the other folders (each mapped to itself: the one string of it
 * that claims are given to share), and the documents' text copies.
 */
export interface ClaimRefs {
  topicIds: ReadonlyMap<string, string>;
  sourceIds: ReadonlyMap<string, string>;
  documentById: ReadonlyMap<string, Parsed<Document>>;
  texts: DocumentTexts;
}

/**
 * What one claim entry gives on its own, against the refs: everything but the checks across entries (ids
 * unique, one figure per source, topic and date), which are run again at every load.
 */
interface EntryVerdict {
  id: string | undefined;
  parsed: Parsed<Claim> | null;
  /** Its schema's problems, then (after the id's) those of what it refers to and its quote. */
  schemaProblems: readonly IndexProblem[];
  refProblems: readonly IndexProblem[];
  unchecked: IndexProblem | null;
  /** Source, topic and date of a live figure: one figure each. */
  figureKey: string | null;
}

/** Whether two maps hold the same keys with the same values; yields every few hundred keys. */
function* sameMap<K, V>(
  a: ReadonlyMap<K, V>,
  b: ReadonlyMap<K, V>,
  same: (x: V, y: V) => boolean,
): Steps<boolean> {
  if (a.size !== b.size) return false;
  let n = 0;
  for (const [k, v] of a) {
    if (++n % sliceConfig.itemsPerStep === 0) yield;
    if (!b.has(k) || !same(v, b.get(k) as V)) return false;
  }
  return true;
}

const always = () => true;

/** Whether every claim's verdict on its own is the same against either: what a claim reads of the refs. */
function* sameRefs(a: ClaimRefs, b: ClaimRefs): Steps<boolean> {
  return (
    a.texts.present.length > 0 === b.texts.present.length > 0 &&
    (yield* sameMap(a.topicIds, b.topicIds, always)) &&
    (yield* sameMap(a.sourceIds, b.sourceIds, always)) &&
    (yield* sameMap(a.documentById, b.documentById, (x, y) => x.value.file === y.value.file)) &&
    (yield* sameMap(a.texts.byId, b.texts.byId, (x, y) => x === y))
  );
}

/**
 * Each claim entry's verdict on its own, kept from one load to the next: the parse cache hands back the very
 * same entries for files that did not change, so a reload after one edit checks that file's claims only, and
 * runs just the checks across entries over the rest. Verdicts are dropped when the refs change in a way a claim
 * could see (an id added or removed, a document's text copy changed). Weak: an entry no file holds is forgotten.
 */
export class ClaimVerdicts {
  #refs: ClaimRefs | null = null;
  #byEntry = new WeakMap<RawEntry, EntryVerdict>();

  /** The verdicts against these refs: those kept when a claim would see no change in them, else none. */
  *against(refs: ClaimRefs): Steps<WeakMap<RawEntry, EntryVerdict>> {
    if (this.#refs === null || !(yield* sameRefs(this.#refs, refs))) this.#byEntry = new WeakMap();
    this.#refs = refs;
    return this.#byEntry;
  }
}

const noProblems: readonly IndexProblem[] = Object.freeze([]);

const figureText = (c: Claim): string =>
  c.value !== undefined ? String(c.value) : `${String(c.low)}–${String(c.high)}`;

/**
 * One message per document, shared by its claims: at 100,000 claims whose copies are not found, a string each
 * was 37 MB kept alive through the matcher's build.
 */
function uncheckedMessage(d: Document, messages: Map<string, string>): string {
  let message = messages.get(d.id);
  if (message === undefined) {
    message =
      d.file === undefined
        ? `quote unverified: document "${d.id}" has a url and no text copy`
        : `quote unverified: text copy ${d.file} not found`;
    messages.set(d.id, message);
  }
  return message;
}

/** One entry checked on its own: its schema, what it refers to and its quote. */
function verdictOf(entry: RawEntry, refs: ClaimRefs, messages: Map<string, string>): EntryVerdict {
  const { topicIds, sourceIds, documentById, texts } = refs;
  const id = rawId(entry);
  const schemaProblems: IndexProblem[] = [];
  const parsed = parseEntry(entry, ClaimSchema, schemaProblems);
  // Claims are checked for their references and quote even when the schema failed, so that one run lists
  // everything wrong with a claim.
  const refProblems: IndexProblem[] = [];
  const raw = (entry.value && typeof entry.value === "object" ? entry.value : {}) as Record<string, unknown>;
  const { topic, source, document, quote } = raw;
  if (typeof topic === "string" && !topicIds.has(topic))
    refProblems.push({ ...at(entry, "topic", id), message: `unknown topic "${topic}"` });
  if (typeof source === "string" && !sourceIds.has(source))
    refProblems.push({ ...at(entry, "source", id), message: `unknown source "${source}"` });
  const doc = typeof document === "string" ? documentById.get(document) : undefined;
  let unchecked: IndexProblem | null = null;
  if (typeof document === "string" && !doc)
    refProblems.push({ ...at(entry, "document", id), message: `unknown document "${document}"` });
  if (doc && typeof quote === "string") {
    const text = texts.byId.get(doc.value.id);
    if (text !== undefined) {
      if (!text.includes(collapseWhitespace(quote)))
        refProblems.push({
          ...at(entry, "quote", id),
          message: `quote does not appear in ${doc.value.file}: "${quote.slice(0, 60)}…"`,
        });
    } else if (doc.value.file === undefined || texts.present.length > 0) {
      // With no documents folder at all, `quotesNotChecked` says so once instead of once per claim.
      unchecked = problemAt(entry, "quote", id, uncheckedMessage(doc.value, messages));
    }
  }
  let figureKey: string | null = null;
  if (parsed) {
    // The same characters, as the one string the topic, source and document hold: JSON.parse gives every
    // claim its own copies (13 MB at 100,000 claims). Nothing that reads the claim sees a change.
    const c = parsed.value;
    c.topic = topicIds.get(c.topic) ?? c.topic;
    c.source = sourceIds.get(c.source) ?? c.source;
    c.document = doc?.value.id ?? c.document;
    // A retired figure is history: a correction may restate its source, topic and date with another figure.
    if (!c.retired) figureKey = `${c.source}\u0000${c.topic}\u0000${c.as_of}`;
  }
  // Most entries have no problem: they share one empty list rather than keep two of their own.
  const or = (list: IndexProblem[]) => (list.length > 0 ? list : noProblems);
  return {
    id,
    parsed,
    schemaProblems: or(schemaProblems),
    refProblems: or(refProblems),
    unchecked,
    figureKey,
  };
}

/**
 * Checks every claim entry: its schema, its id, what it refers to and its quote; returns the claims that serve.
 * An entry's verdict on its own is taken from `verdicts` when kept there (see ClaimVerdicts); the checks across
 * entries run over all of them, so every problem is what a fresh load would say, in the same order. Yields
 * between entries (see schedule/time-slice.ts).
 */
export function* checkClaims(
  entries: readonly RawEntry[],
  refs: ClaimRefs,
  verdicts: ClaimVerdicts,
  problems: IndexProblem[],
  unverified: IndexProblem[],
): Steps<Claim[]> {
  const kept = yield* verdicts.against(refs);
  const messages = new Map<string, string>();
  const claims: Claim[] = [];
  // The entries themselves, not a copy of where each is: 100,000 objects fewer to make.
  const firstById = new Map<string, RawEntry>();
  const firstByKey = new Map<string, Parsed<Claim>>();
  let n = 0;
  for (const entry of entries) {
    // A kept verdict costs a few map lookups: many go between two steps.
    let verdict = kept.get(entry);
    if (verdict === undefined) {
      yield;
      verdict = verdictOf(entry, refs, messages);
      kept.set(entry, verdict);
    } else if (++n % 64 === 0) yield;
    const { id, parsed } = verdict;
    const before = problems.length;
    for (const p of verdict.schemaProblems) problems.push(p);
    if (id !== undefined) {
      const first = firstById.get(id);
      if (first)
        problems.push({
          ...at(entry, "id", id),
          message: `duplicate claim id (first defined at ${first.file}:${first.line})`,
        });
      else firstById.set(id, entry);
    }
    for (const p of verdict.refProblems) problems.push(p);
    // One figure per source per topic per date, or "the source's latest figure" would be ambiguous. The same
    // figure in another document is another report of it.
    if (parsed && verdict.figureKey !== null) {
      const c = parsed.value;
      const first = firstByKey.get(verdict.figureKey);
      if (!first) firstByKey.set(verdict.figureKey, parsed);
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
      claims.push(parsed.value);
      // Only a claim that serves is worth listing as unverified.
      if (verdict.unchecked) unverified.push(verdict.unchecked);
    }
  }
  return claims;
}
