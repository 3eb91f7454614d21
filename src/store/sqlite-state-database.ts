import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { migrations } from "./migrations.ts";
import { runMigrations } from "./run-migrations.ts";
import { assertIntact } from "./sqlite-state-guard.ts";
import { isBusyError, toStateError } from "./state-errors.ts";

/** The database file inside TALLY_STATE_DIR. */
export const STATE_FILE_NAME = "tally.db";

/**
 * While opening (before anything serves) a connection may wait synchronously for another process's lock
 * (ms); once open it never does (see sqlite-busy-retry.ts).
 */
const OPEN_BUSY_TIMEOUT_MS = 5_000;

/** How many times opening retries when another process holds the file mid-setup (see `retrySetupWhileBusy`). */
const OPEN_ATTEMPTS = 40;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `setup`, retrying on SQLITE_BUSY. busy_timeout does not cover everything at open: when two processes
 * both hold a read lock and both want to switch a fresh file to WAL, SQLite refuses one at once (waiting
 * could deadlock) instead of calling the busy handler. A short random pause breaks the tie.
 */
function retrySetupWhileBusy(setup: () => void): void {
  for (let attempt = 1; ; attempt += 1) {
    try {
      setup();
      return;
    } catch (error) {
      if (!isBusyError(error) || attempt >= OPEN_ATTEMPTS) throw error;
      sleepSync(10 + Math.random() * 90);
    }
  }
}

/**
 * The connection a store uses (`tally.db` in `dir`, or ":memory:"): checked, set up and migrated; each store
 * opens its own. Synchronous, so a bad folder or a damaged file fails at start-up, before anything listens:
 * with StateCorruptError when the file is damaged (quick_check reads it all, before any migration writes),
 * StateReadOnlyError when it cannot be written, StateBusyError when another process held it throughout.
 */
export function openStateDatabase(dir: string): Database.Database {
  let file = ":memory:";
  if (dir !== ":memory:") {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new Error(`TALLY_STATE_DIR ${dir} could not be created: ${(error as Error).message}`);
    }
    file = join(dir, STATE_FILE_NAME);
  }
  const named = file === ":memory:" ? null : file;
  const started = performance.now();
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (error) {
    throw toStateError(error, named);
  }
  try {
    db.pragma(`busy_timeout = ${OPEN_BUSY_TIMEOUT_MS}`);
    db.pragma("foreign_keys = ON");
    retrySetupWhileBusy(() => {
      if (named !== null) assertIntact(db, named);
      if (named !== null) db.pragma("journal_mode = WAL");
      runMigrations(db, migrations);
    });
    // Serving from here on: a busy statement fails at once and is retried off the event loop.
    db.pragma("busy_timeout = 0");
  } catch (error) {
    db.close();
    throw toStateError(error, named, performance.now() - started);
  }
  return db;
}
