/**
 * One channel never stalls another, over the wire: signed events into the real app, Web API calls out to
 * the fake Slack, which holds or rate-limits the calls of one channel while another channel is served.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeliveryClient } from "../../src/slack/delivery/delivery-client.ts";
import { createSlackSummaryScheduler } from "../../src/slack/summary-poster.ts";
import type { Gate, RecordedCall } from "../support/fake-slack.ts";
import { eventEnvelope, postEvent } from "../support/signed-request.ts";
import { startTestApp, type TestApp } from "../support/start-app.ts";

/** Well under the 30 s and 41 s the stalls used to cost, and generous for a loaded machine. */
const PROMPTLY_MS = 5_000;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.stop();
});

let eventCount = 0;
let tsCount = 0;
const nextTs = () => `1732500000.${String(++tsCount).padStart(6, "0")}`;

async function deliver(app: TestApp, event: Record<string, unknown>, eventId?: string): Promise<void> {
  const id = eventId ?? `EvCI${String(++eventCount).padStart(8, "0")}`;
  const res = await postEvent(app.baseUrl, eventEnvelope(id, event));
  expect(res.status).toBe(200);
}

function mention(channel: string) {
  const ts = nextTs();
  const text = "<@U0TALLY> how many Russian soldiers have been killed?";
  return { type: "app_mention", user: "U0ASKER", text, ts, event_ts: ts, channel };
}

function channelMessage(channel: string, text: string) {
  const ts = nextTs();
  return { type: "message", channel_type: "channel", channel, user: "U0REPORTER", text, ts, event_ts: ts };
}

const postTo = (channel: string, threadTs?: string) => (c: RecordedCall) =>
  c.method === "chat.postMessage" &&
  c.params.channel === channel &&
  (threadTs === undefined || c.params.thread_ts === threadTs);

/** How long from now until the fake Slack sees a matching call. */
async function msUntil(app: TestApp, match: (c: RecordedCall) => boolean, what: string): Promise<number> {
  const started = Date.now();
  await app.fake.waitFor(match, what);
  return Date.now() - started;
}

describe("replies in one channel never wait on another", () => {
  it("answers a mention in B promptly while A's reply waits out a 429 with Retry-After 30", async () => {
    t.fake.script("chat.postMessage", {
      status: 429,
      headers: { "retry-after": "30" },
      body: { ok: false, error: "ratelimited" },
    });
    const a = mention("C0LANEA");
    await deliver(t, a);
    await t.fake.waitFor(postTo("C0LANEA", a.ts), "A's rate-limited post");
    const b = mention("C0LANEB");
    await deliver(t, b);
    expect(await msUntil(t, postTo("C0LANEB", b.ts), "B's answer")).toBeLessThan(PROMPTLY_MS);
    // A is still waiting out its Retry-After: only its first, refused, try has reached Slack.
    expect(t.fake.calls.filter(postTo("C0LANEA", a.ts))).toHaveLength(1);
    expect(t.fake.workspace.messages.filter((m) => m.threadTs === a.ts)).toHaveLength(0);
  });

  it("answers a mention in B promptly while 100 posts in A hang", async () => {
    let gate: Gate | null = null;
    try {
      gate = t.fake.hold(postTo("C0HUNG"));
      for (let i = 0; i < 100; i += 1) await deliver(t, mention("C0HUNG"));
      await t.fake.waitFor(postTo("C0HUNG"), "A's first hung post");
      const b = mention("C0FREE");
      await deliver(t, b);
      expect(await msUntil(t, postTo("C0FREE", b.ts), "B's answer")).toBeLessThan(PROMPTLY_MS);
      // A's lane keeps only a few calls in flight: the rest wait in the lane, not in front of B.
      expect(gate.waiting).toBeLessThanOrEqual(4);
    } finally {
      gate?.release();
    }
  });
});

