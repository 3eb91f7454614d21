import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeSlack } from "../support/fake-slack.ts";
import { runMain, waitForOutput } from "../support/run-main.ts";
import { postSlashCommand, TEST_SIGNING_SECRET } from "../support/signed-request.ts";
import { allText } from "../support/slack-message.ts";
import { WAR_STORY_DIR } from "../support/war-story.ts";

let fake: FakeSlack;
let stateDir: string;
beforeEach(async () => {
  fake = await FakeSlack.start();
  stateDir = mkdtempSync(path.join(tmpdir(), "tally-state-"));
});
afterEach(async () => {
  await fake.close();
  rmSync(stateDir, { recursive: true, force: true });
});

const serverEnv = () => ({
  SLACK_BOT_TOKEN: "xoxb-main-test",
  SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
  // Without the trailing slash on purpose: config adds it.
  SLACK_API_URL: fake.apiUrl.replace(/\/$/, ""),
  PORT: "0",
  HOST: "127.0.0.1",
  TALLY_STATE_DIR: stateDir,
  TALLY_DATA_DIR: WAR_STORY_DIR,
});

describe("npm start with Slack tokens (HTTP mode)", () => {
  it("serves /healthz and answers a signed /tally, then stops cleanly on SIGTERM", async () => {
    const main = runMain(serverEnv());
    const listening = await waitForOutput(
      main,
      "stderr",
      /"msg":"listening for Slack over HTTP"[^\n]*"port":(\d+)/,
    );
    const baseUrl = `http://127.0.0.1:${listening[1]}`;

    const health = await fetch(`${baseUrl}/healthz`);
    expect(await health.text()).toBe("ok");
    expect(fake.callsTo("auth.test")[0]?.token).toBe("xoxb-main-test");

    const responseUrl = fake.responseUrl({ channel: "C0NEWS", user: "U0ASKER" });
    const res = await postSlashCommand(baseUrl, {
      text: "how many Russian soldiers have been killed?",
      responseUrl,
    });
    expect(res.status).toBe(200);
    const answer = await fake.waitFor((c) => c.responseUrl === responseUrl, "the answer");
    expect(allText(answer.params)).toContain("UK Ministry of Defence");

    main.child.kill("SIGTERM");
    expect(await main.exited).toBe(0);
  });

  it("exits 1 with a clear message when Slack rejects the bot token", async () => {
    fake.script("auth.test", { body: { ok: false, error: "invalid_auth" } });
    const main = runMain(serverEnv());
    expect(await main.exited).toBe(1);
    expect(main.stderr()).toContain("Slack rejected SLACK_BOT_TOKEN (invalid_auth)");
  });
});
