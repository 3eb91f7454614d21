import { existsSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import { countSqliteRows, StateCopyError, type TableCount } from "./copy-sqlite-to-pg.ts";

/** How long the backup waits for another process's write lock before giving up (ms). */
const BACKUP_BUSY_TIMEOUT_MS = 5_000;

/**
 * Writes a consistent copy of the SQLite state file `dbFile` to `target` with SQLite's online backup, which
 * is safe while Tally runs on it (a write during the backup restarts the step, it never tears the copy).
 * Refuses to overwrite `target`. Checks the copy opens and is intact, and returns its rows per table.
 */
export async function backupSqliteState(dbFile: string, target: string): Promise<TableCount[]> {
  if (!existsSync(dbFile)) throw new StateCopyError(`no state database at ${dbFile}`);
  if (existsSync(target)) {
    throw new StateCopyError(`${target} already exists: a backup never overwrites, so give a new file name`);
  }
  const source = new Database(dbFile, { fileMustExist: true });
  try {
    source.pragma(`busy_timeout = ${BACKUP_BUSY_TIMEOUT_MS}`);
    await source.backup(target);
  } catch (error) {
    rmSync(target, { force: true });
    throw error;
  } finally {
    source.close();
  }
  const copy = new Database(target, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new StateCopyError(`the backup ${target} failed its integrity check: ${check}`);
    return countSqliteRows(copy);
  } finally {
    copy.close();
  }
}
