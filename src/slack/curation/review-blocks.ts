import type { ProposalDescription } from "../../curation/describe-proposal.ts";
import type { DeskQuestion, Proposal } from "../../curation/proposal.ts";
import type { KnownBlock, SlackMessage } from "../blocks/block-types.ts";
import { cutToFit, LIMITS } from "../blocks/limits.ts";
import { curationCopy as copy } from "./curation-copy.ts";
import { CURATION } from "./curation-ids.ts";

/** The review-queue message for a proposal: what it adds, who proposed it, and the curators' buttons. */
export function reviewMessage(
  proposal: Proposal,
  d: ProposalDescription,
  question: DeskQuestion | null,
): SlackMessage {
  const lines = [
    copy.review.topic(d.topicTitle, d.topicIsNew),
    copy.review.figure(d.figureText, d.asOfText),
    copy.review.source(d.sourceName, d.sourceIsNew),
    copy.review.document(d.document.outlet, d.document.headline, d.document.url),
    ...(d.corrects ? [copy.review.corrects(d.corrects.figureText, d.corrects.sourceName)] : []),
  ];
  const context = [
    copy.review.proposedBy(proposal.proposedBy, proposal.origin?.permalink ?? null),
    ...(question ? [copy.review.answers(question.askedBy, question.question)] : []),
  ];
  const blocks: KnownBlock[] = [
    {
      type: "header",
      text: {
        type: "plain_text",
        text: proposal.corrects ? copy.review.correctionHeading : copy.review.heading,
      },
    },
    { type: "section", text: { type: "mrkdwn", text: cutToFit(lines.join("\n"), LIMITS.sectionText) } },
    {
      type: "section",
      text: { type: "mrkdwn", text: cutToFit(copy.review.quote(d.quote), LIMITS.sectionText) },
    },
    {
      type: "context",
      elements: [{ type: "mrkdwn", text: cutToFit(context.join(" · "), LIMITS.contextText) }],
    },
  ];
  if (proposal.status === "pending") {
    blocks.push({
      type: "actions",
      block_id: "tally_review",
      elements: [
        {
          type: "button",
          text: { type: "plain_text", text: copy.review.approve },
          action_id: CURATION.approve,
          value: proposal.id,
          style: "primary",
        },
        {
          type: "button",
          text: { type: "plain_text", text: copy.review.edit },
          action_id: CURATION.edit,
          value: proposal.id,
        },
        {
          type: "button",
          text: { type: "plain_text", text: copy.review.reject },
          action_id: CURATION.reject,
          value: proposal.id,
          style: "danger",
        },
      ],
    });
  } else if (proposal.decision) {
    const text =
      proposal.status === "approved"
        ? copy.review.approved(proposal.decision.by)
        : copy.review.rejected(proposal.decision.by, proposal.decision.reason);
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: cutToFit(text, LIMITS.contextText) }],
    });
  }
  return { text: copy.review.fallback(d.topicTitle, d.figureText), blocks };
}

/** A question handed to the desk: who asked what, where, and the curators' two ways to answer it. */
export function deskQuestionMessage(question: DeskQuestion, answeredTitle: string | null): SlackMessage {
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: copy.desk.heading } },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: cutToFit(
          copy.desk.asked(question.askedBy, question.channel, question.question),
          LIMITS.sectionText,
        ),
      },
    },
  ];
  if (question.answer) {
    blocks.push({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: cutToFit(
            copy.desk.answered(question.answer.by, answeredTitle ?? question.answer.topicId),
            LIMITS.contextText,
          ),
        },
      ],
    });
  } else {
    blocks.push({
      type: "actions",
      block_id: "tally_desk",
      elements: [
        {
          type: "button",
          text: { type: "plain_text", text: copy.desk.link },
          action_id: CURATION.deskLink,
          value: question.id,
          style: "primary",
        },
        {
          type: "button",
          text: { type: "plain_text", text: copy.desk.add },
          action_id: CURATION.deskAdd,
          value: question.id,
        },
      ],
    });
  }
  return { text: copy.desk.fallback(question.question), blocks };
}
