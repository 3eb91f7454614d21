import type { DeskQuestion, GapRecord, Proposal, Retirement } from "../curation/proposal.ts";
import { parseProposalContent } from "./proposal-content-schema.ts";

/** Curation's rows as both backends store them (same columns, same names), and how they read back. */

export interface ProposalRow {
  id: string;
  status: Proposal["status"];
  content: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  review_channel: string | null;
  review_ts: string | null;
}

export interface DeskQuestionRow {
  id: string;
  question: string;
  asked_by: string;
  channel: string | null;
  asked_at: string;
  review_channel: string | null;
  review_ts: string | null;
  answered_by: string | null;
  answered_at: string | null;
  answer_topic_id: string | null;
}

export interface RetirementRow {
  claim_id: string;
  retired_by: string;
  at: string;
  reason: string | null;
  replaced_by: string | null;
}

export interface GapRow {
  kind: GapRecord["kind"];
  question: string;
  user: string | null;
  channel: string | null;
  topic_id: string | null;
  at: string;
}

const review = (channel: string | null, ts: string | null) =>
  channel !== null && ts !== null ? { channel, ts } : null;

/** Throws, naming the row, when its content no longer reads (see `parseProposalContent`). */
export function toProposal(row: ProposalRow): Proposal {
  const content = parseProposalContent(row.id, row.content);
  const decided = row.decided_by !== null && row.decided_at !== null;
  return {
    id: row.id,
    status: row.status,
    ...content,
    decision: decided
      ? { by: row.decided_by ?? "", at: row.decided_at ?? "", reason: row.decision_reason }
      : null,
    review: review(row.review_channel, row.review_ts),
  };
}

export function toDeskQuestion(row: DeskQuestionRow): DeskQuestion {
  const answered = row.answered_by !== null && row.answered_at !== null && row.answer_topic_id !== null;
  return {
    id: row.id,
    question: row.question,
    askedBy: row.asked_by,
    channel: row.channel,
    askedAt: row.asked_at,
    review: review(row.review_channel, row.review_ts),
    answer: answered
      ? { by: row.answered_by ?? "", at: row.answered_at ?? "", topicId: row.answer_topic_id ?? "" }
      : null,
  };
}

export const toRetirement = (row: RetirementRow): Retirement => ({
  claimId: row.claim_id,
  by: row.retired_by,
  at: row.at,
  reason: row.reason,
  replacedBy: row.replaced_by,
});

export const toGap = (row: GapRow): GapRecord => ({
  kind: row.kind,
  question: row.question,
  user: row.user,
  channel: row.channel,
  topicId: row.topic_id,
  at: row.at,
});
