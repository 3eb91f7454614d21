import type { CurationStore } from "./curation-store.ts";
import { openPgCurationStore } from "./pg-curation-store.ts";
import { openPgDatabase } from "./pg-database.ts";
import { openPgStore } from "./pg-store.ts";
import { openSqliteCurationStore } from "./sqlite-curation-store.ts";
import { openSqliteStore } from "./sqlite-store.ts";
import type { Store } from "./store.ts";

export interface OpenedStores {
  store: Store;
  curation: CurationStore;
  kind: "sqlite" | "postgres";
  /** Closes both stores and what they share (the PostgreSQL pool). */
  close(): Promise<void>;
}

/**
 * Opens Tally's state: PostgreSQL when a DATABASE_URL is given (several instances can share it), else the
 * SQLite file in `stateDir` (or memory, for ":memory:"), which needs no set-up. Throws with one sentence
 * naming what is wrong; a PostgreSQL message never contains the password.
 */
export async function openStores(
  config: { databaseUrl: string | null; stateDir: string },
  options: { onIdleError?: (message: string) => void } = {},
): Promise<OpenedStores> {
  if (config.databaseUrl !== null) {
    const { pool } = await openPgDatabase(config.databaseUrl, options);
    const store = openPgStore(pool);
    const curation = openPgCurationStore(pool);
    return {
      store,
      curation,
      kind: "postgres",
      async close() {
        await store.close();
        await curation.close();
        await pool.end();
      },
    };
  }
  const store = openSqliteStore(config.stateDir);
  let curation: CurationStore;
  try {
    curation = openSqliteCurationStore(config.stateDir);
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    store,
    curation,
    kind: "sqlite",
    async close() {
      await store.close();
      await curation.close();
    },
  };
}
