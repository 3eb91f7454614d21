import { afterAll, describe } from "vitest";
import { openPgStore } from "../../src/store/pg-store.ts";
import {
  DROP_TIMEOUT_MS,
  dropTestDatabases,
  pgSkipReason,
  pgSuiteTitle,
  storesOnFreshDatabase,
} from "./pg-test-database.ts";
import { describeStoreContract } from "./store-contract.ts";

describe.skipIf(pgSkipReason !== null)(pgSuiteTitle("PostgreSQL store"), () => {
  afterAll(dropTestDatabases, DROP_TIMEOUT_MS);

  describeStoreContract(
    "postgres",
    async () => {
      const [store] = await storesOnFreshDatabase(1, openPgStore);
      if (!store) throw new Error("no store opened");
      return store;
    },
    // Two pools on one database: two instances of the app.
    async () => {
      const [a, b] = await storesOnFreshDatabase(2, openPgStore);
      if (!a || !b) throw new Error("two stores expected");
      return [a, b];
    },
  );
});
