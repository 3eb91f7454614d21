/** `npm start` with DATABASE_URL: what a server operator sees when the database is not there. */
import { describe, expect, it } from "vitest";
import { pgSkipReason, pgSuiteTitle, testDatabaseUrl } from "../store/pg-test-database.ts";
import { runMain } from "../support/run-main.ts";
import { TEST_SIGNING_SECRET } from "../support/signed-request.ts";
import { WAR_STORY_DIR } from "../support/war-story.ts";

const PASSWORD = "s3cret-never-shown";

const env = (databaseUrl: string) => ({
  SLACK_BOT_TOKEN: "xoxb-main-database",
  SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
  // Nothing listens here: the process must stop on the database before it ever talks to Slack.
  SLACK_API_URL: "http://127.0.0.1:9/api/",
  PORT: "0",
  HOST: "127.0.0.1",
  DATABASE_URL: databaseUrl,
  TALLY_DATA_DIR: WAR_STORY_DIR,
});

/** What stderr says beyond the JSON log lines. */
const plainLines = (stderr: string) =>
  stderr.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("{"));

describe("npm start with DATABASE_URL", () => {
  it("exits 1 with one line naming the unreachable server, and never the password", async () => {
    const main = runMain(env(`postgres://tally:${PASSWORD}@127.0.0.1:1/tally`));
    expect(await main.exited).toBe(1);
    const lines = plainLines(main.stderr());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Tally cannot start: PostgreSQL at 127\.0\.0\.1:1 cannot be reached/);
    expect(main.stderr() + main.stdout()).not.toContain(PASSWORD);
  }, 30_000);

  describe.skipIf(pgSkipReason !== null)(pgSuiteTitle("on the real server"), () => {
    it("exits 1 naming the database that does not exist", async () => {
      const missing = new URL(testDatabaseUrl("tally_no_such_database"));
      missing.password = PASSWORD;
      const main = runMain(env(missing.toString()));
      expect(await main.exited).toBe(1);
      const lines = plainLines(main.stderr());
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('has no database "tally_no_such_database"');
      expect(main.stderr()).not.toContain(PASSWORD);
    }, 30_000);
  });
});
