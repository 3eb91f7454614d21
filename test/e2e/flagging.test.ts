import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCore } from "../../src/answer/load-core.ts";
import type { TallyCore } from "../../src/answer/types.ts";
import { loadConfig } from "../../src/config.ts";
import { flagConfig } from "../../src/flag/flag-config.ts";
import { createLogger } from "../../src/log/logger.ts";
import type { AppDeps } from "../../src/slack/deps.ts";
import { startSlackApp } from "../../src/slack/start-slack-app.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import type { Store } from "../../src/store/store.ts";
import { testCuration } from "../support/curation-deps.ts";
import { FAKE_BOT_ID, FAKE_BOT_USER_ID, FakeSlack, type RecordedCall } from "../support/fake-slack.ts";
import {
  eventEnvelope,
  postEvent,
  postSlashCommand,
  TEST_SIGNING_SECRET,
} from "../support/signed-request.ts";
import { TEST_NOW } from "../support/start-app.ts";
import { testDelivery } from "../support/test-delivery.ts";
import { WAR_STORY_DIR } from "../support/war-story.ts";

/**
 * Flagging over the wire: signed Events API requests into the real app on 127.0.0.1, Web API calls out to
 * the fake Slack. The store is SQLite in a temp folder so that a restart can reopen it.
 */

interface Running {
  baseUrl: string;
  store: Store;
  stop(): Promise<void>;
}

let fake: FakeSlack;
let core: TallyCore;
let dir: string;
let app: Running;

async function startApp(): Promise<Running> {
  const result = loadConfig(
    {
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      TALLY_DATA_DIR: WAR_STORY_DIR,
    },
    { stdinIsTTY: false },
  );
  if (!result.ok) throw new Error(result.message);
  const { config } = result;
  if (config.connection.mode === "console") throw new Error("the test app must run over HTTP");
  const now = () => TEST_NOW;
  const store = openSqliteStore(dir);
  const logger = createLogger({ level: "error", write: () => {}, now });
  const deps: AppDeps = {
    core,
    store,
    now,
    logger,
    config,
    curation: testCuration(core, config, now, logger),
    delivery: testDelivery(fake.apiUrl, logger),
  };
  const started = await startSlackApp(deps, config.connection, { port: 0, host: "127.0.0.1" });
  if (!started.ok) throw new Error(started.message);
  const { running } = started;
  return {
    baseUrl: `http://127.0.0.1:${running.port}`,
    store,
    stop: async () => {
      await running.stop();
      await store.close();
    },
  };
}

