import type Database from "better-sqlite3";
import type { Migration } from "./migrations.ts";

/**
 * Brings the database up to the newest migration. Runs in one IMMEDIATE transaction, so two instances
 * opening the same file at once cannot both apply a migration: the second waits, then sees the new version.
 * Returns the versions applied.
 */
export function runMigrations(db: Database.Database, list: readonly Migration[]): number[] {
  list.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(
        `migration "${m.name}" has version ${m.version}; expected ${i + 1} (versions run 1, 2, 3 …)`,
      );
    }
  });
  const latest = list.length;
  const apply = db.transaction((): number[] => {
    const current = db.pragma("user_version", { simple: true }) as number;
    if (current > latest) {
      throw new Error(
        `the state database is at schema version ${current}, newer than this build knows (${latest}); ` +
          "run a newer Tally or point TALLY_STATE_DIR elsewhere",
      );
    }
    const applied: number[] = [];
    for (const m of list.slice(current)) {
      db.exec(m.sql);
      applied.push(m.version);
    }
    // PRAGMA does not take bound parameters; the value is an integer we computed.
    db.pragma(`user_version = ${latest}`);
    return applied;
  });
  return apply.immediate();
}
