import type { Claim, Document, Source, Topic } from "../claims/schema.ts";

/**
 * A figure on its way into the index from Slack: what the desk proposed, as the data entries it would add
 * (in the data layout's own shapes, so that approving it, loading it and exporting it are the same thing).
 */
export type ProposalStatus = "pending" | "approved" | "rejected";

/** The entries one proposal adds: always one claim; a topic, source or document only when new. */
export interface ProposalEntries {
  topics: Topic[];
  sources: Source[];
  documents: Document[];
  claims: Claim[];
}

export interface Decision {
  by: string;
  /** ISO instant. */
  at: string;
  reason: string | null;
}

export interface Proposal {
  /** "p-…", unique; also the stem of the ids of the entries it adds. */
  id: string;
  status: ProposalStatus;
  entries: ProposalEntries;
  /** The figure as the proposer typed it ("over 1 million"). */
  figureText: string;
  /** The claim this one replaces, for a correction: approving it retires that claim. */
  corrects: string | null;
  /** The desk question (Ask the desk) this figure answers, told to the asker on approval. */
  answers: string | null;
  /** Where it came from in Slack: the message a shortcut was used on. */
  origin: { channel: string; messageTs: string; permalink: string | null } | null;
  proposedBy: string;
  /** ISO instant. */
  proposedAt: string;
  decision: Decision | null;
  /** The review-queue message, once posted, so that a decision can update it. */
  review: { channel: string; ts: string } | null;
}

/** A claim taken out of answers; it stays in its topic's history. */
export interface Retirement {
  claimId: string;
  by: string;
  /** ISO instant. */
  at: string;
  reason: string | null;
  /** The claim that replaces it, when it was corrected rather than withdrawn. */
  replacedBy: string | null;
}

/** A curator's "still right" on a topic: resets its review clock. */
export interface TopicCheck {
  topicId: string;
  by: string;
  /** ISO instant. */
  at: string;
}

/** A question nobody could answer, handed to the desk with "Ask the desk". */
export interface DeskQuestion {
  id: string;
  question: string;
  askedBy: string;
  /** Where it was asked (a channel or DM id); null when Slack gave none. */
  channel: string | null;
  askedAt: string;
  review: { channel: string; ts: string } | null;
  answer: { by: string; at: string; topicId: string } | null;
}

/** What `/tally gaps` reads: a question the index could not answer, or an answer marked "Not what I asked". */
export interface GapRecord {
  kind: "no-match" | "not-what-i-asked";
  question: string;
  user: string | null;
  channel: string | null;
  /** The topic Tally answered with, for "not what I asked". */
  topicId: string | null;
  /** ISO instant. */
  at: string;
}
