/**
 * Two real Tally processes (`tsx src/main.ts`, HTTP mode, on ports of their own) sharing one fresh
 * PostgreSQL database and one fake Slack: what a newsroom behind a load balancer runs. Each behaviour the
 * issue asks of "two instances, one database" is shown here over the wire.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Proposal } from "../../src/curation/proposal.ts";
import { flagConfig } from "../../src/flag/flag-config.ts";
import { SUMMARY_TICK_MS } from "../../src/schedule/summary-scheduler.ts";
import { CURATION } from "../../src/slack/curation/curation-ids.ts";
import type { CurationStore } from "../../src/store/curation-store.ts";
import { openPgCurationStore } from "../../src/store/pg-curation-store.ts";
import { openPgDatabase } from "../../src/store/pg-database.ts";
import { openPgStore } from "../../src/store/pg-store.ts";
import type { Store } from "../../src/store/store.ts";
import {
  createTestDatabase,
  DROP_TIMEOUT_MS,
  dropTestDatabase,
  pgSkipReason,
  pgSuiteTitle,
} from "../store/pg-test-database.ts";
import { FAKE_BOT_USER_ID, FakeSlack, type RecordedCall } from "../support/fake-slack.ts";
import { type MainProcess, runMain, waitForOutput } from "../support/run-main.ts";
import {
  blockActionsPayload,
  eventEnvelope,
  postEvent,
  postInteraction,
  postSlashCommand,
  TEST_SIGNING_SECRET,
} from "../support/signed-request.ts";
import { allText } from "../support/slack-message.ts";
import { WAR_STORY_DIR } from "../support/war-story.ts";

const DESK = "C0DESK";
const CURATOR = "U0CURATOR";
const REPORTER = "U0REPORTER";
/** Subscribed before either process starts, at 00:00 UTC, so today's summary is due on their first tick. */
const DAILY = "C0DAILY";
const STEP_TIMEOUT_MS = 20_000;

interface Instance {
  name: string;
  main: MainProcess;
  baseUrl: string;
}

let fake: FakeSlack;
let url: string;
let pool: pg.Pool;
let store: Store;
let curation: CurationStore;
let stateDir: string;
let a: Instance;
let b: Instance;
let startedAt = 0;

async function start(name: string): Promise<Instance> {
  const main = runMain({
    SLACK_BOT_TOKEN: "xoxb-two-instances",
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: url,
    // Set so that a process that ignored DATABASE_URL would not share state through a file by accident.
    TALLY_STATE_DIR: path.join(stateDir, name),
    TALLY_DATA_DIR: WAR_STORY_DIR,
    TALLY_REVIEW_CHANNEL: DESK,
    TALLY_CURATORS: CURATOR,
  });
  const listening = await waitForOutput(
    main,
    "stderr",
    /"msg":"listening for Slack over HTTP"[^\n]*"port":(\d+)/,
  );
  return { name, main, baseUrl: `http://127.0.0.1:${listening[1]}` };
}

const describePg = describe.skipIf(pgSkipReason !== null);

