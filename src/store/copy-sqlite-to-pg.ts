import type Database from "better-sqlite3";
import type pg from "pg";
import { type Migration, migrations } from "./migrations.ts";

/** How many rows one INSERT carries: PostgreSQL takes at most 65,535 bound parameters per statement. */
const COPY_SETTINGS = Object.freeze({ maxRowsPerInsert: 500, maxParametersPerInsert: 60_000 });

/** Why a copy did not start or did not finish, in one sentence that says what to do; nothing was written. */
export class StateCopyError extends Error {
  override readonly name = "StateCopyError";
}

export interface TableCount {
  table: string;
  rows: number;
}

/**
 * The state's tables, in the order the migrations create them. The migrations are the one list: a table a
 * new migration adds is copied and backed up without touching this file.
 */
export function stateTables(list: readonly Migration[] = migrations): string[] {
  const names: string[] = [];
  for (const m of list) {
    for (const match of m.sql.matchAll(/\bCREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?"?(\w+)"?/gi)) {
      const name = match[1]?.toLowerCase();
      if (name !== undefined && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

/** Identifiers cannot be bound; ours come from the migrations, and quoting keeps `user` and friends legal. */
const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Row counts per table, in `tables` order, of a SQLite state database. */
export function countSqliteRows(
  db: Database.Database,
  tables: readonly string[] = stateTables(),
): TableCount[] {
  return tables.map((table) => ({
    table,
    rows: (db.prepare(`SELECT count(*) AS n FROM ${ident(table)}`).get() as { n: number }).n,
  }));
}

/**
 * Throws StateCopyError for a SQLite state whose schema is not exactly the one this build knows, or that has
 * tables no migration creates (they would be left behind).
 */
export function checkSqliteSource(db: Database.Database, tables: readonly string[] = stateTables()): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version !== migrations.length) {
    throw new StateCopyError(
      version < migrations.length
        ? `the SQLite state is at schema version ${version}, older than this build's ${migrations.length}: start Tally on it once (it migrates at start), then copy`
        : `the SQLite state is at schema version ${version}, newer than this build knows (${migrations.length}): copy with the Tally that wrote it`,
    );
  }
  const present = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
    }[]
  ).map((r) => r.name.toLowerCase());
  const unknown = present.filter((t) => !tables.includes(t));
  if (unknown.length > 0) {
    throw new StateCopyError(
      `the SQLite state has table(s) ${unknown.join(", ")} that no migration creates; nothing was copied`,
    );
  }
}

async function checkTargetColumns(
  client: pg.PoolClient,
  table: string,
  sourceColumns: readonly string[],
): Promise<void> {
  const found = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1`,
    [table],
  );
  const target = new Set(found.rows.map((r) => r.column_name));
  const missing = sourceColumns.filter((c) => !target.has(c));
  const extra = [...target].filter((c) => !sourceColumns.includes(c));
  if (missing.length > 0 || extra.length > 0) {
    // The two migration lists have drifted apart: copying would lose or invent data.
    throw new StateCopyError(
      `table ${table} differs between SQLite and PostgreSQL (only in SQLite: ${missing.join(", ") || "none"}; ` +
        `only in PostgreSQL: ${extra.join(", ") || "none"}); nothing was copied`,
    );
  }
}

async function insertRows(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
): Promise<void> {
  if (rows.length === 0) return;
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const marks = row.map((value) => {
      values.push(value);
      return `$${values.length}`;
    });
    return `(${marks.join(", ")})`;
  });
  await client.query(
    `INSERT INTO ${ident(table)} (${columns.map(ident).join(", ")}) VALUES ${tuples.join(", ")}`,
    values,
  );
}

/** Copies one table in rowid order (the order SQLite breaks ties in), a batch per INSERT. */
async function copyTable(source: Database.Database, client: pg.PoolClient, table: string): Promise<number> {
  const columns = (source.pragma(`table_info(${ident(table)})`) as { name: string }[]).map((c) => c.name);
  await checkTargetColumns(client, table, columns);
  const perInsert = Math.max(
    1,
    Math.min(
      COPY_SETTINGS.maxRowsPerInsert,
      Math.floor(COPY_SETTINGS.maxParametersPerInsert / columns.length),
    ),
  );
  // raw(): rows as arrays in column order. all() rather than iterate(): the connection stays free between
  // awaits, and a state table fits in memory (seen events are pruned to a day).
  const rows = source
    .prepare(`SELECT ${columns.map(ident).join(", ")} FROM ${ident(table)} ORDER BY rowid`)
    .raw()
    .all() as unknown[][];
  for (let at = 0; at < rows.length; at += perInsert) {
    await insertRows(client, table, columns, rows.slice(at, at + perInsert));
  }
  return rows.length;
}

/** Moves each identity column's sequence past the ids copied in, so the next insert does not collide. */
async function resetIdentities(client: pg.PoolClient, tables: readonly string[]): Promise<void> {
  const identities = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND is_identity = 'YES' AND table_name = ANY($1)`,
    [tables],
  );
  for (const { table_name: table, column_name: column } of identities.rows) {
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(MAX(${ident(column)}), 0) + 1, false)
       FROM ${ident(table)}`,
      [ident(table), column],
    );
  }
}

async function refuseNonEmpty(client: pg.PoolClient, tables: readonly string[]): Promise<void> {
  const occupied: string[] = [];
  for (const table of tables) {
    const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${ident(table)}`);
    const n = Number(result.rows[0]?.n ?? 0);
    if (n > 0) occupied.push(`${table} (${n} row${n === 1 ? "" : "s"})`);
  }
  if (occupied.length > 0) {
    throw new StateCopyError(
      `the PostgreSQL database already has state in ${occupied.join(", ")}: a copy goes only into an empty ` +
        "database, so that nothing is merged or lost; nothing was copied",
    );
  }
}

/**
 * Copies a SQLite state database (at this build's schema version) into a migrated, empty PostgreSQL database,
 * table by table in one transaction: all of it lands, or none. The source is read in one read transaction, so
 * a Tally still running on it yields a consistent snapshot; the target's tables are locked against writers.
 * Throws StateCopyError (nothing written) for a source or target it will not copy; returns rows per table.
 */
export async function copySqliteToPg(
  source: Database.Database,
  pool: pg.Pool,
  tables: readonly string[] = stateTables(),
): Promise<TableCount[]> {
  checkSqliteSource(source, tables);
  const client = await pool.connect();
  source.exec("BEGIN");
  try {
    // The first read fixes the snapshot every table is copied from.
    source.prepare("SELECT count(*) FROM sqlite_master").get();
    await client.query("BEGIN");
    await client.query(`LOCK TABLE ${tables.map(ident).join(", ")} IN EXCLUSIVE MODE`);
    await refuseNonEmpty(client, tables);
    const counts: TableCount[] = [];
    for (const table of tables) counts.push({ table, rows: await copyTable(source, client, table) });
    await resetIdentities(client, tables);
    await client.query("COMMIT");
    return counts;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    source.exec("ROLLBACK");
    client.release();
  }
}
