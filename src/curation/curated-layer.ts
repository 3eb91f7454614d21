import type { CuratedLayer } from "../answer/live-core.ts";
import type { CuratedEntries } from "../claims/load-index.ts";
import type { Claim, Provenance, Retired } from "../claims/schema.ts";
import type { CurationStore } from "../store/curation-store.ts";
import type { Proposal, Retirement } from "./proposal.ts";

/** Who proposed and approved a figure, and from where: what every curated claim carries. */
export function provenanceOf(proposal: Proposal): Provenance | null {
  if (proposal.status !== "approved" || !proposal.decision) return null;
  return {
    proposed_by: proposal.proposedBy,
    proposed_at: proposal.proposedAt,
    approved_by: proposal.decision.by,
    approved_at: proposal.decision.at,
    ...(proposal.origin?.permalink ? { permalink: proposal.origin.permalink } : {}),
    proposal: proposal.id,
  };
}

/** The `retired:` a claim gets from a retirement recorded in Slack. */
export function retiredOf(r: Retirement): Retired {
  return {
    on: r.at.slice(0, 10),
    by: r.by,
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.replacedBy ? { replaced_by: r.replacedBy } : {}),
  };
}

/** An approved proposal's entries as the data layout has them, its claims stamped with their provenance. */
export function approvedEntries(proposal: Proposal): CuratedEntries & { claims: Claim[] } {
  const provenance = provenanceOf(proposal);
  return {
    label: `curated ${proposal.id}`,
    topics: proposal.entries.topics,
    sources: proposal.entries.sources,
    documents: proposal.entries.documents,
    claims: proposal.entries.claims.map((c) => ({ ...c, ...(provenance ? { provenance } : {}) })),
  };
}

/** What the store says curation adds to data/: approved figures, in approval order, retirements and checks. */
export async function readCuratedLayer(store: CurationStore): Promise<CuratedLayer> {
  const [approved, retirements, checks] = await Promise.all([
    store.listProposals({ status: "approved" }),
    store.listRetirements(),
    store.latestTopicChecks(),
  ]);
  approved.sort((a, b) => (a.decision?.at ?? "").localeCompare(b.decision?.at ?? ""));
  return {
    entries: approved.map(approvedEntries),
    retire: new Map(retirements.map((r) => [r.claimId, retiredOf(r)])),
    checks: new Map(checks.map((c) => [c.topicId, c.at])),
  };
}
