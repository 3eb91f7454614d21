/**
 * SIGTERM to `npm start` (a real process) with replies still in flight: they finish with their retries within
 * the grace period, or are saved in the outbox and sent by the next start on the same state folder.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import { FakeSlack, type RecordedCall } from "../support/fake-slack.ts";
import { type MainProcess, runMain, waitForOutput } from "../support/run-main.ts";
import {
  eventEnvelope,
  postEvent,
  postSlashCommand,
  TEST_SIGNING_SECRET,
} from "../support/signed-request.ts";
import { allText } from "../support/slack-message.ts";
import { WAR_STORY_DIR } from "../support/war-story.ts";

const QUESTION = "how many Russian soldiers have been killed?";
const ANSWER_SOURCE = "UK Ministry of Defence";
/** Past the grace period: starting tsx, stopping and the exit itself on a loaded machine. */
const EXIT_MARGIN_MS = 8_000;

let fake: FakeSlack;
let stateDir: string;
const processes: MainProcess[] = [];
beforeEach(async () => {
  fake = await FakeSlack.start();
  stateDir = mkdtempSync(path.join(tmpdir(), "tally-shutdown-"));
});
afterEach(async () => {
  for (const p of processes.splice(0)) if (p.child.exitCode === null) p.child.kill("SIGKILL");
  await fake.close();
  rmSync(stateDir, { recursive: true, force: true });
});

async function start(graceMs: number): Promise<{ main: MainProcess; baseUrl: string }> {
  const main = runMain({
    SLACK_BOT_TOKEN: "xoxb-shutdown-test",
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: "0",
    HOST: "127.0.0.1",
    TALLY_STATE_DIR: stateDir,
    TALLY_DATA_DIR: WAR_STORY_DIR,
    TALLY_SHUTDOWN_GRACE_MS: String(graceMs),
  });
  processes.push(main);
  const listening = await waitForOutput(
    main,
    "stderr",
    /"msg":"listening for Slack over HTTP"[^\n]*"port":(\d+)/,
  );
  return { main, baseUrl: `http://127.0.0.1:${listening[1]}` };
}

/** SIGTERM, then the exit code and how long the process took to end. */
async function terminate(main: MainProcess): Promise<{ code: number | null; tookMs: number }> {
  const at = Date.now();
  main.child.kill("SIGTERM");
  const code = await main.exited;
  return { code, tookMs: Date.now() - at };
}

const askers = (n: number) => Array.from({ length: n }, (_, i) => `U0SHUT${i}`);

/** Ephemeral answers that reached `user` in the fake workspace, whichever way they went. */
const answersTo = (user: string) =>
  fake.changes.flatMap((c) => (c.kind === "posted" && c.message.ephemeralTo === user ? [c.message] : []));

