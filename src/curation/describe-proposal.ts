import type { ClaimsIndex } from "../claims/claims-index.ts";
import { formatAsOfDate } from "../figures/format-as-of.ts";
import { formatFigure } from "../figures/format-figure.ts";
import type { Proposal } from "./proposal.ts";

/** A proposal as a curator reads it: names and figures, not ids. */
export interface ProposalDescription {
  topicTitle: string;
  topicIsNew: boolean;
  topicId: string;
  /** "over 1,000,000 people", "€2.4 million". */
  figureText: string;
  asOfText: string;
  sourceName: string;
  sourceIsNew: boolean;
  document: { outlet: string; headline: string; url: string | null };
  quote: string;
  /** For a correction: the figure it replaces. */
  corrects: { figureText: string; sourceName: string } | null;
}

/** Null when the proposal has no claim (a stored row from an older build, say). */
export function describeProposal(proposal: Proposal, index: ClaimsIndex): ProposalDescription | null {
  const claim = proposal.entries.claims[0];
  if (!claim) return null;
  const newTopic = proposal.entries.topics.find((t) => t.id === claim.topic);
  const topic = newTopic ?? index.topicById.get(claim.topic);
  const newSource = proposal.entries.sources.find((s) => s.id === claim.source);
  const source = newSource ?? index.sourceById.get(claim.source);
  const document =
    proposal.entries.documents.find((d) => d.id === claim.document) ?? index.documentById.get(claim.document);
  const unit = topic?.unit ?? "people";
  const replaced = proposal.corrects ? index.claimById.get(proposal.corrects) : undefined;
  return {
    topicTitle: topic?.title ?? claim.topic,
    topicIsNew: newTopic !== undefined,
    topicId: claim.topic,
    figureText: formatFigure({ ...claim, unit }),
    asOfText: formatAsOfDate(claim.as_of),
    sourceName: source?.name ?? claim.source,
    sourceIsNew: newSource !== undefined,
    document: {
      outlet: document?.outlet ?? "",
      headline: document?.headline ?? "",
      url: document?.url ?? null,
    },
    quote: claim.quote,
    corrects: replaced
      ? {
          figureText: formatFigure({ ...replaced, unit }),
          sourceName: index.sourceById.get(replaced.source)?.name ?? replaced.source,
        }
      : null,
  };
}
