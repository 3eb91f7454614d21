/** `npm start` on a damaged SQLite state file: the operator is told it is damaged and how to restore. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openSqliteStore, STATE_FILE_NAME } from "../../src/store/sqlite-store.ts";
import { damageStateFile } from "../support/damage-state-file.ts";
import { runMain } from "../support/run-main.ts";
import { TEST_SIGNING_SECRET } from "../support/signed-request.ts";
import { WAR_STORY_DIR } from "../support/war-story.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const env = (stateDir: string) => ({
  SLACK_BOT_TOKEN: "xoxb-state-corrupt",
  SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
  // Nothing listens here: the process must stop on the state file before it ever talks to Slack.
  SLACK_API_URL: "http://127.0.0.1:9/api/",
  PORT: "0",
  HOST: "127.0.0.1",
  TALLY_STATE_DIR: stateDir,
  TALLY_DATA_DIR: WAR_STORY_DIR,
});

/** What stderr says beyond the JSON log lines. */
const plainLines = (stderr: string) =>
  stderr.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("{"));

async function startOn(stateDir: string): Promise<string[]> {
  const main = runMain(env(stateDir));
  expect(await main.exited).toBe(1);
  return plainLines(main.stderr());
}

describe("npm start on a damaged state file", () => {
  it("names a file that is not a database as damaged, with the restore steps, not a folder problem", async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "tally-garbage-"));
    dirs.push(stateDir);
    const file = join(stateDir, STATE_FILE_NAME);
    writeFileSync(file, Buffer.alloc(40_000, 0x41));
    const lines = await startOn(stateDir);
    expect(lines[0]).toBe(`Tally cannot start: its state database ${file} is damaged (SQLITE_NOTADB).`);
    expect(lines[1]).toContain(
      `copy your latest backup (taken with \`npm run state -- backup FILE\`) over ${file}`,
    );
    expect(lines[1]).toContain(`move those three files aside`);
    expect(lines.join("\n")).not.toMatch(/writable/);
  }, 30_000);

  it("names damage past the header (found by quick_check at open) the same way", async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "tally-damaged-"));
    dirs.push(stateDir);
    const file = join(stateDir, STATE_FILE_NAME);
    const store = openSqliteStore(stateDir);
    await store.upsertSubscription(
      { channel: "C1", time: "09:00", timeZone: "UTC", subscribedBy: "U1" },
      new Date(),
    );
    await store.close();
    damageStateFile(file);
    const lines = await startOn(stateDir);
    expect(lines[0]).toMatch(new RegExp(`^Tally cannot start: its state database ${file} is damaged \\(`));
    expect(lines.join("\n")).not.toMatch(/writable/);
  }, 30_000);
});