beforeAll(async () => {
  fake = await FakeSlack.start();
  dir = mkdtempSync(join(tmpdir(), "tally-flag-e2e-"));
  ({ core } = await loadCore({ dataDirs: [WAR_STORY_DIR], now: () => TEST_NOW }));
  app = await startApp();
});
afterAll(async () => {
  await app.stop();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

let eventCount = 0;
let tsCount = 0;
let channelCount = 0;
const nextTs = () => `1732000000.${String(++tsCount).padStart(6, "0")}`;
/** Each test gets fresh channels, so the per-channel rate limit and modes never leak between tests. */
const newChannel = () => `C0FLAG${String(++channelCount).padStart(3, "0")}`;

function channelMessage(channel: string, text: string, extra: Record<string, unknown> = {}) {
  const ts = nextTs();
  return {
    type: "message",
    channel_type: "channel",
    channel,
    user: "U0REPORTER",
    text,
    ts,
    event_ts: ts,
    ...extra,
  };
}

async function deliver(
  event: Record<string, unknown>,
  options: { eventId?: string; retryNum?: number } = {},
): Promise<string> {
  const eventId = options.eventId ?? `EvF${String(++eventCount).padStart(8, "0")}`;
  const res = await postEvent(
    app.baseUrl,
    eventEnvelope(eventId, event),
    options.retryNum !== undefined ? { retryNum: options.retryNum } : {},
  );
  expect(res.status).toBe(200);
  return eventId;
}

async function slash(channel: string, text: string): Promise<RecordedCall> {
  const responseUrl = fake.responseUrl({ channel, user: "U0EDITOR" });
  const res = await postSlashCommand(app.baseUrl, {
    text,
    responseUrl,
    channelId: channel,
    userId: "U0EDITOR",
  });
  expect(res.status).toBe(200);
  return fake.waitFor((c) => c.responseUrl === responseUrl, `the answer to /tally ${text}`);
}

const threadReplies = (channel: string, ts: string) =>
  fake.callsTo("chat.postMessage").filter((c) => c.params.channel === channel && c.params.thread_ts === ts);
const reactionsOn = (channel: string, ts: string) =>
  fake.callsTo("reactions.add").filter((c) => c.params.channel === channel && c.params.timestamp === ts);
const ephemeralsIn = (channel: string) =>
  fake.callsTo("chat.postEphemeral").filter((c) => c.params.channel === channel);
const callsAbout = (channel: string) =>
  fake.calls.filter((c) => c.params.channel === channel && c.method !== "response_url");

/** The store is written after Slack answers the post: wait for it rather than race it. */
async function flagsOnceRecorded(channel: string, count: number) {
  for (let i = 0; i < 200; i++) {
    const flags = await app.store.flagsSince(channel, new Date(0));
    if (flags.length >= count) return flags;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`fewer than ${count} flags recorded in ${channel}`);
}

/**
 * Proves that nothing was done for the events already sent: an unsourced figure sent afterwards in a
 * sentinel channel is flagged, and each earlier event was handled in-process before it.
 */
async function settle(): Promise<void> {
  const sentinel = channelMessage(newChannel(), "Russia has lost 765,110 troops");
  await deliver(sentinel);
  await fake.waitFor(
    (c) => c.method === "chat.postMessage" && c.params.thread_ts === sentinel.ts,
    "the sentinel's flag",
  );
}

describe("flagging unsourced figures in channels", () => {
  it("replies once in the thread and reacts when a message has unsourced figures", async () => {
    const channel = newChannel();
    const event = channelMessage(channel, "Russia has lost 765,110 troops and NK sent 12,000 men");
    await deliver(event);
    const reply = await fake.waitFor(
      (c) => c.method === "chat.postMessage" && c.params.thread_ts === event.ts,
      "the flag in the thread",
    );
    const text = String(reply.params.text);
    expect(text).toContain("*765,110*");
    expect(text).toContain("outdated");
    expect(text).toContain("*12,000*");
    expect(text).toContain("10,000–12,000");
    await fake.waitFor(
      (c) => c.method === "reactions.add" && c.params.timestamp === event.ts,
      "the reaction",
    );
    expect(reactionsOn(channel, event.ts)[0]?.params.name).toBe(flagConfig.reaction);
    await settle();
    expect(threadReplies(channel, event.ts)).toHaveLength(1);
  });

  it("tells the thread when a figure contradicts the index", async () => {
    const channel = newChannel();
    const event = channelMessage(channel, "russia has lost 800,000 killed");
    await deliver(event);
    const reply = await fake.waitFor(
      (c) => c.method === "chat.postMessage" && c.params.thread_ts === event.ts,
      "the contradiction",
    );
    expect(String(reply.params.text)).toContain(":warning:");
    expect(String(reply.params.text)).toContain("UK Ministry of Defence");
  });

  it("replies in the existing thread when the message is itself a thread reply", async () => {
    const channel = newChannel();
    const parent = "1731999999.000100";
    const event = channelMessage(channel, "NK losses are around 3,800 killed or wounded", {
      thread_ts: parent,
    });
    await deliver(event);
    await fake.waitFor(
      (c) => c.method === "chat.postMessage" && c.params.channel === channel && c.params.thread_ts === parent,
      "the flag in the parent thread",
    );
    expect(threadReplies(channel, event.ts)).toHaveLength(0);
  });

  it("stays silent for sourced figures and for chatter", async () => {
    const channel = newChannel();
    for (const text of [
      "According to CSIS, Russian casualties are about 1.2 million",
      "UK MoD says ~250,000 killed in action",
      "800,000 casualties <https://www.newsweek.com/russia-losses|Newsweek>",
      "file by 3pm, 800 words max, slot 3, see p. 4",
      "<@U04QWERTY> call me on +44 20 7946 0958 :fire:",
      "```const total = 765110;```",
    ]) {
      await deliver(channelMessage(channel, text));
    }
    await settle();
    expect(callsAbout(channel)).toEqual([]);
  });

  it("records every flag with its channel, message, figures and outcome", async () => {
    const channel = newChannel();
    const event = channelMessage(channel, "Ukraine lost 500k. Russia lost 1.2m.");
    await deliver(event);
    await fake.waitFor((c) => c.method === "chat.postMessage" && c.params.thread_ts === event.ts, "the flag");
    const flags = await flagsOnceRecorded(channel, 1);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      channel,
      messageTs: event.ts,
      user: "U0REPORTER",
      figures: ["500k", "1.2m"],
      outcome: "flagged",
    });
  });
});

