import pg from "pg";
import type { Migration } from "./migrations.ts";
import { pgMigrations } from "./pg-migrations.ts";

/** Timeouts and pool size for the PostgreSQL state database. */
export const PG_SETTINGS = Object.freeze({
  /** How long opening a connection may take before the server counts as unreachable (ms). */
  connectionTimeoutMs: 5_000,
  /** The server cancels a statement running longer than this (ms): no store call should take a second. */
  statementTimeoutMs: 10_000,
  /** A migration may rewrite a table; it gets longer than a store call (ms). */
  migrationStatementTimeoutMs: 120_000,
  /** The server ends a session left idle inside a transaction this long (a crashed caller) (ms). */
  idleInTransactionTimeoutMs: 30_000,
  /** Connections per instance: two or three instances stay well under PostgreSQL's default 100. */
  maxConnections: 10,
  /** An unused connection is closed after this long (ms). */
  idleTimeoutMs: 30_000,
});
export type PgSettings = { -readonly [K in keyof typeof PG_SETTINGS]: number };

/**
 * The key of the transaction-scoped advisory lock that migrations hold, so that two instances starting at
 * once apply each migration once: the second waits, then finds the schema current. Any fixed number works,
 * as long as nothing else on the server uses it.
 */
const MIGRATION_LOCK_KEY = 7_461_237_019;

/** What kept Tally from opening its PostgreSQL database, in one sentence that names the fix. */
export class PgStartupError extends Error {
  override readonly name = "PgStartupError";
}

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url.trim());

/**
 * The URL with its password replaced by "***" (in the authority and in a `password=` query parameter), for
 * messages and logs. A string that does not parse as a URL still loses anything between "://user:" and "@".
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    for (const key of [...parsed.searchParams.keys()]) {
      if (key.toLowerCase() === "password") parsed.searchParams.set(key, "***");
    }
    return parsed.toString();
  } catch {
    return url.replace(/(\/\/[^/@:]*:)[^@]*@/, "$1***@").replace(/(password=)[^&]*/gi, "$1***");
  }
}

/** "host:port/database as user", the parts of a URL worth naming in a message (never the password). */
function describeTarget(url: string): { where: string; user: string; database: string } {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname || "localhost";
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "(default)";
    return {
      where: `${host}:${parsed.port || "5432"}`,
      user: decodeURIComponent(parsed.username) || "(default)",
      database,
    };
  } catch {
    return { where: redactUrl(url), user: "(unknown)", database: "(unknown)" };
  }
}

/** Whatever an error says, with the URL's password taken out in case a driver ever echoes it. */
function scrub(text: string, url: string): string {
  let password = "";
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    // Not a URL: nothing parsed, so nothing to look for beyond redactUrl's pattern.
  }
  const once = password.length > 0 ? text.split(password).join("***") : text;
  return once.split(url).join(redactUrl(url));
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "connection timed out",
};

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") return code;
  // Node reports a host with several addresses (localhost: ::1 and 127.0.0.1) as an AggregateError.
  if (error instanceof AggregateError) return error.errors.map(errorCode).find((c) => c !== undefined);
  return undefined;
}

/** Turns what went wrong while connecting or migrating into one clear, password-free sentence. */
export function explainPgError(error: unknown, url: string, settings: PgSettings = PG_SETTINGS): string {
  const { where, user, database } = describeTarget(url);
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  const server = `PostgreSQL at ${where}`;
  const checkUrl = `Check DATABASE_URL (${redactUrl(url)})`;
  if (error instanceof PgStartupError) return error.message;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return `${server} cannot be reached: the host name does not resolve. ${checkUrl}.`;
  }
  if (code !== undefined && code in NETWORK_CODES) {
    return (
      `${server} cannot be reached (${NETWORK_CODES[code]}). ` +
      `Check that the server is running and that DATABASE_URL (${redactUrl(url)}) names the right host and port.`
    );
  }
  if (/timeout|timed out/i.test(message) && code === undefined) {
    return (
      `${server} did not answer within ${settings.connectionTimeoutMs / 1000} s. ` +
      `Check that the server is running and reachable from here. ${checkUrl}.`
    );
  }
  if (/Connection terminated/i.test(message) && code === undefined) {
    return `${server} closed the connection: did it restart, or is it not PostgreSQL? ${checkUrl}.`;
  }
  if (code === "28P01" || code === "28000") {
    return (
      `${server} refused user "${user}" for database "${database}" (${scrub(message, url)}). ` +
      "Check the user name and password in DATABASE_URL."
    );
  }
  if (code === "3D000") {
    return (
      `${server} has no database "${database}". ` +
      `Create it (createdb ${database}) or fix the database name in DATABASE_URL.`
    );
  }
  const coded = code === undefined ? "" : ` (${code})`;
  return `${server} (${redactUrl(url)}) failed: ${scrub(message, url)}${coded}`;
}

