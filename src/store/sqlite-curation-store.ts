import type Database from "better-sqlite3";
import type { Retirement, TopicCheck } from "../curation/proposal.ts";
import {
  type DeskQuestionRow,
  type GapRow,
  type ProposalRow,
  type RetirementRow,
  toDeskQuestion,
  toGap,
  toProposal,
  toRetirement,
} from "./curation-rows.ts";
import type { CurationStore } from "./curation-store.ts";
import { describeIssues, ProposalContentSchema, proposalContent } from "./proposal-content-schema.ts";
import { openStateDatabase } from "./sqlite-state-database.ts";
import { createSqliteGuard, type SqliteStateOptions } from "./sqlite-state-guard.ts";

/**
 * The curation store on the SQLite state database: ":memory:", or `tally.db` in the state folder `where`,
 * the same file `openSqliteStore` opens, through a connection of its own. Every method is async for the port
 * (a server database implements it too); like the state store's, a statement that finds the file locked is
 * retried after a timer, and failures come out as the typed errors of state-errors.ts.
 */
export function openSqliteCurationStore(where: string, options: SqliteStateOptions = {}): CurationStore {
  return createSqliteCurationStore(openStateDatabase(where), options);
}

function createSqliteCurationStore(db: Database.Database, options: SqliteStateOptions): CurationStore {
  const guard = createSqliteGuard(db, options);
  const proposalColumns =
    "id, status, content, decided_by, decided_at, decision_reason, review_channel, review_ts";
  const questionColumns =
    "id, question, asked_by, channel, asked_at, review_channel, review_ts, answered_by, answered_at, answer_topic_id";
  const q = {
    saveProposal: db.prepare(
      `INSERT INTO curation_proposals (${proposalColumns}, proposed_at)
       VALUES (@id, @status, @content, @decided_by, @decided_at, @decision_reason, @review_channel, @review_ts,
         @proposed_at)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, content = excluded.content,
         decided_by = excluded.decided_by, decided_at = excluded.decided_at,
         decision_reason = excluded.decision_reason, review_channel = excluded.review_channel,
         review_ts = excluded.review_ts, proposed_at = excluded.proposed_at`,
    ),
    getProposal: db.prepare<[string], ProposalRow>(
      `SELECT ${proposalColumns} FROM curation_proposals WHERE id = ?`,
    ),
    listProposals: db.prepare<[], ProposalRow>(
      `SELECT ${proposalColumns} FROM curation_proposals ORDER BY proposed_at, rowid`,
    ),
    listProposalsByStatus: db.prepare<[string], ProposalRow>(
      `SELECT ${proposalColumns} FROM curation_proposals WHERE status = ? ORDER BY proposed_at, rowid`,
    ),
    decideProposal: db.prepare<[string, string, string, string | null, string]>(
      `UPDATE curation_proposals SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ?
       WHERE id = ? AND status = 'pending'`,
    ),
    setProposalReview: db.prepare<[string, string, string]>(
      "UPDATE curation_proposals SET review_channel = ?, review_ts = ? WHERE id = ?",
    ),
    retire: db.prepare<[string, string, string, string | null, string | null]>(
      `INSERT OR IGNORE INTO curation_retirements (claim_id, retired_by, at, reason, replaced_by)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    listRetirements: db.prepare<[], RetirementRow>(
      "SELECT claim_id, retired_by, at, reason, replaced_by FROM curation_retirements ORDER BY at, rowid",
    ),
    checkTopic: db.prepare<[string, string, string]>(
      "INSERT INTO curation_topic_checks (topic_id, checked_by, at) VALUES (?, ?, ?)",
    ),
    latestChecks: db.prepare<[], { topic_id: string; checked_by: string; at: string }>(
      `SELECT topic_id, checked_by, at FROM (
         SELECT topic_id, checked_by, at,
           ROW_NUMBER() OVER (PARTITION BY topic_id ORDER BY at DESC, id DESC) AS n
         FROM curation_topic_checks)
       WHERE n = 1 ORDER BY topic_id`,
    ),
    saveQuestion: db.prepare(
      `INSERT INTO curation_desk_questions (${questionColumns})
       VALUES (@id, @question, @asked_by, @channel, @asked_at, @review_channel, @review_ts, @answered_by,
         @answered_at, @answer_topic_id)
       ON CONFLICT (id) DO UPDATE SET question = excluded.question, asked_by = excluded.asked_by,
         channel = excluded.channel, asked_at = excluded.asked_at, review_channel = excluded.review_channel,
         review_ts = excluded.review_ts, answered_by = excluded.answered_by, answered_at = excluded.answered_at,
         answer_topic_id = excluded.answer_topic_id`,
    ),
    getQuestion: db.prepare<[string], DeskQuestionRow>(
      `SELECT ${questionColumns} FROM curation_desk_questions WHERE id = ?`,
    ),
    listQuestions: db.prepare<[], DeskQuestionRow>(
      `SELECT ${questionColumns} FROM curation_desk_questions ORDER BY asked_at, rowid`,
    ),
    listOpenQuestions: db.prepare<[], DeskQuestionRow>(
      `SELECT ${questionColumns} FROM curation_desk_questions WHERE answered_at IS NULL
       ORDER BY asked_at, rowid`,
    ),
    setQuestionReview: db.prepare<[string, string, string]>(
      "UPDATE curation_desk_questions SET review_channel = ?, review_ts = ? WHERE id = ?",
    ),
    answerQuestion: db.prepare<[string, string, string, string]>(
      `UPDATE curation_desk_questions SET answered_by = ?, answered_at = ?, answer_topic_id = ?
       WHERE id = ? AND answered_at IS NULL`,
    ),
    recordGap: db.prepare<[string, string, string | null, string | null, string | null, string]>(
      "INSERT INTO curation_gaps (kind, question, user, channel, topic_id, at) VALUES (?, ?, ?, ?, ?, ?)",
    ),
    gapsSince: db.prepare<[string], GapRow>(
      "SELECT kind, question, user, channel, topic_id, at FROM curation_gaps WHERE at >= ? ORDER BY at, id",
    ),
    // Counts as well as maxima: two decisions in the same millisecond still change the version.
    curationVersion: db.prepare<[], { version: string }>(
      `SELECT
         (SELECT COUNT(*) || '/' || COALESCE(MAX(decided_at), '') FROM curation_proposals
           WHERE status = 'approved') || '|' ||
         (SELECT COUNT(*) || '/' || COALESCE(MAX(at), '') FROM curation_retirements) || '|' ||
         (SELECT COUNT(*) || '/' || COALESCE(MAX(id), 0) FROM curation_topic_checks) AS version`,
    ),
    claimReminderDay: db.prepare<[string, string]>(
      "INSERT OR IGNORE INTO curation_reminder_days (day, claimed_at) VALUES (?, ?)",
    ),
  };

  // Update and read back in one transaction, so the proposal returned is the one this call decided.
  const decide = db.transaction((id: string, ...set: [string, string, string, string | null]) => {
    if (q.decideProposal.run(...set, id).changes !== 1) return null;
    const row = q.getProposal.get(id);
    return row ? toProposal(row) : null;
  });
  const answer = db.transaction((id: string, by: string, at: string, topicId: string) => {
    if (q.answerQuestion.run(by, at, topicId, id).changes !== 1) return null;
    const row = q.getQuestion.get(id);
    return row ? toDeskQuestion(row) : null;
  });

  const { read, write } = guard;

  return {
    saveProposal: (proposal) =>
      write(() => {
        const content = ProposalContentSchema.safeParse(proposalContent(proposal));
        if (!content.success)
          throw new Error(`proposal ${proposal.id} cannot be saved: ${describeIssues(content.error)}`);
        q.saveProposal.run({
          id: proposal.id,
          status: proposal.status,
          content: JSON.stringify(content.data),
          decided_by: proposal.decision?.by ?? null,
          decided_at: proposal.decision?.at ?? null,
          decision_reason: proposal.decision?.reason ?? null,
          review_channel: proposal.review?.channel ?? null,
          review_ts: proposal.review?.ts ?? null,
          proposed_at: proposal.proposedAt,
        });
      }),
    getProposal: (id) =>
      read(() => {
        const row = q.getProposal.get(id);
        return row ? toProposal(row) : null;
      }),
    listProposals: (filter) =>
      read(() => {
        const rows =
          filter?.status === undefined ? q.listProposals.all() : q.listProposalsByStatus.all(filter.status);
        return rows.map(toProposal);
      }),
    decideProposal: (id, status, decision) =>
      write(() => decide.immediate(id, status, decision.by, decision.at, decision.reason)),
    setProposalReview: (id, where) =>
      write(() => {
        q.setProposalReview.run(where.channel, where.ts, id);
      }),

    retireClaim: (r: Retirement) =>
      write(() => q.retire.run(r.claimId, r.by, r.at, r.reason, r.replacedBy).changes === 1),
    listRetirements: () => read(() => q.listRetirements.all().map(toRetirement)),

    checkTopic: (check: TopicCheck) =>
      write(() => {
        q.checkTopic.run(check.topicId, check.by, check.at);
      }),
    latestTopicChecks: () =>
      read(() => q.latestChecks.all().map((r) => ({ topicId: r.topic_id, by: r.checked_by, at: r.at }))),

    saveDeskQuestion: (question) =>
      write(() => {
        q.saveQuestion.run({
          id: question.id,
          question: question.question,
          asked_by: question.askedBy,
          channel: question.channel,
          asked_at: question.askedAt,
          review_channel: question.review?.channel ?? null,
          review_ts: question.review?.ts ?? null,
          answered_by: question.answer?.by ?? null,
          answered_at: question.answer?.at ?? null,
          answer_topic_id: question.answer?.topicId ?? null,
        });
      }),
    getDeskQuestion: (id) =>
      read(() => {
        const row = q.getQuestion.get(id);
        return row ? toDeskQuestion(row) : null;
      }),
    listDeskQuestions: (filter) =>
      read(() => (filter?.open ? q.listOpenQuestions.all() : q.listQuestions.all()).map(toDeskQuestion)),
    setDeskQuestionReview: (id, where) =>
      write(() => {
        q.setQuestionReview.run(where.channel, where.ts, id);
      }),
    answerDeskQuestion: (id, given) => write(() => answer.immediate(id, given.by, given.at, given.topicId)),

    recordGap: (gap) =>
      write(() => {
        q.recordGap.run(gap.kind, gap.question, gap.user, gap.channel, gap.topicId, gap.at);
      }),
    gapsSince: (since) => read(() => q.gapsSince.all(since.toISOString()).map(toGap)),

    claimReminderDay: (day, now) => write(() => q.claimReminderDay.run(day, now.toISOString()).changes === 1),

    curationVersion: () => read(() => q.curationVersion.get()?.version ?? ""),

    checkIntegrity: () => guard.checkIntegrity(),

    async close() {
      if (db.open) db.close();
    },
  };
}
