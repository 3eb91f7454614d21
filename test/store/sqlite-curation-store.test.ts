import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { migrations } from "../../src/store/migrations.ts";
import { runMigrations } from "../../src/store/run-migrations.ts";
import { openSqliteCurationStore } from "../../src/store/sqlite-curation-store.ts";
import { openSqliteStore, STATE_FILE_NAME } from "../../src/store/sqlite-store.ts";
import { describeCurationStoreContract, sampleProposal } from "./curation-store-contract.ts";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "tally-curation-store-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describeCurationStoreContract("sqlite :memory:", async () => openSqliteCurationStore(":memory:"));

describeCurationStoreContract(
  "sqlite state folder",
  async () => openSqliteCurationStore(tempDir()),
  async () => {
    const dir = tempDir();
    return [openSqliteCurationStore(dir), openSqliteCurationStore(dir)];
  },
);

describe("openSqliteCurationStore", () => {
  it("upgrades a database that has only the first migration, keeping what it held", async () => {
    const dir = tempDir();
    const old = new Database(join(dir, STATE_FILE_NAME));
    runMigrations(old, migrations.slice(0, 1));
    old
      .prepare(
        "INSERT INTO subscriptions (channel, time, time_zone, subscribed_by, created_at) VALUES (?, ?, ?, ?, ?)",
      )
      .run("C1", "09:00", "UTC", "U1", "2025-03-01T00:00:00.000Z");
    expect(old.pragma("user_version", { simple: true })).toBe(1);
    old.close();

    const curation = openSqliteCurationStore(dir);
    await curation.saveProposal(sampleProposal("p-1", "2025-03-05T09:00:00.000Z"));
    expect((await curation.getProposal("p-1"))?.id).toBe("p-1");
    await curation.close();

    const raw = new Database(join(dir, STATE_FILE_NAME), { readonly: true });
    expect(raw.pragma("user_version", { simple: true })).toBe(migrations.length);
    raw.close();
    const store = openSqliteStore(dir);
    expect((await store.getSubscription("C1"))?.time).toBe("09:00");
    await store.close();
  });

  it("shares the state file with the main store, each on its own connection", async () => {
    const dir = tempDir();
    const store = openSqliteStore(dir);
    const curation = openSqliteCurationStore(dir);
    await store.upsertSubscription(
      { channel: "C1", time: "09:00", timeZone: "UTC", subscribedBy: "U1" },
      new Date(),
    );
    expect(await curation.claimReminderDay("2025-03-05", new Date())).toBe(true);
    await store.close();
    expect(await curation.claimReminderDay("2025-03-05", new Date())).toBe(false);
    await curation.close();
  });

  it("rejects reading a stored proposal that no longer fits the schema, naming it and the field", async () => {
    const dir = tempDir();
    const curation = openSqliteCurationStore(dir);
    await curation.saveProposal(sampleProposal("p-1", "2025-03-05T09:00:00.000Z"));
    const raw = new Database(join(dir, STATE_FILE_NAME));
    raw.prepare("UPDATE curation_proposals SET content = json_remove(content, '$.figureText')").run();
    raw.close();
    await expect(curation.getProposal("p-1")).rejects.toThrow(
      /stored proposal p-1 is unreadable: figureText/,
    );
    await expect(curation.listProposals()).rejects.toThrow(/p-1/);
    await curation.close();
  });
});
