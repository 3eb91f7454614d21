/**
 * Daily summaries over the wire: signed `/tally` commands into the real app, Web API calls out to the fake
 * Slack, state in a SQLite file in a temp dir, and the scheduler ticked by hand on a controllable clock.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadCore } from "../../src/answer/load-core.ts";
import type { TallyCore } from "../../src/answer/types.ts";
import { loadConfig } from "../../src/config.ts";
import type { FakeMessage } from "../../src/console/fake-slack-workspace.ts";
import { createLogger } from "../../src/log/logger.ts";
import type { SummaryScheduler } from "../../src/schedule/summary-scheduler.ts";
import { createDeliveryClient } from "../../src/slack/delivery/delivery-client.ts";
import type { AppDeps } from "../../src/slack/deps.ts";
import { startSlackApp } from "../../src/slack/start-slack-app.ts";
import { createSlackSummaryScheduler } from "../../src/slack/summary-poster.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import type { Store } from "../../src/store/store.ts";
import { testCuration } from "../support/curation-deps.ts";
import { FAKE_BOT_USER_ID, FakeSlack, type RecordedCall } from "../support/fake-slack.ts";
import { postSlashCommand, TEST_SIGNING_SECRET } from "../support/signed-request.ts";
import { allText } from "../support/slack-message.ts";
import { testDelivery } from "../support/test-delivery.ts";
import { WAR_STORY_DIR } from "../support/war-story.ts";

const CHANNEL = "C0NEWS";
const USER = "U0ASKER";

/** The test's wall clock, moved by hand. */
let nowMs = Date.parse("2025-11-20T07:00:00Z");
const now = () => new Date(nowMs);
const setNow = (iso: string) => {
  nowMs = Date.parse(iso);
};

let core: TallyCore;
beforeAll(async () => {
  core = (await loadCore({ dataDirs: [WAR_STORY_DIR], now })).core;
});

interface Instance {
  baseUrl: string;
  deps: AppDeps;
  store: Store;
  scheduler: SummaryScheduler;
  /** Retry-After waits the scheduler's poster asked for (ms); answered at once so no test waits. */
  sleeps: number[];
  logs: Record<string, unknown>[];
  stop(): Promise<void>;
}

/**
 * One running Tally (app plus scheduler) on `stateDir`, talking to `fake`. Like test/support/start-app.ts,
 * but with a movable clock, a state directory that outlives the instance, and a fake Slack shared across
 * restarts and instances.
 */