describe("a reaction never holds up the flag's reply", () => {
  const figure = "Russia has lost 765,110 troops";

  it("posts the thread reply while the reaction is held", async () => {
    const gate = t.fake.hold((c) => c.method === "reactions.add" && c.params.channel === "C0REACTHELD");
    try {
      const event = channelMessage("C0REACTHELD", figure);
      await deliver(t, event);
      await t.fake.waitFor(
        (c) => c.method === "reactions.add" && c.params.timestamp === event.ts,
        "the held reaction",
      );
      expect(await msUntil(t, postTo("C0REACTHELD", event.ts), "the flag")).toBeLessThan(PROMPTLY_MS);
      expect(gate.waiting).toBe(1);
    } finally {
      gate.release();
    }
  });

  it("posts the thread reply promptly when reactions.add keeps failing", async () => {
    // An app of its own: what is left of the script must not fail another test's reaction.
    const app = await startTestApp();
    try {
      const failure = { status: 500, body: { ok: false, error: "internal_error" } };
      app.fake.script("reactions.add", ...Array.from({ length: 6 }, () => failure));
      const event = channelMessage("C0REACTFAIL", figure);
      const started = Date.now();
      await deliver(app, event);
      await app.fake.waitFor(postTo("C0REACTFAIL", event.ts), "the flag");
      expect(Date.now() - started).toBeLessThan(PROMPTLY_MS);
      await app.fake.waitFor(
        (c) => c.method === "reactions.add" && c.params.timestamp === event.ts,
        "the failing reaction",
      );
    } finally {
      await app.stop();
    }
  });
});

describe("summaries post independently", () => {
  it("posts B's summary while A's post is held", async () => {
    const yesterday = new Date("2025-11-19T00:00:00Z");
    for (const channel of ["C0SUMA", "C0SUMB"]) {
      await t.store.upsertSubscription(
        { channel, time: "09:00", timeZone: "UTC", subscribedBy: "U0EDITOR" },
        yesterday,
      );
    }
    const scheduler = createSlackSummaryScheduler(
      t.deps,
      createDeliveryClient({ botToken: "xoxb-test-token", apiUrl: t.fake.apiUrl, logger: t.deps.logger }),
      { timers: { setInterval: () => 0, clearInterval: () => {} } },
    );
    // A sorts first: posting one channel after another, B would wait for A.
    const gate = t.fake.hold(postTo("C0SUMA"));
    const tick = scheduler.tick();
    try {
      await t.fake.waitFor(postTo("C0SUMA"), "A's held summary");
      expect(
        await msUntil(
          t,
          (c) => c.method === "pins.add" && c.params.channel === "C0SUMB",
          "B's summary, posted and pinned",
        ),
      ).toBeLessThan(PROMPTLY_MS);
      expect(gate.waiting).toBe(1);
    } finally {
      gate.release();
    }
    const report = await tick;
    expect(report.posted.sort()).toEqual(["C0SUMA", "C0SUMB"]);
    await scheduler.stop();
  });
});

describe("a message is flagged once", () => {
  let stateDir: string;
  beforeAll(async () => {
    stateDir = mkdtempSync(join(tmpdir(), "tally-flag-once-"));
  });
  afterAll(async () => {
    rmSync(stateDir, { recursive: true, force: true });
  });

  it("flags a message ts delivered under two event ids once, across two instances on one database", async () => {
    const first = await startTestApp({ stateDir });
    const other = await startTestApp({ stateDir });
    try {
      const event = channelMessage("C0TWICE", "Russia has lost 765,110 troops and NK sent 12,000 men");
      await deliver(first, event, "EvTWICE00000001");
      await first.fake.waitFor(postTo("C0TWICE", event.ts), "the flag");
      await deliver(other, event, "EvTWICE00000002");
      await deliver(first, event, "EvTWICE00000003");
      // Sentinels sent afterwards, flagged on each instance, prove the duplicates were handled by then.
      for (const app of [first, other]) {
        const sentinel = channelMessage("C0SENTINEL", "Russia has lost 765,110 troops");
        await deliver(app, sentinel);
        await app.fake.waitFor(postTo("C0SENTINEL", sentinel.ts), "the sentinel's flag");
      }
      const replies = [first, other].flatMap((app) => app.fake.calls.filter(postTo("C0TWICE", event.ts)));
      const reactions = [first, other].flatMap((app) =>
        app.fake.callsTo("reactions.add").filter((c) => c.params.timestamp === event.ts),
      );
      expect(replies).toHaveLength(1);
      expect(reactions).toHaveLength(1);
      expect(await first.store.flagsSince("C0TWICE", new Date(0))).toHaveLength(1);
    } finally {
      await first.stop();
      await other.stop();
    }
  });
});
