import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { runStateCommand } from "../../src/cli/state-command.ts";
import { stateTables } from "../../src/store/copy-sqlite-to-pg.ts";
import type { CurationStore } from "../../src/store/curation-store.ts";
import { migrations } from "../../src/store/migrations.ts";
import { openPgCurationStore } from "../../src/store/pg-curation-store.ts";
import { openPgDatabase } from "../../src/store/pg-database.ts";
import { openPgStore } from "../../src/store/pg-store.ts";
import { runMigrations } from "../../src/store/run-migrations.ts";
import { openSqliteCurationStore } from "../../src/store/sqlite-curation-store.ts";
import { openSqliteStore, STATE_FILE_NAME } from "../../src/store/sqlite-store.ts";
import type { Store } from "../../src/store/store.ts";
import { sampleProposal } from "../store/curation-store-contract.ts";
import {
  createTestDatabase,
  DROP_TIMEOUT_MS,
  dropTestDatabases,
  pgSkipReason,
  pgSuiteTitle,
} from "../store/pg-test-database.ts";

const folders: string[] = [];
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "tally-state-cmd-"));
  folders.push(dir);
  return dir;
};

async function run(args: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runStateCommand(args, env, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err, all: [...out, ...err].join("\n") };
}

const T0 = new Date("2026-11-20T08:00:00.000Z");
const T1 = new Date("2026-11-21T09:30:00.000Z");

/** A state with a row in every table, written through the stores as the app would. */
async function fillState(dir: string): Promise<void> {
  const store = openSqliteStore(dir);
  const curation = openSqliteCurationStore(dir);
  try {
    await store.upsertSubscription(
      { channel: "C0DESK", time: "09:00", timeZone: "Europe/London", subscribedBy: "U0EDITOR" },
      T0,
    );
    await store.claimSummaryDay("C0DESK", "2026-11-21", T1);
    await store.watchTopic("C0DESK", "homes-destroyed", T0);
    await store.watchTopic("C0DESK", "people-displaced", T1);
    await store.setPinnedSummary(
      { channel: "C0DESK", ts: "1763717400.000100", postedAt: T1.toISOString() },
      "C0DESK",
    );
    await store.saveSummarySnapshot("C0DESK", T1, { "homes-destroyed": { low: 10, high: 12 } });
    await store.setFlagMode("C0DESK", "quiet");
    await store.markEventSeen("Ev0001", T1);
    for (const [i, outcome] of ["flagged", "quiet"].entries()) {
      await store.recordFlag({
        channel: "C0DESK",
        messageTs: `1763717400.00020${i}`,
        threadTs: i === 0 ? null : "1763717400.000100",
        user: "U0REPORTER",
        figures: ["800,000", `nearly ${i + 1},000 a day`],
        outcome,
        at: new Date(T1.getTime() + i * 1000).toISOString(),
      });
    }
    await store.recordFeedback({
      channel: "C0DESK",
      user: "U0READER",
      question: "how many homes?",
      topicId: "homes-destroyed",
      kind: "not-what-i-asked",
      at: T1.toISOString(),
    });
    await curation.saveProposal(sampleProposal("p-one", "2026-11-20T08:00:00.000Z"));
    await curation.saveProposal(sampleProposal("p-two", "2026-11-20T08:05:00.000Z"));
    await curation.decideProposal("p-one", "approved", {
      by: "U0CURATOR",
      at: T1.toISOString(),
      reason: null,
    });
    await curation.setProposalReview("p-two", { channel: "C0REVIEW", ts: "1763717400.000300" });
    await curation.retireClaim({
      claimId: "old-claim",
      by: "U0CURATOR",
      at: T1.toISOString(),
      reason: "corrected",
      replacedBy: "p-one-claim",
    });
    await curation.checkTopic({ topicId: "homes-destroyed", by: "U0CURATOR", at: T0.toISOString() });
    await curation.checkTopic({ topicId: "homes-destroyed", by: "U0OTHER", at: T1.toISOString() });
    await curation.saveDeskQuestion({
      id: "q-one",
      question: "how many bridges?",
      askedBy: "U0READER",
      channel: "C0DESK",
      askedAt: T0.toISOString(),
      review: null,
      answer: null,
    });
    await curation.answerDeskQuestion("q-one", { by: "U0CURATOR", at: T1.toISOString(), topicId: "bridges" });
    await curation.recordGap({
      kind: "no-match",
      question: "how many bridges?",
      user: "U0READER",
      channel: "C0DESK",
      topicId: null,
      at: T0.toISOString(),
    });
    await curation.claimReminderDay("2026-11-21", T1);
  } finally {
    await store.close();
    await curation.close();
  }
  // proposed_claims has no store methods yet; it is state all the same, and a copy must carry it.
  const db = new Database(join(dir, STATE_FILE_NAME));
  db.prepare(
    "INSERT INTO proposed_claims (channel, user, topic_id, claim, created_at) VALUES (?, ?, ?, ?, ?)",
  ).run("C0DESK", "U0REPORTER", null, "a figure", T0.toISOString());
  db.close();
}