async function waitUntil(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function outboxCount(): Promise<number> {
  const store = openSqliteStore(stateDir);
  try {
    return await store.countUndelivered();
  } finally {
    await store.close();
  }
}

/** 50 acknowledged commands, each asked by its own user, each with its own response_url. */
async function askAll(baseUrl: string, users: string[]): Promise<string[]> {
  const urls = users.map((user) => fake.responseUrl({ channel: "C0NEWS", user }));
  const acks = await Promise.all(
    users.map((user, i) =>
      postSlashCommand(baseUrl, { text: QUESTION, responseUrl: urls[i] ?? "", userId: user }),
    ),
  );
  expect(acks.map((r) => r.status)).toEqual(users.map(() => 200));
  return urls;
}

describe("SIGTERM with replies in flight", () => {
  it("finishes 50 slash-command replies whose first post failed, within the grace period, and exits 0", async () => {
    const graceMs = 15_000;
    const { main, baseUrl } = await start(graceMs);
    fake.script("response_url", ...Array.from({ length: 50 }, () => ({ status: 500, body: {} })));
    const users = askers(50);
    const urls = await askAll(baseUrl, users);
    const { code, tookMs } = await terminate(main);
    expect(code).toBe(0);
    expect(tookMs).toBeLessThan(graceMs + EXIT_MARGIN_MS);
    for (const user of users) expect(answersTo(user), user).toHaveLength(1);
    expect(allText({ ...answersTo(users[0] ?? "")[0] })).toContain(ANSWER_SOURCE);
    // Each URL was retried: the first post failed, a later one landed.
    for (const url of urls) expect(fake.calls.filter((c) => c.responseUrl === url).length).toBeGreaterThan(1);
    expect(await outboxCount()).toBe(0);
  }, 60_000);

  it("saves the replies Slack holds past the grace period, and the next start delivers each once", async () => {
    const graceMs = 1_500;
    let holding = true;
    // Held calls are never answered: the first process is gone by then.
    fake.hold((c) => holding && c.method === "response_url");
    const first = await start(graceMs);
    const users = askers(20);
    const urls = await askAll(first.baseUrl, users);
    await waitUntil(() => fake.callsTo("response_url").length >= 20, "the 20 held posts");
    const { code, tookMs } = await terminate(first.main);
    expect(code).toBe(0);
    expect(tookMs).toBeLessThan(graceMs + EXIT_MARGIN_MS);
    expect(first.main.stderr()).toContain('"msg":"saved undelivered replies for the next start","count":20');
    expect(await outboxCount()).toBe(20);
    for (const user of users) expect(answersTo(user)).toHaveLength(0);

    holding = false;
    const second = await start(graceMs);
    await waitUntil(() => users.every((u) => answersTo(u).length > 0), "every saved reply");
    expect((await terminate(second.main)).code).toBe(0);
    for (const user of users) expect(answersTo(user), user).toHaveLength(1);
    for (const url of urls) expect(fake.calls.filter((c) => c.responseUrl === url)).toHaveLength(2);
    expect(await outboxCount()).toBe(0);
  }, 60_000);

  describe("app mentions", () => {
    const mention = (i: number) => {
      const ts = `1732104000.${String(i).padStart(6, "0")}`;
      return eventEnvelope(`EvShut${i}`, {
        type: "app_mention",
        user: `U0SHUT${i}`,
        text: `<@U0TALLY> ${QUESTION}`,
        ts,
        event_ts: ts,
        channel: `C0SHUT${i % 5}`,
      });
    };
    const threadReplies = () =>
      fake.changes.flatMap((c) =>
        c.kind === "posted" && c.message.channel.startsWith("C0SHUT") && c.message.threadTs
          ? [c.message]
          : [],
      );
    const ackAll = async (baseUrl: string, n: number) => {
      const acks = await Promise.all(Array.from({ length: n }, (_, i) => postEvent(baseUrl, mention(i))));
      expect(acks.map((r) => r.status)).toEqual(acks.map(() => 200));
    };

    it("delivers 50 acknowledged mentions whose first post got a 503, and exits 0", async () => {
      const graceMs = 15_000;
      const { main, baseUrl } = await start(graceMs);
      fake.script(
        "chat.postMessage",
        ...Array.from({ length: 50 }, () => ({
          status: 503,
          body: { ok: false, error: "service_unavailable" },
        })),
      );
      await ackAll(baseUrl, 50);
      const { code, tookMs } = await terminate(main);
      expect(code).toBe(0);
      expect(tookMs).toBeLessThan(graceMs + EXIT_MARGIN_MS);
      const replies = threadReplies();
      expect(new Set(replies.map((m) => m.threadTs)).size).toBe(50);
      expect(replies).toHaveLength(50);
      expect(await outboxCount()).toBe(0);
    }, 60_000);

    it("saves mention replies Slack holds past the grace period, and the next start delivers them", async () => {
      const graceMs = 1_500;
      let holding = true;
      fake.hold((c: RecordedCall) => holding && c.method === "chat.postMessage");
      const first = await start(graceMs);
      await ackAll(first.baseUrl, 50);
      await waitUntil(() => fake.callsTo("chat.postMessage").length > 0, "the first held post");
      const { code, tookMs } = await terminate(first.main);
      expect(code).toBe(0);
      expect(tookMs).toBeLessThan(graceMs + EXIT_MARGIN_MS);
      expect(await outboxCount()).toBe(50);
      expect(threadReplies()).toHaveLength(0);

      holding = false;
      const second = await start(graceMs);
      await waitUntil(() => threadReplies().length >= 50, "every saved mention reply", 30_000);
      expect((await terminate(second.main)).code).toBe(0);
      expect(new Set(threadReplies().map((m) => m.threadTs)).size).toBe(50);
      expect(threadReplies()).toHaveLength(50);
      expect(await outboxCount()).toBe(0);
    }, 90_000);
  });
});
