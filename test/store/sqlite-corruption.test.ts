/**
 * A damaged state file is named as damage: at open (not blamed on the folder), and while running, where
 * the integrity check finds it, logs how to restore, and makes the stores refuse writes, so that nobody is
 * told "Done" for a write that may be lost.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/log/logger.ts";
import { startIntegrityChecks } from "../../src/store/integrity-checks.ts";
import { openSqliteCurationStore } from "../../src/store/sqlite-curation-store.ts";
import { createSqliteGuard } from "../../src/store/sqlite-state-guard.ts";
import { openSqliteStore, STATE_FILE_NAME } from "../../src/store/sqlite-store.ts";
import { StateCorruptError } from "../../src/store/state-errors.ts";
import { damageStateFile } from "../support/damage-state-file.ts";
import { useTempDirs } from "../support/temp-dirs.ts";
import { sampleProposal } from "./curation-store-contract.ts";

const now = new Date("2025-06-12T08:00:00.000Z");
const sub = { channel: "C1", time: "09:00", timeZone: "UTC", subscribedBy: "U1" };

const { tempDir, closers } = useTempDirs("tally-corrupt-");

/** A state file with enough rows to span many pages. */
async function filledStore(dir: string) {
  const store = openSqliteStore(dir);
  closers.push(() => store.close());
  for (let i = 0; i < 300; i += 1) {
    await store.recordFlag({
      channel: `C${i % 7}`,
      messageTs: `${i}.0001`,
      threadTs: null,
      user: "U1",
      figures: [`${i} ${"words ".repeat(20)}`],
      outcome: "flagged",
      at: now.toISOString(),
    });
  }
  return store;
}

describe("damage found while Tally runs", () => {
  it("is found by the integrity check, logged with how to restore, and every write is refused", async () => {
    const dir = tempDir();
    const file = join(dir, STATE_FILE_NAME);
    const store = await filledStore(dir);
    const curation = openSqliteCurationStore(dir);
    closers.push(() => curation.close());
    const logs: Record<string, unknown>[] = [];
    const logger = createLogger({ level: "debug", write: (line) => logs.push(JSON.parse(line)) });
    const checks = startIntegrityChecks({ stores: [store, curation], logger });
    closers.push(() => checks.stop());

    expect(await checks.checkNow()).toEqual([{ status: "ok" }, { status: "ok" }]);
    await store.upsertSubscription(sub, now);

    expect(damageStateFile(file)).toBeGreaterThan(5);
    const reports = await checks.checkNow();
    expect(reports.map((r) => r.status)).toEqual(["corrupt", "corrupt"]);
    expect(reports[0]).toMatchObject({ file, detail: expect.stringMatching(/quick_check found: /) });

    const errors = logs.filter((l) => l.level === "error");
    expect(errors[0]).toMatchObject({
      msg: expect.stringMatching(/state database is corrupt/),
      file,
      restore: expect.stringContaining(
        `copy your latest backup (taken with \`npm run state -- backup FILE\`) over ${file}`,
      ),
    });
    // Logged once per store, not every round.
    await checks.checkNow();
    expect(logs.filter((l) => l.level === "error")).toHaveLength(2);

    const refused = await store.upsertSubscription({ ...sub, time: "10:00" }, now).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StateCorruptError);
    expect((refused as StateCorruptError).message).toMatch(new RegExp(`state database ${file} is damaged`));
    await expect(store.markEventSeen("Ev1", now)).rejects.toBeInstanceOf(StateCorruptError);
    await expect(curation.saveProposal(sampleProposal("p1", now.toISOString()))).rejects.toBeInstanceOf(
      StateCorruptError,
    );
  });

  it("counts a statement that hits damage as damage too: that store refuses writes from then on", async () => {
    const db = new Database(":memory:");
    closers.push(() => db.close());
    const guard = createSqliteGuard(db);
    const malformed = Object.assign(new Error("database disk image is malformed"), {
      code: "SQLITE_CORRUPT",
    });
    const failed = await guard
      .read(() => {
        throw malformed;
      })
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(StateCorruptError);
    expect((failed as StateCorruptError).cause).toBe(malformed);
    let wrote = false;
    await expect(
      guard.write(() => {
        wrote = true;
      }),
    ).rejects.toThrow(/is damaged: nothing is written to it since damage was found/);
    expect(wrote).toBe(false);
    expect(await guard.read(() => "still reads")).toBe("still reads");
    expect((await guard.checkIntegrity()).status).toBe("corrupt");
  });
});

describe("a damaged file at open", () => {
  it("is named as damaged, not as a folder problem, when the file is not a database at all", () => {
    const dir = tempDir();
    const file = join(dir, STATE_FILE_NAME);
    writeFileSync(file, Buffer.alloc(20_000, 0x41));
    const failed = (() => {
      try {
        openSqliteStore(dir);
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(failed).toBeInstanceOf(StateCorruptError);
    expect(failed).toMatchObject({ kind: "corrupt", code: "SQLITE_NOTADB", file });
    expect((failed as Error).message).toMatch(/is damaged: SQLITE_NOTADB/);
  });

  it("is found by quick_check when only pages after the first are damaged", async () => {
    const dir = tempDir();
    const file = join(dir, STATE_FILE_NAME);
    await (await filledStore(dir)).close();
    expect(damageStateFile(file)).toBeGreaterThan(5);
    expect(() => openSqliteStore(dir)).toThrow(StateCorruptError);
    expect(() => openSqliteCurationStore(dir)).toThrow(`the state database ${file} is damaged`);
  });
});