describe("per-channel modes", () => {
  it("shows the mode, on by default", async () => {
    const channel = newChannel();
    const answer = await slash(channel, "flag");
    expect(answer.params.response_type).toBe("ephemeral");
    expect(String(answer.params.text)).toContain("*on*");
  });

  it("in quiet mode reacts and tells only the author", async () => {
    const channel = newChannel();
    const set = await slash(channel, "flag quiet");
    expect(String(set.params.text)).toContain("*quiet*");
    expect(String((await slash(channel, "flag")).params.text)).toContain("*quiet*");
    const event = channelMessage(channel, "Russia has lost 800,000 soldiers so far");
    await deliver(event);
    const note = await fake.waitFor(
      (c) => c.method === "chat.postEphemeral" && c.params.channel === channel,
      "the ephemeral note",
    );
    expect(note.params.user).toBe("U0REPORTER");
    expect(String(note.params.text)).toContain("*800,000*");
    await fake.waitFor(
      (c) => c.method === "reactions.add" && c.params.timestamp === event.ts,
      "the reaction",
    );
    await settle();
    expect(threadReplies(channel, event.ts)).toHaveLength(0);
    expect((await flagsOnceRecorded(channel, 1)).map((f) => f.outcome)).toEqual(["quiet"]);
  });

  it("in off mode does nothing, and on again flags again", async () => {
    const channel = newChannel();
    await slash(channel, "flag off");
    await deliver(channelMessage(channel, "Russia has lost 800,000 soldiers so far"));
    await settle();
    expect(callsAbout(channel)).toEqual([]);
    await slash(channel, "flag on");
    const event = channelMessage(channel, "Russia has lost 800,000 soldiers so far");
    await deliver(event);
    await fake.waitFor((c) => c.method === "chat.postMessage" && c.params.thread_ts === event.ts, "the flag");
  });

  it("explains the usage for an unknown mode and changes nothing", async () => {
    const channel = newChannel();
    const answer = await slash(channel, "flag loud");
    expect(String(answer.params.text)).toContain("/tally flag on|quiet|off");
    expect(await app.store.flagMode(channel)).toBe("on");
  });
});

describe("what Tally never flags", () => {
  it("ignores bots, its own posts, edits, joins and DMs", async () => {
    const channel = newChannel();
    const figure = "Russia has lost 800,000 soldiers so far";
    await deliver(
      channelMessage(channel, figure, { subtype: "bot_message", bot_id: "B0OTHER", user: undefined }),
    );
    await deliver(channelMessage(channel, figure, { bot_id: "B0OTHER" }));
    await deliver(channelMessage(channel, figure, { user: FAKE_BOT_USER_ID, bot_id: FAKE_BOT_ID }));
    await deliver(
      channelMessage(channel, "", {
        subtype: "message_changed",
        message: { type: "message", user: "U0REPORTER", text: figure, ts: "1731000000.000001" },
      }),
    );
    await deliver(
      channelMessage(channel, "<@U0REPORTER> has joined the channel", { subtype: "channel_join" }),
    );
    const dm = channelMessage("D0REPORTER", figure, { channel_type: "im" });
    await deliver(dm);
    await settle();
    expect(callsAbout(channel)).toEqual([]);
    expect(fake.callsTo("reactions.add").filter((c) => c.params.channel === "D0REPORTER")).toEqual([]);
    expect(ephemeralsIn("D0REPORTER")).toEqual([]);
  });

  it("leaves a message addressed to Tally to the mentions listener", async () => {
    const channel = newChannel();
    const event = channelMessage(channel, `<@${FAKE_BOT_USER_ID}> is it still 765,110 Russian casualties?`);
    await deliver(event);
    await settle();
    expect(reactionsOn(channel, event.ts)).toEqual([]);
  });
});

describe("delivery and volume", () => {
  it("flags a retried event once, even after a restart", async () => {
    const channel = newChannel();
    const event = channelMessage(channel, "Russia has lost 765,110 troops");
    const eventId = await deliver(event);
    await fake.waitFor((c) => c.method === "chat.postMessage" && c.params.thread_ts === event.ts, "the flag");
    await deliver(event, { eventId, retryNum: 1 });
    await settle();
    expect(threadReplies(channel, event.ts)).toHaveLength(1);

    await app.stop();
    app = await startApp();
    await deliver(event, { eventId, retryNum: 2 });
    await settle();
    expect(threadReplies(channel, event.ts)).toHaveLength(1);
    expect(reactionsOn(channel, event.ts)).toHaveLength(1);
    expect(await flagsOnceRecorded(channel, 1)).toHaveLength(1);
  });

  it("flags at most the per-channel limit a minute and records the rest as rate-limited", async () => {
    const channel = newChannel();
    const other = newChannel();
    const limit = flagConfig.maxFlagsPerChannel;
    const events = Array.from({ length: limit + 3 }, (_, i) =>
      // With thousands separators, so that no figure reads as a year ("2000 tanks").
      channelMessage(channel, `Russia has lost ${((i + 1) * 1000).toLocaleString("en-US")} tanks`),
    );
    for (const e of events) await deliver(e);
    const elsewhere = channelMessage(other, "Russia has lost 765,110 troops");
    await deliver(elsewhere);
    await fake.waitFor(
      (c) => c.method === "chat.postMessage" && c.params.thread_ts === elsewhere.ts,
      "a flag",
    );
    await settle();
    const replied = events.filter((e) => threadReplies(channel, e.ts).length > 0);
    expect(replied).toHaveLength(limit);
    const outcomes = (await flagsOnceRecorded(channel, limit + 3)).map((f) => f.outcome);
    expect(outcomes.filter((o) => o === "flagged")).toHaveLength(limit);
    expect(outcomes.filter((o) => o === "rate-limited")).toHaveLength(3);
  });
});
