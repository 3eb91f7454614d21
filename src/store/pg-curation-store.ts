import type pg from "pg";
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

const PROPOSAL_COLUMNS =
  "id, status, content, decided_by, decided_at, decision_reason, review_channel, review_ts";
const QUESTION_COLUMNS =
  "id, question, asked_by, channel, asked_at, review_channel, review_ts, answered_by, answered_at, answer_topic_id";

/**
 * The curation store on a PostgreSQL database migrated by `openPgDatabase`. The pool belongs to the caller:
 * `close` leaves it open, since the main store shares it. Every check-and-set is one statement (a conditional
 * UPDATE … RETURNING, an INSERT … ON CONFLICT DO NOTHING), so two instances racing get one winner.
 * Ties in time are listed by id: PostgreSQL has no rowid to keep insertion order.
 */
export function openPgCurationStore(pool: pg.Pool): CurationStore {
  const rows = async <Row extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
    (await pool.query<Row>(text, values)).rows;
  const changed = async (text: string, values: unknown[]) =>
    ((await pool.query(text, values)).rowCount ?? 0) > 0;

  return {
    async saveProposal(proposal) {
      const content = ProposalContentSchema.safeParse(proposalContent(proposal));
      if (!content.success)
        throw new Error(`proposal ${proposal.id} cannot be saved: ${describeIssues(content.error)}`);
      await pool.query(
        `INSERT INTO curation_proposals (${PROPOSAL_COLUMNS}, proposed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, content = excluded.content,
           decided_by = excluded.decided_by, decided_at = excluded.decided_at,
           decision_reason = excluded.decision_reason, review_channel = excluded.review_channel,
           review_ts = excluded.review_ts, proposed_at = excluded.proposed_at`,
        [
          proposal.id,
          proposal.status,
          JSON.stringify(content.data),
          proposal.decision?.by ?? null,
          proposal.decision?.at ?? null,
          proposal.decision?.reason ?? null,
          proposal.review?.channel ?? null,
          proposal.review?.ts ?? null,
          proposal.proposedAt,
        ],
      );
    },
    async getProposal(id) {
      const [row] = await rows<ProposalRow>(
        `SELECT ${PROPOSAL_COLUMNS} FROM curation_proposals WHERE id = $1`,
        [id],
      );
      return row ? toProposal(row) : null;
    },
    async listProposals(filter) {
      const found =
        filter?.status === undefined
          ? await rows<ProposalRow>(
              `SELECT ${PROPOSAL_COLUMNS} FROM curation_proposals ORDER BY proposed_at, id`,
            )
          : await rows<ProposalRow>(
              `SELECT ${PROPOSAL_COLUMNS} FROM curation_proposals WHERE status = $1 ORDER BY proposed_at, id`,
              [filter.status],
            );
      return found.map(toProposal);
    },
    async decideProposal(id, status, decision) {
      // The row lock makes a second UPDATE wait, then re-check `status = 'pending'` and match nothing.
      const [row] = await rows<ProposalRow>(
        `UPDATE curation_proposals SET status = $1, decided_by = $2, decided_at = $3, decision_reason = $4
         WHERE id = $5 AND status = 'pending'
         RETURNING ${PROPOSAL_COLUMNS}`,
        [status, decision.by, decision.at, decision.reason, id],
      );
      return row ? toProposal(row) : null;
    },
    async setProposalReview(id, where) {
      await pool.query("UPDATE curation_proposals SET review_channel = $1, review_ts = $2 WHERE id = $3", [
        where.channel,
        where.ts,
        id,
      ]);
    },

    async retireClaim(r) {
      return changed(
        `INSERT INTO curation_retirements (claim_id, retired_by, at, reason, replaced_by)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (claim_id) DO NOTHING`,
        [r.claimId, r.by, r.at, r.reason, r.replacedBy],
      );
    },
    async listRetirements() {
      const found = await rows<RetirementRow>(
        "SELECT claim_id, retired_by, at, reason, replaced_by FROM curation_retirements ORDER BY at, claim_id",
      );
      return found.map(toRetirement);
    },

    async checkTopic(check) {
      await pool.query("INSERT INTO curation_topic_checks (topic_id, checked_by, at) VALUES ($1, $2, $3)", [
        check.topicId,
        check.by,
        check.at,
      ]);
    },
    async latestTopicChecks() {
      const found = await rows<{ topic_id: string; checked_by: string; at: string }>(
        `SELECT DISTINCT ON (topic_id) topic_id, checked_by, at FROM curation_topic_checks
         ORDER BY topic_id, at DESC, id DESC`,
      );
      return found.map((r) => ({ topicId: r.topic_id, by: r.checked_by, at: r.at }));
    },

    async saveDeskQuestion(question) {
      await pool.query(
        `INSERT INTO curation_desk_questions (${QUESTION_COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (id) DO UPDATE SET question = excluded.question, asked_by = excluded.asked_by,
           channel = excluded.channel, asked_at = excluded.asked_at, review_channel = excluded.review_channel,
           review_ts = excluded.review_ts, answered_by = excluded.answered_by,
           answered_at = excluded.answered_at, answer_topic_id = excluded.answer_topic_id`,
        [
          question.id,
          question.question,
          question.askedBy,
          question.channel,
          question.askedAt,
          question.review?.channel ?? null,
          question.review?.ts ?? null,
          question.answer?.by ?? null,
          question.answer?.at ?? null,
          question.answer?.topicId ?? null,
        ],
      );
    },
    async getDeskQuestion(id) {
      const [row] = await rows<DeskQuestionRow>(
        `SELECT ${QUESTION_COLUMNS} FROM curation_desk_questions WHERE id = $1`,
        [id],
      );
      return row ? toDeskQuestion(row) : null;
    },
    async listDeskQuestions(filter) {
      const open = filter?.open ? "WHERE answered_at IS NULL" : "";
      const found = await rows<DeskQuestionRow>(
        `SELECT ${QUESTION_COLUMNS} FROM curation_desk_questions ${open} ORDER BY asked_at, id`,
      );
      return found.map(toDeskQuestion);
    },
    async setDeskQuestionReview(id, where) {
      await pool.query(
        "UPDATE curation_desk_questions SET review_channel = $1, review_ts = $2 WHERE id = $3",
        [where.channel, where.ts, id],
      );
    },
    async answerDeskQuestion(id, given) {
      const [row] = await rows<DeskQuestionRow>(
        `UPDATE curation_desk_questions SET answered_by = $1, answered_at = $2, answer_topic_id = $3
         WHERE id = $4 AND answered_at IS NULL
         RETURNING ${QUESTION_COLUMNS}`,
        [given.by, given.at, given.topicId, id],
      );
      return row ? toDeskQuestion(row) : null;
    },

    async recordGap(gap) {
      await pool.query(
        `INSERT INTO curation_gaps (kind, question, "user", channel, topic_id, at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [gap.kind, gap.question, gap.user, gap.channel, gap.topicId, gap.at],
      );
    },
    async gapsSince(since) {
      const found = await rows<GapRow>(
        `SELECT kind, question, "user", channel, topic_id, at FROM curation_gaps WHERE at >= $1 ORDER BY at, id`,
        [since.toISOString()],
      );
      return found.map(toGap);
    },

    async claimReminderDay(day, now) {
      return changed(
        "INSERT INTO curation_reminder_days (day, claimed_at) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING",
        [day, now.toISOString()],
      );
    },

    async curationVersion() {
      // Counts as well as maxima: two decisions in the same millisecond still change the version.
      const [row] = await rows<{ version: string }>(
        `SELECT
           (SELECT COUNT(*)::text || '/' || COALESCE(MAX(decided_at), '') FROM curation_proposals
             WHERE status = 'approved') || '|' ||
           (SELECT COUNT(*)::text || '/' || COALESCE(MAX(at), '') FROM curation_retirements) || '|' ||
           (SELECT COUNT(*)::text || '/' || COALESCE(MAX(id), 0)::text FROM curation_topic_checks) AS version`,
      );
      return row?.version ?? "";
    },

    async checkIntegrity() {
      // The server checks its own pages; there is no file here for Tally to check.
      return { status: "ok" } as const;
    },

    async close() {
      // The pool is the caller's (see above).
    },
  };
}
