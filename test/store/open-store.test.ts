import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { openStores } from "../../src/store/open-store.ts";
import {
  createTestDatabase,
  DROP_TIMEOUT_MS,
  dropTestDatabases,
  pgSkipReason,
  pgSuiteTitle,
} from "./pg-test-database.ts";

const now = new Date("2025-06-12T08:00:00.000Z");
const http = { SLACK_BOT_TOKEN: "xoxb-1-2-abc", SLACK_SIGNING_SECRET: "abc123" };

describe("DATABASE_URL in the configuration", () => {
  it("is null when unset or empty, so the state stays in SQLite", () => {
    for (const env of [http, { ...http, DATABASE_URL: "  " }]) {
      const result = loadConfig(env, { stdinIsTTY: false });
      expect(result.ok && result.config.databaseUrl).toBeNull();
    }
  });

  it("takes a postgres:// or postgresql:// URL", () => {
    for (const url of ["postgres://tally:pw@db:5432/tally", "postgresql://db/tally"]) {
      const result = loadConfig({ ...http, DATABASE_URL: url }, { stdinIsTTY: false });
      expect(result.ok && result.config.databaseUrl).toBe(url);
    }
  });

  it("refuses another scheme, naming the variable and the form, without repeating the value", () => {
    const result = loadConfig(
      { ...http, DATABASE_URL: "mysql://tally:s3cret@db/tally" },
      { stdinIsTTY: false },
    );
    expect(result.ok).toBe(false);
    const message = result.ok ? "" : result.message;
    expect(message).toMatch(/DATABASE_URL must be a PostgreSQL URL such as postgres:\/\//);
    expect(message).not.toContain("s3cret");
  });
});

describe("openStores", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it("opens both stores on SQLite in the state folder when no DATABASE_URL is given", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tally-open-stores-"));
    dirs.push(dir);
    const first = await openStores({ databaseUrl: null, stateDir: dir });
    expect(first.kind).toBe("sqlite");
    await first.store.setFlagMode("C1", "quiet");
    expect(await first.curation.claimReminderDay("2025-06-12", now)).toBe(true);
    await first.close();
    const again = await openStores({ databaseUrl: null, stateDir: dir });
    expect(await again.store.flagMode("C1")).toBe("quiet");
    expect(await again.curation.claimReminderDay("2025-06-12", now)).toBe(false);
    await again.close();
  });
});

describe.skipIf(pgSkipReason !== null)(pgSuiteTitle("openStores on PostgreSQL"), () => {
  afterAll(dropTestDatabases, DROP_TIMEOUT_MS);

  it("opens both stores on one PostgreSQL database when a DATABASE_URL is given", async () => {
    const url = await createTestDatabase();
    const a = await openStores({ databaseUrl: url, stateDir: "/nonexistent/never-used" });
    const b = await openStores({ databaseUrl: url, stateDir: "/nonexistent/never-used" });
    expect(a.kind).toBe("postgres");
    await a.store.setFlagMode("C1", "off");
    expect(await b.store.flagMode("C1")).toBe("off");
    expect(await a.curation.claimReminderDay("2025-06-12", now)).toBe(true);
    expect(await b.curation.claimReminderDay("2025-06-12", now)).toBe(false);
    await a.close();
    await b.close();
  });
});
