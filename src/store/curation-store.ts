import type {
  Decision,
  DeskQuestion,
  GapRecord,
  Proposal,
  ProposalStatus,
  Retirement,
  TopicCheck,
} from "../curation/proposal.ts";
import type { IntegrityReport } from "./integrity-checks.ts";

/**
 * What curation keeps: proposals and their decisions, retirements, topic checks, desk questions and gaps.
 * Async, so that a server database (issue 10) can implement it; every backend passes
 * test/store/curation-store-contract.ts.
 */
export interface CurationStore {
  /** Inserts or replaces a proposal by id (an edit before a decision replaces it). */
  saveProposal(proposal: Proposal): Promise<void>;
  getProposal(id: string): Promise<Proposal | null>;
  /** Oldest first. */
  listProposals(filter?: { status?: ProposalStatus }): Promise<Proposal[]>;
  /**
   * Moves a pending proposal to approved or rejected, atomically: null when it is unknown or was already
   * decided (two curators pressing Approve at once: one wins, the other is told). Returns the decided proposal.
   */
  decideProposal(
    id: string,
    status: Exclude<ProposalStatus, "pending">,
    decision: Decision,
  ): Promise<Proposal | null>;
  setProposalReview(id: string, review: { channel: string; ts: string }): Promise<void>;

  /** False when the claim was already retired (the first retirement stands). */
  retireClaim(retirement: Retirement): Promise<boolean>;
  listRetirements(): Promise<Retirement[]>;

  /** Records a check; the latest per topic is what counts. */
  checkTopic(check: TopicCheck): Promise<void>;
  /** The latest check of each topic that has one. */
  latestTopicChecks(): Promise<TopicCheck[]>;

  saveDeskQuestion(question: DeskQuestion): Promise<void>;
  getDeskQuestion(id: string): Promise<DeskQuestion | null>;
  /** Oldest first; `open` keeps those not yet answered. */
  listDeskQuestions(filter?: { open?: boolean }): Promise<DeskQuestion[]>;
  setDeskQuestionReview(id: string, review: { channel: string; ts: string }): Promise<void>;
  /** Atomically marks an open question answered; null when unknown or already answered. */
  answerDeskQuestion(id: string, answer: NonNullable<DeskQuestion["answer"]>): Promise<DeskQuestion | null>;

  recordGap(gap: GapRecord): Promise<void>;
  /** Oldest first, those at or after `since`. */
  gapsSince(since: Date): Promise<GapRecord[]>;

  /**
   * Claims `day` (YYYY-MM-DD) for the curators' daily review reminder, atomically across processes sharing the
   * database; false when it was already claimed.
   */
  claimReminderDay(day: string, now: Date): Promise<boolean>;

  /**
   * A short text that changes whenever what the index takes from curation changes: a proposal approved, a
   * claim retired (a correction is both), a topic checked. Cheap (three aggregates over indexed tables), so
   * each instance can poll it and rebuild only when another instance changed something.
   */
  curationVersion(): Promise<string>;

  /** Checks the database for damage (see integrity-checks.ts); one found damaged refuses writes after. */
  checkIntegrity(): Promise<IntegrityReport>;
  close(): Promise<void>;
}