/**
 * Brings the database up to the newest migration, inside one transaction that holds an advisory lock: two
 * instances starting at once apply each migration once. `schema_version` keeps one row per version applied.
 * Returns the versions applied; throws PgStartupError when the database is newer than `list`.
 */
export async function runPgMigrations(
  pool: pg.Pool,
  list: readonly Migration[] = pgMigrations,
  settings: PgSettings = PG_SETTINGS,
): Promise<number[]> {
  list.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(
        `migration "${m.name}" has version ${m.version}; expected ${i + 1} (versions run 1, 2, 3 …)`,
      );
    }
  });
  const latest = list.length;
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // SET does not take bound parameters; the value is an integer from the frozen settings.
    await client.query(`SET LOCAL statement_timeout = ${Math.trunc(settings.migrationStatementTimeoutMs)}`);
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_version (
         version INTEGER PRIMARY KEY,
         name TEXT NOT NULL,
         applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
       )`,
    );
    const result = await client.query<{ current: number }>(
      "SELECT COALESCE(MAX(version), 0)::int AS current FROM schema_version",
    );
    const current = result.rows[0]?.current ?? 0;
    if (current > latest) {
      throw new PgStartupError(
        `the PostgreSQL state database is at schema version ${current}, newer than this build knows ` +
          `(${latest}); run a newer Tally or point DATABASE_URL elsewhere`,
      );
    }
    const applied: number[] = [];
    for (const m of list.slice(current)) {
      await client.query(m.sql);
      await client.query("INSERT INTO schema_version (version, name) VALUES ($1, $2)", [m.version, m.name]);
      applied.push(m.version);
    }
    await client.query("COMMIT");
    return applied;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export interface PgDatabase {
  pool: pg.Pool;
  /** The migration versions this open applied (empty when the schema was already current). */
  applied: number[];
}

/**
 * Opens a pool on `url` (postgres:// or postgresql://) and migrates the database. Throws PgStartupError with
 * one sentence naming what is wrong (unreachable, credentials refused, no such database, schema too new);
 * neither it nor `onIdleError`'s messages ever contain the password.
 */
export async function openPgDatabase(
  url: string,
  options: { settings?: Partial<PgSettings>; onIdleError?: (message: string) => void } = {},
): Promise<PgDatabase> {
  if (!isPostgresUrl(url)) {
    throw new PgStartupError(
      `DATABASE_URL must start with postgres:// or postgresql://, not ${JSON.stringify(redactUrl(url).slice(0, 40))}`,
    );
  }
  const settings: PgSettings = { ...PG_SETTINGS, ...options.settings };
  let pool: pg.Pool;
  try {
    pool = new pg.Pool({
      connectionString: url,
      connectionTimeoutMillis: settings.connectionTimeoutMs,
      statement_timeout: settings.statementTimeoutMs,
      // The client gives up a little after the server would have, in case the network, not the query, hangs.
      query_timeout: settings.migrationStatementTimeoutMs + settings.connectionTimeoutMs,
      idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs,
      max: settings.maxConnections,
      idleTimeoutMillis: settings.idleTimeoutMs,
      application_name: "tally",
      keepAlive: true,
    });
  } catch (error) {
    throw new PgStartupError(explainPgError(error, url, settings));
  }
  // An idle connection the server drops (a restart, a failover) is reported here; unhandled, it would crash.
  const onIdleError =
    options.onIdleError ??
    ((message: string) => process.stderr.write(`PostgreSQL connection lost: ${message}\n`));
  pool.on("error", (error) => onIdleError(explainPgError(error, url, settings)));
  try {
    const applied = await runPgMigrations(pool, pgMigrations, settings);
    return { pool, applied };
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new PgStartupError(explainPgError(error, url, settings));
  }
}