/** Everything the stores' public API can read back, for comparing one backend with another. */
async function readState(store: Store, curation: CurationStore) {
  return {
    subscriptions: await store.listSubscriptions(),
    watched: await store.watchedTopics("C0DESK"),
    pin: await store.getPinnedSummary("C0DESK"),
    snapshot: await store.lastSummarySnapshot("C0DESK"),
    flagMode: await store.flagMode("C0DESK"),
    flags: await store.flagsSince("C0DESK", T0),
    proposals: await curation.listProposals(),
    retirements: await curation.listRetirements(),
    checks: await curation.latestTopicChecks(),
    questions: await curation.listDeskQuestions(),
    gaps: await curation.gapsSince(T0),
  };
}

async function readSqlite(dir: string) {
  const store = openSqliteStore(dir);
  const curation = openSqliteCurationStore(dir);
  try {
    return await readState(store, curation);
  } finally {
    await store.close();
    await curation.close();
  }
}

describe("state command arguments", () => {
  it("exits 2 with the usage when no command is given", async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/^state: give a command, copy or backup\nusage: npm run state -- copy --to/);
  });

  it("exits 2 when copy has neither --to nor DATABASE_URL", async () => {
    const r = await run(["copy", "--from", tempDir()]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([
      "state copy: --to is required (or set DATABASE_URL): the PostgreSQL database to copy into",
    ]);
  });

  it("exits 2 when --to is not a PostgreSQL URL", async () => {
    const r = await run(["copy", "--to", "mysql://db/tally"]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual(["state copy: --to must be a postgres:// or postgresql:// URL"]);
  });

  it("exits 2 when backup has no FILE", async () => {
    const r = await run(["backup"]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual(["state backup: FILE is required: the file to write the backup to"]);
  });

  it("exits 1 naming the file when the state folder has no database", async () => {
    const dir = tempDir();
    const r = await run(["copy", "--to", "postgres://127.0.0.1:1/x"], { TALLY_STATE_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `state copy: no state database at ${join(dir, STATE_FILE_NAME)}: give --from (or set TALLY_STATE_DIR) to Tally's folder`,
    ]);
  });

  it("exits 1 without the password when the server cannot be reached", async () => {
    const dir = tempDir();
    await fillState(dir);
    const r = await run(["copy", "--from", dir], {
      DATABASE_URL: "postgres://tally:s3cret-pw@127.0.0.1:1/x",
    });
    expect(r.code).toBe(1);
    expect(r.err.join("\n")).toMatch(/cannot be reached \(connection refused\)/);
    expect(r.all).not.toContain("s3cret-pw");
  });
  it("refuses a SQLite state at an older schema version, before connecting", async () => {
    const dir = tempDir();
    const db = new Database(join(dir, STATE_FILE_NAME));
    runMigrations(db, migrations.slice(0, 1));
    db.close();
    const r = await run(["copy", "--from", dir, "--to", "postgres://127.0.0.1:1/x"]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `state copy: the SQLite state is at schema version 1, older than this build's ${migrations.length}: start Tally on it once (it migrates at start), then copy`,
    ]);
  });

  it("refuses a SQLite state with a table no migration creates, naming it", async () => {
    const dir = tempDir();
    await fillState(dir);
    const db = new Database(join(dir, STATE_FILE_NAME));
    db.exec("CREATE TABLE hand_made (x TEXT)");
    db.close();
    const r = await run(["copy", "--from", dir, "--to", "postgres://127.0.0.1:1/x"]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      "state copy: the SQLite state has table(s) hand_made that no migration creates; nothing was copied",
    ]);
  });
});

