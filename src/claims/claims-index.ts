import { runToEnd, type Steps, sliceConfig } from "../schedule/time-slice.ts";
import { ClaimReports } from "./claim-reports.ts";
import type { Claim, Concept, Document, Source, Topic } from "./schema.ts";

/** One document reporting a claim, with the quote it gives. */
export interface Report {
  document: Document;
  quote: string;
  claimId: string;
}

/** The validated, cross-referenced claims data; immutable once built. */
export interface ClaimsIndex {
  topics: readonly Topic[];
  topicById: ReadonlyMap<string, Topic>;
  sourceById: ReadonlyMap<string, Source>;
  documentById: ReadonlyMap<string, Document>;
  /** The newsroom vocabulary (`vocabulary/`) the matcher and the flag detector read. */
  concepts: readonly Concept[];
  /**
   * One entry per live figure (retired ones are in `retiredByTopic`). The same figure from the same source on the same topic and date, reported by several
   * documents, is one claim (the first by document id, then claim id) with several reports.
   */
  claims: readonly Claim[];
  claimsByTopic: ReadonlyMap<string, readonly Claim[]>;
  /** Claims taken out of answers (`retired`), by topic: they stay in the topic's history. */
  retiredByTopic: ReadonlyMap<string, readonly Claim[]>;
  /** Every claim kept, live or retired, by id (a restatement merged into another is that one's report). */
  claimById: ReadonlyMap<string, Claim>;
  /** Every report of a claim, its own first; claims reported once have one. */
  reportsByClaim: ReadonlyMap<string, readonly Report[]>;
}

/** The same figure, to the letter: a restatement, which is merged (not a disagreement). */
export const sameFigure = (a: Claim, b: Claim): boolean =>
  a.value === b.value && a.low === b.low && a.high === b.high && a.qualifier === b.qualifier;

/**
 * Builds the index from validated entries. Claims that restate one figure (same source, topic, as_of and
 * figure) are merged into one claim with several reports; the loader reports a different figure with the same
 * source, topic and date as a problem before this runs.
 */
export function buildClaimsIndex(
  topics: Topic[],
  sources: Source[],
  documents: Document[],
  claims: Claim[],
  concepts: Concept[] = [],
): ClaimsIndex {
  return runToEnd(claimsIndexSteps(topics, sources, documents, claims, concepts));
}

/** `buildClaimsIndex`, yielding every few hundred claims (see schedule/time-slice.ts). */
export function* claimsIndexSteps(
  topics: Topic[],
  sources: Source[],
  documents: Document[],
  claims: Claim[],
  concepts: Concept[] = [],
): Steps<ClaimsIndex> {
  let n = 0;
  const documentById = new Map(documents.map((d) => [d.id, d]));
  // A retired figure is merged with nothing: it is history, not a report of a live one.
  const keyOf = (c: Claim): string =>
    c.retired ? `retired\u0000${c.id}` : `${c.topic}\u0000${c.source}\u0000${c.as_of}`;
  // Restatements are taken in document then claim id order, so which one is the claim (and whose report comes
  // first) is the same whatever order the files were loaded in.
  const restatementOrder = (a: Claim, b: Claim): number =>
    a.document.localeCompare(b.document) || a.id.localeCompare(b.id);
  // A group of one (most are) is the claim itself: no array made for it.
  const groups = new Map<string, Claim | Claim[]>();
  for (const c of claims) {
    if (++n % sliceConfig.itemsPerStep === 0) yield;
    const key = keyOf(c);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, c);
    else if (Array.isArray(group)) group.push(c);
    else groups.set(key, [group, c]);
  }
  const kept: Claim[] = [];
  // Only a claim that restatements were merged into keeps a list (see claim-reports.ts).
  const restated = new Map<string, Report[]>();
  const reportOf = (c: Claim): Report | null => {
    const document = documentById.get(c.document);
    return document ? { document, quote: c.quote, claimId: c.id } : null;
  };
  for (const group of groups.values()) {
    if (++n % sliceConfig.itemsPerStep === 0) yield;
    // The loader reports a different figure on the same key; one built by hand keeps both.
    const ordered = Array.isArray(group) ? group.sort(restatementOrder) : [group];
    const merged: Claim[] = [];
    for (const c of ordered) {
      const into = merged[0];
      if (into && sameFigure(into, c)) {
        const report = reportOf(c);
        if (!report) continue;
        let reports = restated.get(into.id);
        if (!reports) {
          const own = reportOf(into);
          reports = own ? [own] : [];
          restated.set(into.id, reports);
        }
        reports.push(report);
        continue;
      }
      merged.push(c);
      kept.push(c);
    }
  }
  const claimsByTopic = new Map<string, Claim[]>();
  const retiredByTopic = new Map<string, Claim[]>();
  const live: Claim[] = [];
  for (const c of kept) {
    if (++n % sliceConfig.itemsPerStep === 0) yield;
    const byTopic = c.retired ? retiredByTopic : claimsByTopic;
    const list = byTopic.get(c.topic) ?? [];
    list.push(c);
    byTopic.set(c.topic, list);
    if (!c.retired) live.push(c);
  }
  const claimById = new Map<string, Claim>();
  for (const c of kept) {
    claimById.set(c.id, c);
    if (++n % sliceConfig.itemsPerStep === 0) yield;
  }
  return {
    topics,
    topicById: new Map(topics.map((t) => [t.id, t])),
    sourceById: new Map(sources.map((s) => [s.id, s])),
    documentById,
    concepts,
    claims: live,
    claimsByTopic,
    retiredByTopic,
    claimById,
    reportsByClaim: new ClaimReports(claimById, documentById, restated),
  };
}
