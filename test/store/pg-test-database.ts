import { randomBytes } from "node:crypto";
import pg from "pg";
import { openPgDatabase, redactUrl } from "../../src/store/pg-database.ts";

/**
 * Throwaway PostgreSQL databases for the tests, on the server these machines run at 127.0.0.1:5432 (user
 * postgres, trust auth). Each test database has a unique name and is dropped by `dropTestDatabases`.
 * When no server answers, `pgSkipReason` says why in one line and the suites skip; under CI=true a missing
 * server is a failure instead, so CI cannot pass without having run them.
 */
/** The server, as a URL without a database; TALLY_TEST_PG_SERVER overrides it (another port, a laptop's). */
const SERVER = (process.env.TALLY_TEST_PG_SERVER ?? "postgres://postgres@127.0.0.1:5432").replace(/\/+$/, "");
const ADMIN_URL = `${SERVER}/postgres`;
const PROBE_TIMEOUT_MS = 2_000;

async function probe(): Promise<string | null> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return `no PostgreSQL answers at ${redactUrl(SERVER)} (${String(code ?? (error as Error).message)})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const unavailable = await probe();
if (unavailable !== null && process.env.CI === "true") {
  throw new Error(`CI=true but ${unavailable}: the PostgreSQL tests must run in CI`);
}

/** Null when the server answers; else the one line the skipped suites print. */
export const pgSkipReason: string | null =
  unavailable === null ? null : `PostgreSQL tests did not run: ${unavailable}`;
if (pgSkipReason !== null) process.stderr.write(`${pgSkipReason}\n`);

/** A suite title that carries the skip reason, so the reporter shows why it did not run. */
export const pgSuiteTitle = (title: string): string =>
  pgSkipReason === null ? title : `${title} (skipped: ${pgSkipReason})`;

const created: string[] = [];

export const testDatabaseUrl = (name: string): string => `${SERVER}/${name}`;

/** Creates an empty database with a unique name and returns its URL. */
export async function createTestDatabase(): Promise<string> {
  const name = `tally_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    // Identifiers cannot be bound parameters; the name is ours, made of [a-z0-9_].
    await admin.query(`CREATE DATABASE ${name}`);
    created.push(name);
  } finally {
    await admin.end();
  }
  return testDatabaseUrl(name);
}

async function drop(names: string[]): Promise<void> {
  if (names.length === 0) return;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    // FORCE ends any connection a failed test left open.
    for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** Drops one database made by `createTestDatabase` (each takes a fraction of a second, so tests drop as they go). */
export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const at = created.indexOf(name);
  if (at === -1) return;
  created.splice(at, 1);
  await drop([name]);
}

/** Drops every database this process created and has not dropped yet; for an `afterAll`. */
export async function dropTestDatabases(): Promise<void> {
  await drop(created.splice(0));
}

/** Generous: dropping a database waits for the server to remove its files. */
export const DROP_TIMEOUT_MS = 60_000;

/**
 * `count` stores on one fresh, migrated database, each on a pool of its own (one app instance each). Closing a
 * store ends its pool; when the last one closes, the database is dropped.
 */
export async function storesOnFreshDatabase<S extends { close(): Promise<void> }>(
  count: number,
  make: (pool: pg.Pool) => S,
): Promise<S[]> {
  const url = await createTestDatabase();
  let open = count;
  const stores: S[] = [];
  for (let i = 0; i < count; i += 1) {
    const { pool } = await openPgDatabase(url);
    const store = make(pool);
    stores.push({
      ...store,
      async close() {
        await store.close();
        await pool.end();
        open -= 1;
        if (open === 0) await dropTestDatabase(url);
      },
    });
  }
  return stores;
}
