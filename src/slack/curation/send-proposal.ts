import type { webApi } from "@slack/bolt";
import { buildProposal } from "../../curation/build-proposal.ts";
import type { FigureForm } from "../../curation/figure-form.ts";
import type { Proposal } from "../../curation/proposal.ts";
import type { Logger } from "../../log/logger.ts";
import type { AppDeps } from "../deps.ts";
import { curationCopy as copy } from "./curation-copy.ts";
import type { FlowMeta } from "./figure-flow-meta.ts";
import { plainMessage } from "./plain-message.ts";
import { postForReview, tellUser, updateReview } from "./review-posts.ts";

const titleOf = (deps: AppDeps, p: Proposal): string => {
  const claim = p.entries.claims[0];
  const topicId = claim?.topic ?? "";
  return (
    p.entries.topics.find((t) => t.id === topicId)?.title ??
    deps.core.index().topicById.get(topicId)?.title ??
    topicId
  );
};

/**
 * A confirmed figure form, acted on: a new figure goes to the review queue; a curator's edit replaces the
 * pending proposal; a curator's correction takes effect at once (and is posted to the queue for the record),
 * while anyone else's correction waits for review like any figure.
 */
export async function sendProposal(
  deps: AppDeps,
  client: webApi.WebClient,
  input: { form: FigureForm; meta: FlowMeta; user: string; id: string },
  logger: Logger,
): Promise<void> {
  const { form, meta, user } = input;
  const { desk, store } = deps.curation;
  const isCurator = await deps.curation.isCurator(user, client);
  let base: Pick<
    Proposal,
    "proposedBy" | "origin" | "answers" | "corrects" | "review" | "proposedAt"
  > | null = null;
  if (meta.m === "edit") {
    const existing = meta.p ? await store.getProposal(meta.p) : null;
    if (existing?.status !== "pending") {
      await tellUser(client, user, plainMessage(copy.review.unknown), logger);
      return;
    }
    if (!isCurator) {
      await tellUser(client, user, plainMessage(copy.notCurator), logger);
      return;
    }
    base = existing;
  }
  const built = buildProposal(form, deps.core.index(), {
    id: input.id,
    proposedBy: base?.proposedBy ?? user,
    now: deps.now(),
    origin:
      base?.origin ??
      (meta.o ? { channel: meta.o.channel, messageTs: meta.o.ts, permalink: meta.o.permalink } : null),
    corrects: base?.corrects ?? meta.c ?? null,
    answers: base?.answers ?? meta.a ?? null,
  });
  if (!built.ok) {
    // The index changed between the two steps (someone else's figure landed first): say what, keep nothing.
    await tellUser(client, user, plainMessage(Object.values(built.errors).join("\n")), logger);
    return;
  }
  if (base) {
    const edited: Proposal = { ...built.proposal, proposedAt: base.proposedAt, review: base.review };
    await store.saveProposal(edited);
    await updateReview(deps, client, edited, logger);
    logger.info("proposal edited", { proposal: edited.id });
    return;
  }
  const proposal = built.proposal;
  await desk.submit(proposal);
  logger.info("figure proposed", { proposal: proposal.id, corrects: proposal.corrects });
  if (meta.m === "correct" && isCurator) {
    const result = await desk.approve(proposal.id, user);
    const decided = result.kind === "decided" ? result.proposal : proposal;
    await postForReview(deps, client, decided, logger);
    await tellUser(client, user, plainMessage(copy.sentCorrection(titleOf(deps, decided))), logger);
    return;
  }
  await postForReview(deps, client, proposal, logger);
  await tellUser(client, user, plainMessage(copy.sent(titleOf(deps, proposal))), logger);
}
