import { describe, expect, it } from "vitest";
import { benchStoreBackends, type OperationFigures } from "../../src/bench/store-bench.ts";
import { pgSkipReason } from "../store/pg-test-database.ts";

const SERVER = process.env.TALLY_TEST_PG_SERVER ?? "postgres://postgres@127.0.0.1:5432";
const OPERATION_NAMES = [
  "markEventSeen",
  "flagModeRead",
  "recordFlag",
  "claimSummaryDay",
  "saveProposalThenGet",
];

function expectFigures(figures: Record<string, OperationFigures>, operations: number): void {
  expect(Object.keys(figures)).toEqual(OPERATION_NAMES);
  for (const f of Object.values(figures)) {
    expect(f.operations).toBe(operations);
    expect(f.perSecond).toBeGreaterThan(0);
  }
}

// Untimed: a small run that shows each backend's operations work and are reported, never how fast they are.
describe("store benchmark", () => {
  it("reports operations per second for SQLite, and for PostgreSQL where a server answers", async () => {
    const result = await benchStoreBackends({ operations: 5, pgServer: SERVER });
    expect(result.operations).toBe(5);
    expectFigures({ ...result.sqlite }, 5);
    if (pgSkipReason === null) {
      if ("skipped" in result.postgres)
        throw new Error(`PostgreSQL part skipped: ${result.postgres.skipped}`);
      expectFigures({ ...result.postgres }, 5);
    } else {
      expect(result.postgres).toHaveProperty("skipped");
    }
  });

  it("says why the PostgreSQL part was skipped when no server answers, without the password", async () => {
    const result = await benchStoreBackends({
      operations: 2,
      pgServer: "postgres://bench:pw-secret@127.0.0.1:1",
    });
    expect(result.postgres).toEqual({
      skipped: expect.stringMatching(
        /^no PostgreSQL database could be made at postgres:\/\/bench:\*\*\*@127\.0\.0\.1:1 \(ECONNREFUSED\)$/,
      ),
    });
    expect(JSON.stringify(result)).not.toContain("pw-secret");
  });
});
