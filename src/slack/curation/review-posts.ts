import type { webApi } from "@slack/bolt";
import { describeProposal } from "../../curation/describe-proposal.ts";
import type { DeskQuestion, Proposal } from "../../curation/proposal.ts";
import type { Logger } from "../../log/logger.ts";
import type { SlackMessage } from "../blocks/block-types.ts";
import type { AppDeps } from "../deps.ts";
import { deskQuestionMessage, reviewMessage } from "./review-blocks.ts";

/** A direct message from Tally to a user (chat.postMessage to a user id opens the app's DM). */
export async function tellUser(
  client: webApi.WebClient,
  user: string,
  message: SlackMessage,
  logger: Logger,
): Promise<boolean> {
  try {
    await client.chat.postMessage({ channel: user, ...message, unfurl_links: false });
    return true;
  } catch (error) {
    logger.warn("could not message a user", { user, error });
    return false;
  }
}

async function reviewFor(deps: AppDeps, proposal: Proposal): Promise<SlackMessage | null> {
  const description = describeProposal(proposal, deps.core.index());
  if (!description) return null;
  const question = proposal.answers ? await deps.curation.store.getDeskQuestion(proposal.answers) : null;
  return reviewMessage(proposal, description, question);
}

/** Posts a new proposal in the review channel and remembers where, so a decision can update it. */
export async function postForReview(
  deps: AppDeps,
  client: webApi.WebClient,
  proposal: Proposal,
  logger: Logger,
): Promise<boolean> {
  const channel = deps.curation.reviewChannel;
  const message = await reviewFor(deps, proposal);
  if (!channel || !message) return false;
  try {
    const posted = await client.chat.postMessage({ channel, ...message, unfurl_links: false });
    if (posted.ts) await deps.curation.store.setProposalReview(proposal.id, { channel, ts: posted.ts });
    return true;
  } catch (error) {
    logger.error("could not post a proposal for review", { proposal: proposal.id, error });
    return false;
  }
}

/** Rewrites a proposal's review message to show where it stands (edited, approved, rejected). */
export async function updateReview(
  deps: AppDeps,
  client: webApi.WebClient,
  proposal: Proposal,
  logger: Logger,
): Promise<void> {
  const message = await reviewFor(deps, proposal);
  if (!proposal.review || !message) return;
  try {
    await client.chat.update({ channel: proposal.review.channel, ts: proposal.review.ts, ...message });
  } catch (error) {
    logger.warn("could not update a review message", { proposal: proposal.id, error });
  }
}

/** Posts a desk question in the review channel and remembers where. */
export async function postDeskQuestion(
  deps: AppDeps,
  client: webApi.WebClient,
  question: DeskQuestion,
  logger: Logger,
): Promise<boolean> {
  const channel = deps.curation.reviewChannel;
  if (!channel) return false;
  try {
    const posted = await client.chat.postMessage({ channel, ...deskQuestionMessage(question, null) });
    if (posted.ts) await deps.curation.store.setDeskQuestionReview(question.id, { channel, ts: posted.ts });
    return true;
  } catch (error) {
    logger.error("could not post a desk question", { question: question.id, error });
    return false;
  }
}

/** Marks a desk question answered in the review channel. */
export async function updateDeskQuestion(
  deps: AppDeps,
  client: webApi.WebClient,
  question: DeskQuestion,
  logger: Logger,
): Promise<void> {
  if (!question.review) return;
  const title = question.answer
    ? (deps.core.index().topicById.get(question.answer.topicId)?.title ?? null)
    : null;
  try {
    await client.chat.update({
      channel: question.review.channel,
      ts: question.review.ts,
      ...deskQuestionMessage(question, title),
    });
  } catch (error) {
    logger.warn("could not update a desk question", { question: question.id, error });
  }
}