async function startInstance(
  fake: FakeSlack,
  stateDir: string,
  env: Record<string, string> = {},
  wrapStore: (store: Store) => Store = (store) => store,
): Promise<Instance> {
  const result = loadConfig(
    {
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      TALLY_STATE_DIR: stateDir,
      ...env,
    },
    { stdinIsTTY: false },
  );
  if (!result.ok) throw new Error(result.message);
  const { config } = result;
  if (config.connection.mode !== "http") throw new Error("the test app must run over HTTP");
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({ level: "debug", write: (line) => logs.push(JSON.parse(line)), now });
  const store = wrapStore(openSqliteStore(config.stateDir));
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
  const sleeps: number[] = [];
  // The same wiring as main.ts, with timers that never fire by themselves: the tests call tick().
  const scheduler = createSlackSummaryScheduler(
    deps,
    createDeliveryClient({ botToken: config.connection.botToken, apiUrl: config.connection.apiUrl, logger }),
    {
      timers: { setInterval: () => 0, clearInterval: () => {} },
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
  );
  return {
    baseUrl: `http://127.0.0.1:${started.running.port}`,
    deps,
    store,
    scheduler,
    sleeps,
    logs,
    stop: async () => {
      await scheduler.stop();
      await started.running.stop();
      await store.close();
    },
  };
}

let fake: FakeSlack;
let stateDir: string;
const running: Instance[] = [];

async function start(
  env: Record<string, string> = {},
  wrapStore?: (store: Store) => Store,
): Promise<Instance> {
  const instance = await startInstance(fake, stateDir, env, wrapStore);
  running.push(instance);
  return instance;
}

async function stop(instance: Instance): Promise<void> {
  running.splice(running.indexOf(instance), 1);
  await instance.stop();
}

async function setUp(): Promise<Instance> {
  fake = await FakeSlack.start();
  stateDir = mkdtempSync(join(tmpdir(), "tally-summary-e2e-"));
  return start();
}

afterEach(async () => {
  for (const instance of running.splice(0)) await instance.stop();
  await fake?.close();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

/** Sends `/tally <text>` in the channel and returns the reply posted to its response_url. */
async function command(
  instance: Instance,
  text: string,
  user = USER,
  channel = CHANNEL,
): Promise<RecordedCall> {
  const responseUrl = fake.responseUrl({ channel, user });
  const res = await postSlashCommand(instance.baseUrl, {
    text,
    responseUrl,
    userId: user,
    channelId: channel,
  });
  expect(res.status).toBe(200);
  return fake.waitFor((c) => c.responseUrl === responseUrl, `the reply to /tally ${text}`);
}

/** What Tally posted for everyone to see in a conversation (a channel, or a user id for a DM). */
const posted = (conversation: string): FakeMessage[] =>
  fake.workspace.messages.filter(
    (m) => m.channel === conversation && m.user === FAKE_BOT_USER_ID && m.ephemeralTo === undefined,
  );
const pinned = (channel: string): string[] =>
  [...fake.workspace.pins]
    .filter((key) => key.startsWith(`${channel}/`))
    .map((key) => key.slice(channel.length + 1));
const summaryPosts = (channel = CHANNEL) =>
  fake.callsTo("chat.postMessage").filter((c) => c.params.channel === channel);
const logged = (instance: Instance, message: string) => instance.logs.filter((l) => l.msg === message);

describe("/tally summary", () => {
  it("previews the channel's summary to the asker only, posting nothing", async () => {
    const app = await setUp();
    const reply = await command(app, "summary");
    expect(reply.params.response_type).toBe("ephemeral");
    const text = allText(reply.params);
    expect(text).toContain("Key figures · Thu 20 Nov 2025");
    expect(text).toContain("Russian military killed since 24 Feb 2022");
    expect(text).toContain("UK Ministry of Defence");
    expect(text).toContain("Only you can see this preview");
    expect(fake.callsTo("chat.postMessage")).toHaveLength(0);
    expect(fake.callsTo("pins.add")).toHaveLength(0);
  });

  it("posts the summary in the channel and pins it", async () => {
    const app = await setUp();
    const reply = await command(app, "summary post");
    expect(allText(reply.params)).toContain("Posted and pinned the summary in this channel.");
    const [message] = posted(CHANNEL);
    expect(message).toBeDefined();
    expect(message?.text).toContain("Key figures, Thu 20 Nov 2025");
    expect(allText({ blocks: message?.blocks })).toContain("about 250,000");
    expect(pinned(CHANNEL)).toEqual([message?.ts]);
    expect((await app.store.getPinnedSummary(CHANNEL))?.ts).toBe(message?.ts);
  });

  it("unpins the summary it pinned before when it posts the next, and never a person's pin", async () => {
    const app = await setUp();
    const human = fake.workspace.addUserMessage(
      CHANNEL,
      "U0EDITOR",
      "House style: always attribute casualty figures",
    );
    fake.workspace.call("pins.add", { channel: CHANNEL, timestamp: human.ts });
    await command(app, "summary post");
    const first = posted(CHANNEL)[0]?.ts;
    setNow("2025-11-21T07:00:00Z");
    await command(app, "summary post");
    const second = posted(CHANNEL)[1]?.ts;
    expect(second).toBeDefined();
    expect(fake.callsTo("pins.remove").map((c) => c.params.timestamp)).toEqual([first]);
    expect(pinned(CHANNEL).sort()).toEqual([human.ts, second].sort());
    // The second summary compares with the first.
    expect(allText({ blocks: posted(CHANNEL)[1]?.blocks })).toContain(
      "since the last summary here, Thu 20 Nov 2025, 07:00",
    );
  });

  it("pins the new summary when a person already unpinned the previous one", async () => {
    const app = await setUp();
    await command(app, "summary post");
    const first = posted(CHANNEL)[0]?.ts ?? "";
    fake.workspace.call("pins.remove", { channel: CHANNEL, timestamp: first });
    const reply = await command(app, "summary post");
    expect(allText(reply.params)).toContain("Posted and pinned");
    const second = posted(CHANNEL)[1]?.ts;
    expect(pinned(CHANNEL)).toEqual([second]);
    expect((await app.store.getPinnedSummary(CHANNEL))?.ts).toBe(second);
    expect(logged(app, "the previous summary was already unpinned")).toHaveLength(1);
  });

  it("says how to fix it when Tally is not in the channel, and logs it", async () => {
    const app = await setUp();
    fake.script("chat.postMessage", { body: { ok: false, error: "not_in_channel" } });
    const reply = await command(app, "summary post");
    expect(allText(reply.params)).toContain("Invite me with `/invite @Tally`");
    expect(posted(CHANNEL)).toHaveLength(0);
    expect(logged(app, "could not post the summary")[0]?.code).toBe("not_in_channel");
  });

  it("says so when the channel is archived or cannot be seen", async () => {
    const app = await setUp();
    fake.script("chat.postMessage", { body: { ok: false, error: "is_archived" } });
    expect(allText((await command(app, "summary post")).params)).toContain("This channel is archived");
    fake.script("chat.postMessage", { body: { ok: false, error: "channel_not_found" } });
    expect(allText((await command(app, "summary post")).params)).toContain("I can't see this channel");
  });

  it("posts anyway when the channel is at Slack's pin limit, and says it could not pin", async () => {
    const app = await setUp();
    fake.script("pins.add", { body: { ok: false, error: "too_many_pins" } });
    const reply = await command(app, "summary post");
    expect(allText(reply.params)).toContain("couldn't pin it");
    expect(posted(CHANNEL)).toHaveLength(1);
    expect(pinned(CHANNEL)).toEqual([]);
    expect(await app.store.getPinnedSummary(CHANNEL)).toBeNull();
  });

  it("waits out a 429 on an on-demand post and posts once (Bolt's client honours Retry-After)", async () => {
    const app = await setUp();
    fake.script("chat.postMessage", {
      status: 429,
      headers: { "retry-after": "1" },
      body: { ok: false, error: "ratelimited" },
    });
    const reply = await command(app, "summary post");
    expect(allText(reply.params)).toContain("Posted and pinned");
    expect(summaryPosts()).toHaveLength(2);
    expect(posted(CHANNEL)).toHaveLength(1);
  });
});

describe("/tally daily", () => {
  it("subscribes the channel, shows the subscription, and ends it", async () => {
    const app = await setUp();
    const set = await command(app, "daily 9:00 europe/london");
    expect(allText(set.params)).toContain("every day at *09:00* (Europe/London)");
    expect(await app.store.getSubscription(CHANNEL)).toMatchObject({
      time: "09:00",
      timeZone: "Europe/London",
      subscribedBy: USER,
    });
    expect(allText((await command(app, "daily")).params)).toContain(
      "*09:00* (Europe/London), set up by <@U0ASKER>. Not posted yet.",
    );
    expect(allText((await command(app, "daily off")).params)).toContain("no more daily summaries here");
    expect(await app.store.getSubscription(CHANNEL)).toBeNull();
    expect(allText((await command(app, "daily")).params)).toContain("This channel has no daily summary.");
  });

  it("defaults the zone to TALLY_TZ", async () => {
    fake = await FakeSlack.start();
    stateDir = mkdtempSync(join(tmpdir(), "tally-summary-e2e-"));
    const app = await start({ TALLY_TZ: "Asia/Tokyo" });
    await command(app, "daily 07:30");
    expect((await app.store.getSubscription(CHANNEL))?.timeZone).toBe("Asia/Tokyo");
  });

  it("refuses 25:00, 7:60 and an unknown zone with a clear message, changing nothing", async () => {
    const app = await setUp();
    await command(app, "daily 08:00 UTC");
    const before = await app.store.getSubscription(CHANNEL);
    expect(allText((await command(app, "daily 25:00")).params)).toContain("“25:00” isn't a time of day");
    expect(allText((await command(app, "daily 7:60")).params)).toContain("“7:60” isn't a time of day");
    expect(allText((await command(app, "daily 08:00 Mars/Olympus")).params)).toContain(
      "I don't know the time zone “Mars/Olympus”",
    );
    const hostile = allText((await command(app, "daily 08:00 &lt;!channel&gt;")).params);
    expect(hostile).not.toContain("<!channel>");
    expect(await app.store.getSubscription(CHANNEL)).toEqual(before);
  });

  it("posts and pins the summary at the subscribed local minute, not before, and not twice", async () => {
    setNow("2025-11-20T07:00:00Z");
    const app = await setUp();
    await command(app, "daily 09:00 Europe/Kyiv"); // Kyiv is UTC+2 in November
    setNow("2025-11-20T06:59:30Z");
    expect((await app.scheduler.tick()).posted).toEqual([]);
    setNow("2025-11-20T07:00:00Z");
    expect((await app.scheduler.tick()).posted).toEqual([CHANNEL]);
    const [message] = posted(CHANNEL);
    expect(message?.text).toContain("Key figures, Thu 20 Nov 2025");
    expect(pinned(CHANNEL)).toEqual([message?.ts]);
    setNow("2025-11-20T07:00:30Z");
    expect((await app.scheduler.tick()).posted).toEqual([]);
    setNow("2025-11-20T21:59:00Z");
    expect((await app.scheduler.tick()).posted).toEqual([]);
    expect(posted(CHANNEL)).toHaveLength(1);
    expect(allText((await command(app, "daily")).params)).toContain("Last posted: 2025-11-20.");
  });

  it("first fires at the next occurrence, not for a time already past today", async () => {
    setNow("2025-11-20T10:00:00Z");
    const app = await setUp();
    await command(app, "daily 09:00 UTC");
    expect((await app.scheduler.tick()).posted).toEqual([]);
    setNow("2025-11-21T09:00:00Z");
    expect((await app.scheduler.tick()).posted).toEqual([CHANNEL]);
  });

  it("does not let an on-demand post take the place of the scheduled one", async () => {
    setNow("2025-11-20T07:00:00Z");
    const app = await setUp();
    await command(app, "daily 09:00 UTC");
    setNow("2025-11-20T08:30:00Z");
    await command(app, "summary post");
    setNow("2025-11-20T09:00:00Z");
    expect((await app.scheduler.tick()).posted).toEqual([CHANNEL]);
    expect(posted(CHANNEL)).toHaveLength(2);
    expect(pinned(CHANNEL)).toEqual([posted(CHANNEL)[1]?.ts]);
  });

  it("keeps the subscription and the pin across a restart, posts nothing twice that day, and replaces the pin next day", async () => {
    setNow("2025-11-20T07:00:00Z");
    const first = await setUp();
    await command(first, "daily 09:00 UTC");
    setNow("2025-11-20T09:00:00Z");
    await first.scheduler.tick();
    const day1 = posted(CHANNEL)[0]?.ts;
    await stop(first);

    setNow("2025-11-20T09:30:00Z");
    const second = await start();
    expect(await second.store.getSubscription(CHANNEL)).toMatchObject({
      time: "09:00",
      lastPostedDay: "2025-11-20",
    });
    expect((await second.store.getPinnedSummary(CHANNEL))?.ts).toBe(day1);
    expect((await second.scheduler.tick()).posted).toEqual([]);
    expect(posted(CHANNEL)).toHaveLength(1);

    setNow("2025-11-21T09:00:10Z");
    expect((await second.scheduler.tick()).posted).toEqual([CHANNEL]);
    const day2 = posted(CHANNEL)[1]?.ts;
    expect(fake.callsTo("pins.remove").map((c) => c.params.timestamp)).toEqual([day1]);
    expect(pinned(CHANNEL)).toEqual([day2]);
  });

  it("posts a summary missed while the app was down once, as soon as it starts again that day", async () => {
    setNow("2025-11-20T07:00:00Z");
    const first = await setUp();
    await command(first, "daily 09:00 UTC");
    await stop(first);
    setNow("2025-11-20T15:45:00Z");
    const second = await start();
    second.scheduler.start();
    await fake.waitFor((c) => c.method === "pins.add", "the missed summary's pin");
    await second.scheduler.stop();
    expect((await second.scheduler.tick()).posted).toEqual([]);
    expect(posted(CHANNEL)).toHaveLength(1);
  });

  it("posts once when two instances share the database, even when both see the summary as due", async () => {
    setNow("2025-11-20T07:00:00Z");
    const a = await setUp();
    // B read the subscriptions before A's claim landed: only the claim in the database stands between
    // them and a second post.
    const b = await start({}, (store) => ({
      ...store,
      listSubscriptions: async () =>
        (await store.listSubscriptions()).map((sub) => ({ ...sub, lastPostedDay: null })),
    }));
    await command(a, "daily 09:00 UTC");
    setNow("2025-11-20T09:00:00Z");
    const [ra, rb] = await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    expect([...ra.posted, ...rb.posted]).toEqual([CHANNEL]);
    expect([...ra.alreadyClaimed, ...rb.alreadyClaimed]).toEqual([CHANNEL]);
    expect(summaryPosts()).toHaveLength(1);
    expect((await b.scheduler.tick()).alreadyClaimed).toEqual([CHANNEL]);
    expect(summaryPosts()).toHaveLength(1);
  });

  it("tells the subscriber once when Tally is not in the channel, and posts on a later tick once invited", async () => {
    setNow("2025-11-20T07:00:00Z");
    const app = await setUp();
    await command(app, "daily 09:00 UTC");
    fake.script(
      "chat.postMessage",
      { body: { ok: false, error: "not_in_channel" } },
      { body: { ok: true, ts: "1700000000.999999", channel: USER } }, // the DM
      { body: { ok: false, error: "not_in_channel" } },
    );
    setNow("2025-11-20T09:00:00Z");
    expect((await app.scheduler.tick()).failed).toEqual([CHANNEL]);
    const dm = fake.callsTo("chat.postMessage").find((c) => c.params.channel === USER);
    expect(String(dm?.params.text)).toContain("I'm not a member. Invite me with `/invite @Tally`");
    expect((await app.store.getSubscription(CHANNEL))?.lastPostedDay).toBeNull();
    setNow("2025-11-20T09:00:30Z");
    expect((await app.scheduler.tick()).failed).toEqual([CHANNEL]);
    expect(fake.callsTo("chat.postMessage").filter((c) => c.params.channel === USER)).toHaveLength(1);
    // Backing off: the third try waits a minute after the second.
    setNow("2025-11-20T09:01:30Z");
    expect((await app.scheduler.tick()).posted).toEqual([CHANNEL]);
    expect(posted(CHANNEL)).toHaveLength(1);
    expect(logged(app, "scheduled summary failed; will retry")).toHaveLength(2);
  });

  it("ends the subscription of an archived channel and tells the subscriber", async () => {
    setNow("2025-11-20T07:00:00Z");
    const app = await setUp();
    await command(app, "daily 09:00 UTC");
    fake.script("chat.postMessage", { body: { ok: false, error: "is_archived" } });
    setNow("2025-11-20T09:00:00Z");
    expect((await app.scheduler.tick()).failed).toEqual([CHANNEL]);
    expect(await app.store.getSubscription(CHANNEL)).toBeNull();
    expect(posted(USER)[0]?.text).toContain("has been archived, so I've stopped its daily summary");
    setNow("2025-11-21T09:00:00Z");
    expect((await app.scheduler.tick()).posted).toEqual([]);
  });

  it("posts at the pin limit anyway and tells the subscriber it could not pin", async () => {
    setNow("2025-11-20T07:00:00Z");
    const app = await setUp();
    await command(app, "daily 09:00 UTC");
    fake.script("pins.add", { body: { ok: false, error: "too_many_pins" } });
    setNow("2025-11-20T09:00:00Z");
    expect((await app.scheduler.tick()).posted).toEqual([CHANNEL]);
    expect(posted(CHANNEL)).toHaveLength(1);
    expect(pinned(CHANNEL)).toEqual([]);
    expect(posted(USER)[0]?.text).toContain("couldn't pin it: the channel has the most pins Slack allows");
  });

  it("waits out Retry-After on a 429 and posts the scheduled summary once", async () => {
    setNow("2025-11-20T07:00:00Z");
    const app = await setUp();
    await command(app, "daily 09:00 UTC");
    fake.script("chat.postMessage", {
      status: 429,
      headers: { "retry-after": "3" },
      body: { ok: false, error: "ratelimited" },
    });
    setNow("2025-11-20T09:00:00Z");
    expect((await app.scheduler.tick()).posted).toEqual([CHANNEL]);
    expect(app.sleeps).toEqual([3000]);
    expect(summaryPosts()).toHaveLength(2);
    expect(posted(CHANNEL)).toHaveLength(1);
    expect(logged(app, "rate-limited by Slack; waiting before retrying")[0]?.retryAfter).toBe(3);
  });

  it("retries a failed post on the next tick rather than losing the day", async () => {
    setNow("2025-11-20T07:00:00Z");
    const app = await setUp();
    await command(app, "daily 09:00 UTC");
    fake.script("chat.postMessage", { status: 500, body: { ok: false, error: "internal_error" } });
    setNow("2025-11-20T09:00:00Z");
    expect((await app.scheduler.tick()).failed).toEqual([CHANNEL]);
    expect(posted(USER)).toHaveLength(0); // not the subscriber's to fix
    setNow("2025-11-20T09:00:30Z");
    expect((await app.scheduler.tick()).posted).toEqual([CHANNEL]);
    expect(posted(CHANNEL)).toHaveLength(1);
  });
});

describe("/tally watch and unwatch", () => {
  it("matches a question to a topic, says which, and the summary covers just the watched topics", async () => {
    const app = await setUp();
    const watch = await command(app, "watch how many North Korean troops are in Russia?");
    expect(allText(watch.params)).toContain("Watching *North Korean troops deployed to Russia (Kursk)*");
    const preview = allText((await command(app, "summary")).params);
    expect(preview).toContain("The 1 topic this channel watches.");
    expect(preview).toContain("10,000–12,000");
    expect(preview).not.toContain("Russian military killed since 24 Feb 2022");
    expect(allText((await command(app, "watch")).params)).toContain(
      "• North Korean troops deployed to Russia (Kursk)",
    );
    const unwatch = await command(app, "unwatch north korean troops in russia");
    expect(allText(unwatch.params)).toContain(
      "Stopped watching *North Korean troops deployed to Russia (Kursk)*",
    );
    expect(allText((await command(app, "summary")).params)).toContain("The key topics.");
  });

  it("says so when a question matches no topic, watching nothing", async () => {
    const app = await setUp();
    const reply = await command(app, "watch what is the weather in Paris");
    expect(allText(reply.params)).toContain("I couldn't match “what is the weather in Paris” to a topic.");
    expect(await app.store.watchedTopics(CHANNEL)).toEqual([]);
  });
});
