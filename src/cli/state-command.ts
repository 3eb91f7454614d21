import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { z } from "zod";
import { backupSqliteState } from "../store/backup-sqlite-state.ts";
import {
  checkSqliteSource,
  copySqliteToPg,
  StateCopyError,
  type TableCount,
} from "../store/copy-sqlite-to-pg.ts";
import { explainPgError, isPostgresUrl, openPgDatabase, redactUrl } from "../store/pg-database.ts";
import { STATE_FILE_NAME } from "../store/sqlite-store.ts";
import type { CommandIo } from "./claims-command.ts";

type Env = Record<string, string | undefined>;

/** How long reading the SQLite state waits for a running Tally's lock (a checkpoint) before failing (ms). */
const SOURCE_BUSY_TIMEOUT_MS = 5_000;

export const stateUsage = `usage: npm run state -- copy --to postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE [--from DIR]
  Copies the SQLite state (DIR/${STATE_FILE_NAME}; default TALLY_STATE_DIR or ./var) into an empty PostgreSQL
  database, after bringing its schema up to date: every table in one transaction, all or nothing. --to defaults
  to DATABASE_URL (which keeps the password out of the process list). Refuses a database that has state.
       npm run state -- backup FILE [--from DIR]
  Writes a consistent copy of the SQLite state to FILE, safe while Tally runs (SQLite's online backup).
  Never overwrites FILE. To restore: stop Tally, delete DIR/${STATE_FILE_NAME}-wal and -shm (they belong to the
  old file), and put the copy in place of DIR/${STATE_FILE_NAME}.
  Exit codes: 0 done, 1 could not (says why), 2 bad arguments.`;

const stateDir = (env: Env) =>
  z
    .string()
    .trim()
    .min(1, "needs a folder")
    .default(env.TALLY_STATE_DIR?.trim() || "./var");

const copyFlagsSchema = (env: Env) =>
  z.object({
    from: stateDir(env),
    to: z
      .string({ error: "is required (or set DATABASE_URL): the PostgreSQL database to copy into" })
      .trim()
      .refine(isPostgresUrl, "must be a postgres:// or postgresql:// URL"),
  });

const backupFlagsSchema = (env: Env) =>
  z.object({
    from: stateDir(env),
    file: z
      .string({ error: "is required: the file to write the backup to" })
      .trim()
      .min(1, "needs a file name"),
  });

/** zod's issues as "--to must be …; --from needs a folder"; a positional FILE is named as such. */
function describeFlagIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const key = String(i.path[0] ?? "");
      return key === "file" ? `FILE ${i.message}` : key ? `--${key} ${i.message}` : i.message;
    })
    .join("; ");
}

function printCounts(counts: readonly TableCount[], io: CommandIo): void {
  const width = Math.max(...counts.map((c) => c.table.length));
  for (const c of counts) io.out(`  ${c.table.padEnd(width)}  ${c.rows}`);
  const total = counts.reduce((sum, c) => sum + c.rows, 0);
  io.out(`${total} row${total === 1 ? "" : "s"} in ${counts.length} tables`);
}

function parse(argv: readonly string[], io: CommandIo): ReturnType<typeof parseArgs> | number {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        from: { type: "string" },
        to: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    io.err(`state: ${(e as Error).message}\n${stateUsage}`);
    return 2;
  }
}

async function runCopy(values: Record<string, unknown>, env: Env, io: CommandIo): Promise<number> {
  const to = values.to ?? (env.DATABASE_URL?.trim() || undefined);
  const flags = copyFlagsSchema(env).safeParse({ ...values, to });
  if (!flags.success) {
    io.err(`state copy: ${describeFlagIssues(flags.error)}`);
    return 2;
  }
  const { from, to: url } = flags.data;
  const dbFile = path.join(from, STATE_FILE_NAME);
  if (!existsSync(dbFile)) {
    io.err(
      `state copy: no state database at ${dbFile}: give --from (or set TALLY_STATE_DIR) to Tally's folder`,
    );
    return 1;
  }
  const target = redactUrl(url);
  let source: Database.Database;
  try {
    source = new Database(dbFile, { fileMustExist: true });
    source.pragma(`busy_timeout = ${SOURCE_BUSY_TIMEOUT_MS}`);
  } catch (e) {
    io.err(`state copy: cannot open ${dbFile}: ${(e as Error).message}`);
    return 1;
  }
  try {
    try {
      // Before connecting: a source that cannot be copied is said without waiting on the network.
      checkSqliteSource(source);
    } catch (e) {
      io.err(`state copy: ${(e as Error).message}`);
      return 1;
    }
    let pool: Awaited<ReturnType<typeof openPgDatabase>>["pool"];
    try {
      ({ pool } = await openPgDatabase(url, { onIdleError: (m) => io.err(`state copy: ${m}`) }));
    } catch (e) {
      io.err(`state copy: ${explainPgError(e, url)}`);
      return 1;
    }
    try {
      const counts = await copySqliteToPg(source, pool);
      io.out(`copied ${dbFile} into ${target}:`);
      printCounts(counts, io);
      io.out("start Tally with DATABASE_URL set to that database; it no longer reads the SQLite file");
      return 0;
    } catch (e) {
      // Nothing was written either way: the copy is one transaction.
      const said =
        e instanceof StateCopyError
          ? e.message
          : e instanceof Database.SqliteError
            ? `reading ${dbFile} failed (${e.code}): ${e.message}; nothing was copied`
            : explainPgError(e, url);
      io.err(`state copy: ${said}`);
      return 1;
    } finally {
      await pool.end();
    }
  } finally {
    source.close();
  }
}

async function runBackup(values: Record<string, unknown>, env: Env, io: CommandIo): Promise<number> {
  const flags = backupFlagsSchema(env).safeParse(values);
  if (!flags.success) {
    io.err(`state backup: ${describeFlagIssues(flags.error)}`);
    return 2;
  }
  const { from, file } = flags.data;
  const dbFile = path.join(from, STATE_FILE_NAME);
  try {
    const counts = await backupSqliteState(dbFile, file);
    io.out(`backed up ${dbFile} to ${file}:`);
    printCounts(counts, io);
    return 0;
  } catch (e) {
    const hint = e instanceof StateCopyError ? "" : ` (backing up ${dbFile} to ${file})`;
    io.err(`state backup: ${(e as Error).message}${hint}`);
    return 1;
  }
}

/** `npm run state -- <copy|backup> …`: moves or saves Tally's state; returns the exit code. */
export async function runStateCommand(argv: readonly string[], env: Env, io: CommandIo): Promise<number> {
  const parsed = parse(argv, io);
  if (typeof parsed === "number") return parsed;
  const [command, ...rest] = parsed.positionals;
  const { help, ...values } = parsed.values;
  if (help) {
    io.out(stateUsage);
    return 0;
  }
  let wrong: string;
  if (command === "copy") {
    if (rest.length === 0) return runCopy(values, env, io);
    wrong = `copy takes no file name (got "${rest.join(" ")}")`;
  } else if (command === "backup") {
    if (rest.length <= 1 && values.to === undefined) return runBackup({ ...values, file: rest[0] }, env, io);
    wrong = values.to === undefined ? "backup takes one FILE" : "backup takes no --to";
  } else {
    wrong = command === undefined ? "give a command, copy or backup" : `unknown command "${command}"`;
  }
  io.err(`state: ${wrong}\n${stateUsage}`);
  return 2;
}
