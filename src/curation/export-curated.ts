import { isScalar, visit, Document as YamlDocument } from "yaml";
import { type ClaimsIndex, sameFigure } from "../claims/claims-index.ts";
import type { Claim, Document, Retired, Source, Topic } from "../claims/schema.ts";
import { provenanceOf, retiredOf } from "./curated-layer.ts";
import type { Proposal, Retirement } from "./proposal.ts";

/** Where a data/ claim is written. */
export interface ClaimLocation {
  file: string;
  line: number;
}

export interface ExportCuratedInput {
  /** data/ as loaded, without curated entries. */
  index: ClaimsIndex;
  /** Approved proposals, oldest first. */
  approved: readonly Proposal[];
  retirements: readonly Retirement[];
  /** Where each data/ claim is, so the hand edit for a retirement can say where to make it. */
  claimLocations?: ReadonlyMap<string, ClaimLocation>;
}

/** A data/ claim retired in Slack: data/ is the desk's own writing, so export says what to add, not adds it. */
export interface RetiredInData {
  claimId: string;
  where: ClaimLocation | null;
  retired: Retired;
  /** The `retired:` block to add to the claim's entry, as YAML lines (indented as a key of the entry). */
  lines: string[];
}

export type SkipReason = "in-data" | "same-figure" | "conflict" | "no-decision";

export interface SkippedClaim {
  claimId: string;
  proposal: string;
  reason: SkipReason;
  /** Said so the desk can act on it: which data/ claim it duplicates or contradicts. */
  detail: string;
}

export interface CuratedExport {
  topics: Topic[];
  sources: Source[];
  documents: Document[];
  claims: Claim[];
  retiredInData: RetiredInData[];
  skipped: SkippedClaim[];
  /** Retired claims that are neither in data/ nor in an approved proposal. */
  unknownRetirements: string[];
}

/**
 * YAML as the desk writes it: dates quoted ("2025-03-05"), since unquoted a YAML 1.1 reader (and some editors)
 * would take them for timestamps; no line folding.
 */
export function toYaml(value: unknown): string {
  const doc = new YamlDocument(value);
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === "string" && /^\d{4}-\d\d/.test(node.value))
        node.type = "QUOTE_DOUBLE";
    },
  });
  return doc.toString({ lineWidth: 0 });
}

const figureKey = (c: Claim): string => `${c.topic}\u0000${c.source}\u0000${c.as_of}`;
const figureText = (c: Claim): string =>
  c.value !== undefined ? String(c.value) : `${String(c.low)} to ${String(c.high)}`;

/** Every id data/ has for a claim, including restatements merged into another claim as its reports. */
function dataClaimIds(index: ClaimsIndex): Set<string> {
  const ids = new Set(index.claimById.keys());
  for (const reports of index.reportsByClaim.values()) for (const r of reports) ids.add(r.claimId);
  return ids;
}

/**
 * What `claims export` writes: the entries of approved proposals that data/ does not have yet (by id; a claim
 * also not when data/ has its figure from its source on its topic and date), each claim with its provenance
 * and, when retired in Slack, `retired`; and the `retired:` blocks to add by hand to data/ claims retired in
 * Slack. A claim that contradicts a live data/ figure (same source, topic and date) is left out and said,
 * since writing it would make the data folder fail validation.
 */
export function exportCurated(input: ExportCuratedInput): CuratedExport {
  const { index } = input;
  const retiredById = new Map(input.retirements.map((r) => [r.claimId, r]));
  const inData = dataClaimIds(index);
  const out: CuratedExport = {
    topics: [],
    sources: [],
    documents: [],
    claims: [],
    retiredInData: [],
    skipped: [],
    unknownRetirements: [],
  };

  // Live figures by source, topic and date: data/'s, then each exported one, to catch restatements and clashes.
  const live = new Map<string, Claim>();
  for (const c of index.claims)
    if (!retiredById.has(c.id) && !live.has(figureKey(c))) live.set(figureKey(c), c);

  const added = { topics: new Set<string>(), sources: new Set<string>(), documents: new Set<string>() };
  const approvedClaimIds = new Set<string>();
  for (const p of input.approved) {
    for (const t of p.entries.topics)
      if (!index.topicById.has(t.id) && !added.topics.has(t.id)) {
        added.topics.add(t.id);
        out.topics.push(t);
      }
    for (const s of p.entries.sources)
      if (!index.sourceById.has(s.id) && !added.sources.has(s.id)) {
        added.sources.add(s.id);
        out.sources.push(s);
      }
    for (const d of p.entries.documents)
      if (!index.documentById.has(d.id) && !added.documents.has(d.id)) {
        added.documents.add(d.id);
        out.documents.push(d);
      }
    for (const c of p.entries.claims) {
      const skip = (reason: SkipReason, detail: string) =>
        out.skipped.push({ claimId: c.id, proposal: p.id, reason, detail });
      if (approvedClaimIds.has(c.id) || inData.has(c.id)) {
        if (!approvedClaimIds.has(c.id)) skip("in-data", "data/ has a claim with this id");
        approvedClaimIds.add(c.id);
        continue;
      }
      approvedClaimIds.add(c.id);
      if (!p.decision) {
        skip("no-decision", "approved without a recorded decision, so who approved it is unknown");
        continue;
      }
      const retirement = retiredById.get(c.id);
      const retired = retirement ? retiredOf(retirement) : c.retired;
      if (!retired) {
        const same = live.get(figureKey(c));
        if (same && sameFigure(same, c)) {
          skip("same-figure", `${same.id} already gives ${figureText(c)} from ${c.source} as of ${c.as_of}`);
          continue;
        }
        if (same) {
          skip(
            "conflict",
            `${same.id} gives ${figureText(same)} from ${c.source} on ${c.topic} as of ${c.as_of}, this ${figureText(c)}: retire one`,
          );
          continue;
        }
        live.set(figureKey(c), c);
      }
      const provenance = provenanceOf(p);
      out.claims.push({ ...c, ...(provenance ? { provenance } : {}), ...(retired ? { retired } : {}) });
    }
  }

  for (const r of input.retirements) {
    if (!inData.has(r.claimId)) {
      if (!approvedClaimIds.has(r.claimId)) out.unknownRetirements.push(r.claimId);
      continue;
    }
    // Already marked in data/: the desk made the edit.
    if (index.claimById.get(r.claimId)?.retired) continue;
    const retired = retiredOf(r);
    const block = toYaml({ retired }).trimEnd();
    out.retiredInData.push({
      claimId: r.claimId,
      where: input.claimLocations?.get(r.claimId) ?? null,
      retired,
      lines: block.split("\n"),
    });
  }
  return out;
}
