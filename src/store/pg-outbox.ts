import type pg from "pg";
import { type OutboxRow, readOutboxRows, toOutboxColumns } from "./outbox-rows.ts";
import type { OutboxStore } from "./store.ts";

/** The outbox on the PostgreSQL state database; composed into the main store. */
export function createPgOutbox(pool: pg.Pool): OutboxStore {
  return {
    async saveUndelivered(replies, now) {
      if (replies.length === 0) return;
      const columns = replies.map(toOutboxColumns);
      // One INSERT with unnest: all of them are saved, or none.
      await pool.query(
        `INSERT INTO outbox (kind, payload, first_tried_at, saved_at)
         SELECT kind, payload, first_tried_at, $4
         FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS r(kind, payload, first_tried_at, n)
         ORDER BY n`,
        [
          columns.map((c) => c.kind),
          columns.map((c) => c.payload),
          columns.map((c) => c.firstTriedAt),
          now.toISOString(),
        ],
      );
    },
    async takeUndelivered(limit) {
      // SKIP LOCKED: an instance taking at the same time gets the next rows rather than the same ones.
      const result = await pool.query<OutboxRow>(
        `DELETE FROM outbox WHERE id IN (
           SELECT id FROM outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED
         ) RETURNING id, kind, payload, first_tried_at`,
        [Math.max(0, Math.trunc(limit))],
      );
      return readOutboxRows(result.rows);
    },
    async countUndelivered() {
      const result = await pool.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM outbox");
      return result.rows[0]?.n ?? 0;
    },
  };
}
