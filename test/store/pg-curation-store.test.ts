import { afterAll, describe } from "vitest";
import { openPgCurationStore } from "../../src/store/pg-curation-store.ts";
import { describeCurationStoreContract } from "./curation-store-contract.ts";
import {
  DROP_TIMEOUT_MS,
  dropTestDatabases,
  pgSkipReason,
  pgSuiteTitle,
  storesOnFreshDatabase,
} from "./pg-test-database.ts";

describe.skipIf(pgSkipReason !== null)(pgSuiteTitle("PostgreSQL curation store"), () => {
  afterAll(dropTestDatabases, DROP_TIMEOUT_MS);

  describeCurationStoreContract(
    "postgres",
    async () => {
      const [store] = await storesOnFreshDatabase(1, openPgCurationStore);
      if (!store) throw new Error("no store opened");
      return store;
    },
    // Two pools on one database: two instances of the app.
    async () => {
      const [a, b] = await storesOnFreshDatabase(2, openPgCurationStore);
      if (!a || !b) throw new Error("two stores expected");
      return [a, b];
    },
  );
});