describePg(pgSuiteTitle("two Tally processes on one PostgreSQL database"), () => {
  beforeAll(async () => {
    fake = await FakeSlack.start();
    stateDir = mkdtempSync(path.join(tmpdir(), "tally-two-instances-"));
    url = await createTestDatabase();
    ({ pool } = await openPgDatabase(url));
    store = openPgStore(pool);
    curation = openPgCurationStore(pool);
    // Subscribed yesterday, so today's 00:00 summary is due the moment each process first ticks.
    await store.upsertSubscription(
      { channel: DAILY, time: "00:00", timeZone: "UTC", subscribedBy: "U0EDITOR" },
      new Date(Date.now() - 24 * 3600_000),
    );
    startedAt = Date.now();
    [a, b] = await Promise.all([start("a"), start("b")]);
  }, 60_000);

  afterAll(async () => {
    for (const instance of [a, b]) {
      if (!instance) continue;
      instance.main.child.kill("SIGTERM");
      await instance.main.exited;
    }
    await pool?.end();
    if (url) await dropTestDatabase(url);
    await fake?.close();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  }, DROP_TIMEOUT_MS);

  let seq = 0;
  let events = 0;
  const nextTs = () => `1764000000.${String(++seq).padStart(6, "0")}`;
  const nextEventId = () => `EvTWO${String(++events).padStart(8, "0")}`;

  function channelMessage(channel: string, text: string) {
    const ts = nextTs();
    return { type: "message", channel_type: "channel", channel, user: REPORTER, text, ts, event_ts: ts };
  }

  async function deliver(
    to: Instance,
    event: Record<string, unknown>,
    options: { eventId?: string; retryNum?: number } = {},
  ): Promise<void> {
    const eventId = options.eventId ?? nextEventId();
    const res = await postEvent(
      to.baseUrl,
      eventEnvelope(eventId, event),
      options.retryNum !== undefined ? { retryNum: options.retryNum } : {},
    );
    expect(res.status).toBe(200);
  }

  const threadReplies = (channel: string, ts?: string) =>
    fake
      .callsTo("chat.postMessage")
      .filter((c) => c.params.channel === channel && (ts === undefined || c.params.thread_ts === ts));

  /** A fresh flaggable message through `to`, flagged: what was delivered to it before has been handled. */
  async function settle(to: Instance): Promise<void> {
    const sentinel = channelMessage(`C0SENT${seq}`, "Russia has lost 765,110 troops");
    await deliver(to, sentinel);
    await fake.waitFor(
      (c) => c.method === "chat.postMessage" && c.params.thread_ts === sentinel.ts,
      `the sentinel's flag on ${to.name}`,
    );
  }

  async function slash(
    to: Instance,
    text: string,
    channel: string,
    user = "U0EDITOR",
  ): Promise<RecordedCall> {
    const responseUrl = fake.responseUrl({ channel, user });
    const res = await postSlashCommand(to.baseUrl, { text, responseUrl, userId: user, channelId: channel });
    expect(res.status).toBe(200);
    return fake.waitFor((c) => c.responseUrl === responseUrl, `the reply to /tally ${text} on ${to.name}`);
  }

  async function flagsRecorded(channel: string, count: number) {
    for (let i = 0; i < 200; i++) {
      const flags = await store.flagsSince(channel, new Date(0));
      if (flags.length >= count) return flags;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`fewer than ${count} flags recorded in ${channel}`);
  }

  it(
    "acts once on an event delivered to both, one of them as Slack's retry",
    async () => {
      const event = channelMessage("C0RETRY", "Russia has lost 765,110 troops");
      const eventId = nextEventId();
      await Promise.all([deliver(a, event, { eventId }), deliver(b, event, { eventId, retryNum: 1 })]);
      await fake.waitFor(
        (c) => c.method === "chat.postMessage" && c.params.thread_ts === event.ts,
        "the flag in the thread",
      );
      await Promise.all([settle(a), settle(b)]);
      expect(threadReplies("C0RETRY", event.ts)).toHaveLength(1);
      expect(fake.callsTo("reactions.add").filter((c) => c.params.timestamp === event.ts)).toHaveLength(1);
      expect(await store.flagsSince("C0RETRY", new Date(0))).toHaveLength(1);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    "holds the per-channel flag limit across both when messages reach them at once",
    async () => {
      const channel = "C0LIMIT";
      const limit = flagConfig.maxFlagsPerChannel;
      const events = Array.from({ length: limit + 3 }, (_, i) =>
        // With thousands separators, so that no figure reads as a year ("2000 tanks").
        channelMessage(channel, `Russia has lost ${((i + 1) * 1000).toLocaleString("en-US")} tanks`),
      );
      await Promise.all(events.map((e, i) => deliver(i % 2 === 0 ? a : b, e)));
      const outcomes = (await flagsRecorded(channel, limit + 3)).map((f) => f.outcome);
      await Promise.all([settle(a), settle(b)]);
      expect(outcomes.filter((o) => o === "flagged")).toHaveLength(limit);
      expect(outcomes.filter((o) => o === "rate-limited")).toHaveLength(3);
      expect(threadReplies(channel)).toHaveLength(limit);
      // Both took part: the messages were spread over the two processes.
      const by = (i: Instance) =>
        (i.main.stderr().match(/"msg":"flag(ged unsourced figures|\srate-limited)"[^\n]*C0LIMIT/g) ?? [])
          .length;
      expect(by(a) + by(b)).toBe(limit + 3);
      expect(by(a)).toBeGreaterThan(0);
      expect(by(b)).toBeGreaterThan(0);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    "sees a flag mode and a daily subscription set through one on the other",
    async () => {
      const set = await slash(a, "flag off", "C0MODE");
      expect(allText(set.params)).toContain("now *off*");
      expect(allText((await slash(b, "flag", "C0MODE")).params)).toContain("is *off*");
      const quiet = channelMessage("C0MODE", "Russia has lost 765,110 troops");
      await deliver(b, quiet);
      await settle(b);
      expect(threadReplies("C0MODE")).toHaveLength(0);

      await slash(a, "daily 09:00 UTC", "C0SUB");
      const shown = allText((await slash(b, "daily", "C0SUB")).params);
      expect(shown).toContain("every day at *09:00* (UTC)");
      expect(allText((await slash(b, "daily off", "C0SUB")).params)).toContain("no more daily summaries");
      expect(allText((await slash(a, "daily", "C0SUB")).params)).toContain(
        "This channel has no daily summary.",
      );
    },
    STEP_TIMEOUT_MS,
  );

  it(
    "answers on the other instance within a few seconds with a figure approved through one",
    async () => {
      const question = "how many Russian soldiers have been killed?";
      const ask = async (to: Instance) => allText((await slash(to, question, "C0NEWS", REPORTER)).params);
      expect(await ask(b)).not.toContain("300,000");
      await curation.saveProposal(csisProposal("p-two-instances"));

      const seqBefore = fake.calls.length;
      const res = await postInteraction(
        a.baseUrl,
        blockActionsPayload({
          actionId: CURATION.approve,
          value: "p-two-instances",
          responseUrl: fake.responseUrl({ channel: DESK, user: CURATOR }),
          isEphemeral: false,
          userId: CURATOR,
          channelId: DESK,
          message: { ts: "1764000000.900000", blocks: [] },
        }),
      );
      expect(res.status).toBe(200);
      // The proposer is told once A has approved it and rebuilt its own index.
      await fake.waitFor(
        (c) => c.seq > seqBefore && c.method === "chat.postMessage" && c.params.channel === REPORTER,
        "the proposer told of the approval",
      );
      const approvedAt = Date.now();
      expect((await curation.getProposal("p-two-instances"))?.decision?.by).toBe(CURATOR);
      expect(await ask(a)).toContain("300,000");

      let answer = await ask(b);
      while (!answer.includes("300,000") && Date.now() - approvedAt < 8_000) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        answer = await ask(b);
      }
      expect(answer).toContain("300,000");
      expect(answer).toContain("CSIS");
      // Polled every 2 s: a few seconds at most, with room for a slow machine.
      expect(Date.now() - approvedAt).toBeLessThan(5_000);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    "posts one scheduled summary and one pin a day from the two, over several ticks of each",
    async () => {
      const summary = await fake.waitFor(
        (c) => c.method === "chat.postMessage" && c.params.channel === DAILY,
        "the daily summary",
      );
      await fake.waitFor((c) => c.method === "pins.add" && c.params.channel === DAILY, "the summary's pin");
      // Each process ticks at start and every SUMMARY_TICK_MS: wait out a second tick of both.
      const secondTicks = startedAt + SUMMARY_TICK_MS + 3_000 - Date.now();
      if (secondTicks > 0) await new Promise((resolve) => setTimeout(resolve, secondTicks));

      expect(fake.callsTo("chat.postMessage").filter((c) => c.params.channel === DAILY)).toHaveLength(1);
      const pins = fake.callsTo("pins.add").filter((c) => c.params.channel === DAILY);
      expect(pins).toHaveLength(1);
      const posted = fake.workspace.messages.find((m) => m.channel === DAILY && m.user === FAKE_BOT_USER_ID);
      expect(pins[0]?.params.timestamp).toBe(posted?.ts);
      expect(allText(summary.params)).toContain("Key figures");
      expect((await store.getPinnedSummary(DAILY))?.ts).toBe(posted?.ts);
      const postedBy = [a, b].filter((i) => i.main.stderr().includes('"msg":"scheduled summary posted"'));
      expect(postedBy).toHaveLength(1);
    },
    SUMMARY_TICK_MS + STEP_TIMEOUT_MS,
  );
});

/** A pending proposal of CSIS's "about 300,000" Russian soldiers killed, as the desk would have saved it. */
function csisProposal(id: string): Proposal {
  return {
    id,
    status: "pending",
    entries: {
      topics: [],
      sources: [],
      documents: [
        {
          id: `${id}-document`,
          outlet: "Example Wire",
          headline: "CSIS puts Russian dead near 300,000",
          published: "2025-11-18",
          url: "https://example.org/csis-casualties",
        },
      ],
      claims: [
        {
          id: `${id}-claim`,
          topic: "ru-killed",
          value: 300_000,
          qualifier: "about",
          as_of: "2025-11-18",
          source: "csis",
          unattributed: false,
          document: `${id}-document`,
          quote: "about 300,000 Russian soldiers have been killed, CSIS estimates",
        },
      ],
    },
    figureText: "about 300,000",
    corrects: null,
    answers: null,
    origin: null,
    proposedBy: REPORTER,
    proposedAt: new Date().toISOString(),
    decision: null,
    review: null,
  };
}
