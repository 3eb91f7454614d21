import { randomUUID } from "node:crypto";
import type { webApi } from "@slack/bolt";
import type { ClaimsIndex } from "../../claims/claims-index.ts";
import type { Claim } from "../../claims/schema.ts";
import type { Proposal } from "../../curation/proposal.ts";
import { formatFigure } from "../../figures/format-figure.ts";
import type { Logger } from "../../log/logger.ts";
import { addFigureView, type FigurePrefill } from "./add-figure-view.ts";
import { curationCopy as copy } from "./curation-copy.ts";
import { CURATION } from "./curation-ids.ts";
import { encodeFlowMeta, type FlowMeta } from "./figure-flow-meta.ts";

/** A new proposal id: short, unique, and fit to stem entry ids. */
export const newProposalId = (): string => `p-${randomUUID().slice(0, 8)}`;

const titles = { add: copy.addTitle, edit: copy.editTitle, correct: copy.correctTitle } as const;

/** Opens the add-figure modal (within the 3 seconds a trigger_id lives); false when Slack refused. */
export async function openFigureForm(
  client: webApi.WebClient,
  triggerId: string | undefined,
  prefill: FigurePrefill,
  meta: FlowMeta,
  logger: Logger,
): Promise<boolean> {
  if (!triggerId) return false;
  try {
    await client.views.open({
      trigger_id: triggerId,
      view: addFigureView(prefill, {
        callbackId: CURATION.addView,
        privateMetadata: encodeFlowMeta(meta),
        title: titles[meta.m],
        submit: copy.addSubmit,
      }),
    });
    return true;
  } catch (error) {
    logger.warn("could not open the add-figure form", { error });
    return false;
  }
}

/** The form filled with a claim, for a correction or an edit: every field as the index has it. */
export function prefillFromClaim(claim: Claim, index: ClaimsIndex): FigurePrefill {
  const topic = index.topicById.get(claim.topic);
  const source = index.sourceById.get(claim.source);
  const document = index.documentById.get(claim.document);
  return {
    ...(topic ? { topic: { id: topic.id, title: topic.title } } : {}),
    figureText: formatFigure({ ...claim, unit: topic?.unit ?? "people" }),
    ...(claim.as_of.length === 10 ? { asOf: claim.as_of } : {}),
    ...(source ? { source: { id: source.id, name: source.name } } : {}),
    ...(document
      ? {
          document: {
            ...(document.url ? { url: document.url } : {}),
            outlet: document.outlet,
            headline: document.headline,
            published: document.published,
          },
        }
      : {}),
    quote: claim.quote,
  };
}

/** The form filled with a pending proposal, for a curator's edit (new topics and sources as typed). */
export function prefillFromProposal(proposal: Proposal, index: ClaimsIndex): FigurePrefill {
  const claim = proposal.entries.claims[0];
  if (!claim) return {};
  const base = prefillFromClaim(claim, index);
  const newTopic = proposal.entries.topics.find((t) => t.id === claim.topic);
  const newSource = proposal.entries.sources.find((s) => s.id === claim.source);
  const newDocument = proposal.entries.documents.find((d) => d.id === claim.document);
  return {
    ...base,
    figureText: proposal.figureText,
    ...(newTopic
      ? {
          newTopic: {
            subject: newTopic.subject,
            measure: newTopic.measure,
            period: newTopic.period,
            unit: newTopic.unit,
            ...(newTopic.place ? { place: newTopic.place } : {}),
          },
        }
      : {}),
    ...(newSource ? { newSourceName: newSource.name } : {}),
    ...(newDocument
      ? {
          document: {
            ...(newDocument.url ? { url: newDocument.url } : {}),
            outlet: newDocument.outlet,
            headline: newDocument.headline,
            published: newDocument.published,
          },
        }
      : {}),
  };
}
