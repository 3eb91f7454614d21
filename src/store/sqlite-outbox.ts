import type Database from "better-sqlite3";
import { type OutboxRow, readOutboxRows, toOutboxColumns } from "./outbox-rows.ts";
import type { SqliteGuard } from "./sqlite-state-guard.ts";
import type { OutboxStore } from "./store.ts";

/**
 * The outbox on the SQLite state connection; composed into the main store, its work run through the same
 * guard (busy retries, refused writes once damage is seen).
 */
export function createSqliteOutbox(
  db: Database.Database,
  { read, write }: Pick<SqliteGuard, "read" | "write">,
): OutboxStore {
  const insert = db.prepare<[string, string, string, string]>(
    "INSERT INTO outbox (kind, payload, first_tried_at, saved_at) VALUES (?, ?, ?, ?)",
  );
  // One statement: the write lock makes it atomic across processes sharing the file.
  const take = db.prepare<[number], OutboxRow>(
    `DELETE FROM outbox WHERE id IN (SELECT id FROM outbox ORDER BY id LIMIT ?)
     RETURNING id, kind, payload, first_tried_at`,
  );
  const count = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM outbox");
  const saveAll = db.transaction(
    (rows: { kind: string; payload: string; firstTriedAt: string }[], at: string) => {
      for (const row of rows) insert.run(row.kind, row.payload, row.firstTriedAt, at);
    },
  );

  return {
    async saveUndelivered(replies, now) {
      if (replies.length === 0) return;
      await write(() => saveAll(replies.map(toOutboxColumns), now.toISOString()));
    },
    async takeUndelivered(limit) {
      return readOutboxRows(await write(() => take.all(Math.max(0, Math.trunc(limit)))));
    },
    async countUndelivered() {
      return read(() => count.get()?.n ?? 0);
    },
  };
}
