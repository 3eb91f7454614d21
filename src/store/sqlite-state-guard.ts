import Database from "better-sqlite3";
import type { IntegrityCheckable, IntegrityReport } from "./integrity-checks.ts";
import {
  BUSY_RETRY,
  type BusyRetryClock,
  type BusyRetryConfig,
  retryWhileBusy,
} from "./sqlite-busy-retry.ts";
import { classifySqliteError, StateCorruptError, toStateError } from "./state-errors.ts";

/** How a SQLite store waits and checks; tests inject a small budget. */
export interface SqliteStateOptions {
  /** Overrides of BUSY_RETRY. */
  retry?: Partial<BusyRetryConfig>;
  clock?: BusyRetryClock;
}

/**
 * Runs a store's statements on one connection: each method's work is retried while another process holds
 * the lock (see sqlite-busy-retry.ts), SQLite's failures come out as the typed errors of state-errors.ts,
 * and once damage has been seen (by a statement or by `checkIntegrity`) every write is refused with
 * StateCorruptError: a write into a damaged file may be lost, and must not be answered "Done".
 */
export interface SqliteGuard extends IntegrityCheckable {
  read<T>(work: () => T): Promise<T>;
  write<T>(work: () => T): Promise<T>;
}

/** How many problems quick_check lists at most; the first few say enough. */
const QUICK_CHECK_LIMIT = 10;

function quickCheckLines(db: Database.Database): string[] {
  const rows = db.pragma(`quick_check(${QUICK_CHECK_LIMIT})`) as Record<string, unknown>[];
  return rows
    .flatMap((row) => String(Object.values(row)[0] ?? "").split("\n"))
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/**
 * quick_check on a connection of its own: the serving connection's page cache would answer from memory
 * for the pages it has read, and miss damage done to the file under it.
 */
function checkFile(file: string): string[] {
  const check = new Database(file, { readonly: true, fileMustExist: true });
  try {
    check.pragma("busy_timeout = 0");
    return quickCheckLines(check);
  } finally {
    check.close();
  }
}

/** quick_check's findings as one short line. */
export function describeFindings(lines: readonly string[]): string {
  const shown = lines.filter((line) => !line.startsWith("***")).slice(0, 3);
  const more = lines.length > shown.length + 1 ? ` (and ${lines.length - shown.length - 1} more)` : "";
  return `quick_check found: ${shown.join("; ")}${more}`;
}

/** Runs quick_check on `db` itself (a fresh connection, at open); throws StateCorruptError on damage. */
export function assertIntact(db: Database.Database, file: string): void {
  const lines = quickCheckLines(db);
  if (lines.length === 1 && lines[0] === "ok") return;
  throw new StateCorruptError(describeFindings(lines), { file });
}

export function createSqliteGuard(db: Database.Database, options: SqliteStateOptions = {}): SqliteGuard {
  const file = db.memory ? null : db.name;
  const config: BusyRetryConfig = { ...BUSY_RETRY, ...options.retry };
  let damaged: StateCorruptError | null = null;

  const run = async <T>(work: () => T): Promise<T> => {
    try {
      return await retryWhileBusy(work, { config, file, ...(options.clock ? { clock: options.clock } : {}) });
    } catch (error) {
      const typed = toStateError(error, file);
      if (typed instanceof StateCorruptError) damaged ??= typed;
      throw typed;
    }
  };

  const refuse = (seen: StateCorruptError) =>
    new StateCorruptError(`nothing is written to it since damage was found (${seen.message})`, {
      code: seen.code,
      file,
      cause: seen,
    });

  return {
    read: run,
    write: <T>(work: () => T): Promise<T> => (damaged ? Promise.reject(refuse(damaged)) : run(work)),
    async checkIntegrity(): Promise<IntegrityReport> {
      if (damaged) return { status: "corrupt", file, detail: damaged.message };
      if (!db.open) return { status: "unchecked", reason: "the database connection is closed" };
      let lines: string[];
      try {
        lines = file === null ? quickCheckLines(db) : checkFile(file);
      } catch (error) {
        if (classifySqliteError(error) !== "corrupt") {
          return { status: "unchecked", reason: error instanceof Error ? error.message : String(error) };
        }
        lines = [`${(error as { code?: string }).code}: ${(error as Error).message}`];
      }
      if (lines.length === 1 && lines[0] === "ok") return { status: "ok" };
      damaged = new StateCorruptError(describeFindings(lines), { file });
      return { status: "corrupt", file, detail: damaged.message };
    },
  };
}