describe("state backup", () => {
  it("writes a copy that opens with the same rows", async () => {
    const dir = tempDir();
    await fillState(dir);
    const restored = tempDir();
    const file = join(restored, STATE_FILE_NAME);
    const r = await run(["backup", file, "--from", dir]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe(`backed up ${join(dir, STATE_FILE_NAME)} to ${file}:`);
    expect(r.out).toContain("  flags                    2");
    expect(r.out.at(-1)).toBe(`20 rows in ${stateTables().length} tables`);
    expect(await readSqlite(restored)).toEqual(await readSqlite(dir));
  });

  it("never overwrites an existing file", async () => {
    const dir = tempDir();
    await fillState(dir);
    const file = join(tempDir(), "backup.db");
    expect((await run(["backup", file, "--from", dir])).code).toBe(0);
    const again = await run(["backup", file, "--from", dir]);
    expect(again.code).toBe(1);
    expect(again.err).toEqual([
      `state backup: ${file} already exists: a backup never overwrites, so give a new file name`,
    ]);
  });
});

describe.skipIf(pgSkipReason !== null)(pgSuiteTitle("state copy into PostgreSQL"), () => {
  afterAll(dropTestDatabases, DROP_TIMEOUT_MS);

  /** The test database's URL with a password in it: trust auth ignores it, the output must not show it. */
  const withPassword = (url: string): string =>
    url.replace("postgres://postgres@", "postgres://postgres:pw-42x@");

  async function readPg(url: string) {
    const { pool } = await openPgDatabase(url);
    const store = openPgStore(pool);
    const curation = openPgCurationStore(pool);
    try {
      return { state: await readState(store, curation), store, curation, pool };
    } catch (error) {
      await pool.end();
      throw error;
    }
  }

  it("copies every table, so the PostgreSQL stores read back what the SQLite ones hold", async () => {
    const dir = tempDir();
    await fillState(dir);
    const url = withPassword(await createTestDatabase());
    const r = await run(["copy", "--from", dir, "--to", url]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(
      /^copied .*tally\.db into postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/tally_test_/,
    );
    expect(r.out).toContain("  proposed_claims          1");
    expect(r.out).toContain("  curation_topic_checks    2");
    expect(r.all).not.toContain("pw-42x");

    const pg = await readPg(url);
    try {
      expect(pg.state).toEqual(await readSqlite(dir));
      // What the copy carried keeps acting: a seen event, a claimed day and reminder stay taken.
      expect(await pg.store.markEventSeen("Ev0001", T1)).toBe(false);
      expect(await pg.store.claimSummaryDay("C0DESK", "2026-11-21", T1)).toBe(false);
      expect(await pg.curation.claimReminderDay("2026-11-21", T1)).toBe(false);
      expect((await pg.store.getSubscription("C0DESK"))?.lastPostedDay).toBe("2026-11-21");
      const proposed = await pg.pool.query<{ n: string }>("SELECT count(*) AS n FROM proposed_claims");
      expect(proposed.rows[0]?.n).toBe("1");
    } finally {
      await pg.pool.end();
    }
  });

  it("moves the id sequences past the copied ids, so new rows do not collide", async () => {
    const dir = tempDir();
    await fillState(dir);
    const url = await createTestDatabase();
    expect((await run(["copy", "--from", dir, "--to", url])).code).toBe(0);
    const pg = await readPg(url);
    try {
      await pg.store.recordFlag({
        channel: "C0DESK",
        messageTs: "1763717400.000900",
        threadTs: null,
        user: null,
        figures: ["3"],
        outcome: "flagged",
        at: T1.toISOString(),
      });
      await pg.curation.checkTopic({ topicId: "bridges", by: "U0CURATOR", at: T1.toISOString() });
      const ids = await pg.pool.query<{ id: string }>("SELECT id FROM flags ORDER BY id");
      expect(ids.rows.map((row) => row.id)).toEqual(["1", "2", "3"]);
    } finally {
      await pg.pool.end();
    }
  });

  it("refuses a database that already has state, naming the tables, and copies nothing", async () => {
    const dir = tempDir();
    await fillState(dir);
    const url = await createTestDatabase();
    const { pool } = await openPgDatabase(url);
    try {
      await openPgStore(pool).setFlagMode("C0OTHER", "off");
      const r = await run(["copy", "--from", dir, "--to", url]);
      expect(r.code).toBe(1);
      expect(r.out).toEqual([]);
      expect(r.err).toEqual([
        "state copy: the PostgreSQL database already has state in flag_modes (1 row): a copy goes only into an " +
          "empty database, so that nothing is merged or lost; nothing was copied",
      ]);
      const flags = await pool.query<{ n: string }>("SELECT count(*) AS n FROM flags");
      expect(flags.rows[0]?.n).toBe("0");
    } finally {
      await pool.end();
    }
  });
});
