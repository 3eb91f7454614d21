import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecordedCall } from "../support/fake-slack.ts";
import { blockActionsPayload, eventEnvelope, postEvent, postInteraction } from "../support/signed-request.ts";
import { allText, button, buttonsIn } from "../support/slack-message.ts";
import { startTestApp, type TestApp } from "../support/start-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.stop();
});

let eventCount = 0;
let tsCount = 0;
const nextTs = () => `1731000000.${String(++tsCount).padStart(6, "0")}`;

async function deliver(
  event: Record<string, unknown>,
  options: { eventId?: string; retryNum?: number } = {},
) {
  const eventId = options.eventId ?? `Ev${String(++eventCount).padStart(8, "0")}`;
  // Slack signs each delivery afresh: a retry is not a byte-for-byte replay (which the edge drops).
  const retry =
    options.retryNum !== undefined
      ? { retryNum: options.retryNum, timestamp: Math.floor(Date.now() / 1000) - options.retryNum }
      : {};
  const res = await postEvent(t.baseUrl, eventEnvelope(eventId, event), retry);
  expect(res.status).toBe(200);
  return eventId;
}

function mention(text: string, extra: Record<string, unknown> = {}) {
  const ts = nextTs();
  return { type: "app_mention", user: "U0ASKER", text, ts, event_ts: ts, channel: "C0NEWS", ...extra };
}

function dm(text: string, extra: Record<string, unknown> = {}) {
  const ts = nextTs();
  return {
    type: "message",
    channel_type: "im",
    channel: "D0ASKER",
    user: "U0ASKER",
    text,
    ts,
    event_ts: ts,
    ...extra,
  };
}

const posts = () => t.fake.callsTo("chat.postMessage");
const postIn = (threadTs: string) => (c: RecordedCall) =>
  c.method === "chat.postMessage" && c.params.thread_ts === threadTs;

/**
 * Proves that nothing was posted for the events already sent: a DM asked afterwards is answered, and by
 * then every earlier event (each handled in-process without waiting on anything) has been processed.
 */
async function settle(): Promise<void> {
  const sentinel = dm(`how many North Korean troops are in Russia? (${nextTs()})`);
  await deliver(sentinel);
  await t.fake.waitFor(
    (c) =>
      c.method === "chat.postMessage" && allText(c.params).includes(String(sentinel.text).slice(-20, -1)),
    "the sentinel DM's answer",
  );
}

describe("@Tally mentions", () => {
  it("answers a mention in a thread under the mention", async () => {
    const event = mention("<@U0TALLY> how many Russian soldiers have been killed?");
    await deliver(event);
    const reply = await t.fake.waitFor(postIn(event.ts), "the threaded answer");
    expect(reply.params.channel).toBe("C0NEWS");
    const words = allText(reply.params);
    expect(words).toContain("Russian military killed");
    expect(words).toContain("800,000");
    expect(buttonsIn(reply.params).map((b) => b.text)).toEqual(["Show history", "Not what I asked"]);
  });

  it("answers a mention made inside a thread in that same thread", async () => {
    const parent = "1730000000.000777";
    const event = mention("<@U0TALLY|tally> how many North Korean troops are in Russia?", {
      thread_ts: parent,
    });
    await deliver(event);
    const reply = await t.fake.waitFor(postIn(parent), "the answer in the existing thread");
    expect(allText(reply.params)).toContain("10,000–12,000");
    expect(posts().filter((c) => c.params.thread_ts === event.ts)).toHaveLength(0);
  });

  it("gives usage for a bare mention", async () => {
    const event = mention("<@U0TALLY>");
    await deliver(event);
    const reply = await t.fake.waitFor(postIn(event.ts), "the usage");
    expect(allText(reply.params)).toContain("/tally help");
  });

  it("shows history just to the presser, in the thread, from a threaded answer", async () => {
    const event = mention("<@U0TALLY> how many Russian soldiers have been killed?");
    await deliver(event);
    const reply = await t.fake.waitFor(postIn(event.ts), "the threaded answer");
    const posted = t.fake.workspace.messages.find((m) => m.threadTs === event.ts && m.user === "U0TALLY");
    if (!posted) throw new Error("the answer is not in the workspace");
    const responseUrl = t.fake.responseUrl({
      channel: "C0NEWS",
      user: "U0OTHER",
      messageTs: posted.ts,
      threadTs: event.ts,
    });
    const history = button(reply.params, "Show history");
    await postInteraction(
      t.baseUrl,
      blockActionsPayload({
        actionId: history.actionId,
        value: history.value,
        responseUrl,
        isEphemeral: false,
        userId: "U0OTHER",
        message: { ts: posted.ts, threadTs: event.ts, blocks: posted.blocks },
        threadTs: event.ts,
      }),
    );
    const shown = await t.fake.waitFor((c) => c.responseUrl === responseUrl, "the history");
    expect(shown.params.response_type).toBe("ephemeral");
    expect(shown.params.thread_ts).toBe(event.ts);
    expect(allText(shown.params)).toContain("History:");
  });

  it("escapes hostile text in a mention: no <!channel> or <@U…> passes through", async () => {
    const event = mention("<@U0TALLY> <!channel> <@U123> how many &lt;script&gt; R&amp;D zzqx things");
    await deliver(event);
    const reply = await t.fake.waitFor(postIn(event.ts), "the reply to a hostile mention");
    // What Slack renders: every text field (button values are handed back to Tally, never shown).
    const body = allText(reply.params);
    expect(body).not.toContain("<!channel>");
    expect(body).not.toContain("<@U123>");
    expect(body).not.toContain("<script>");
    expect(allText(reply.params)).toContain("&lt;script&gt; R&amp;D");
  });
});

describe("when Slack pushes back", () => {
  it("waits out a 429's Retry-After and posts the answer on the next try", async () => {
    t.fake.script("chat.postMessage", {
      status: 429,
      headers: { "retry-after": "1" },
      body: { ok: false, error: "ratelimited" },
    });
    const event = mention("<@U0TALLY> how many North Korean troops are in Russia?");
    await deliver(event);
    const attempts = () =>
      t.fake.calls.filter((c) => c.method === "chat.postMessage" && c.params.thread_ts === event.ts);
    await t.fake.waitFor(
      (c) => attempts().length === 2 && c.params.thread_ts === event.ts,
      "the retried post",
    );
    expect(attempts()).toHaveLength(2);
    expect(t.fake.workspace.messages.filter((m) => m.threadTs === event.ts)).toHaveLength(1);
  });

  it("logs a failed reply (e.g. not_in_channel) instead of crashing, and keeps answering", async () => {
    t.fake.script("chat.postMessage", { body: { ok: false, error: "not_in_channel" } });
    const event = mention("<@U0TALLY> how many North Korean troops are in Russia?");
    await deliver(event);
    await settle();
    const failure = t.logs.find((l) => l.msg === "could not post a reply" && l.threadTs === event.ts);
    expect(failure).toBeDefined();
    expect(JSON.stringify(failure)).toContain("not_in_channel");
  });
});

describe("direct messages", () => {
  it("answers a DM in the DM, not in a thread", async () => {
    const event = dm("how many Russian soldiers have been killed?");
    await deliver(event);
    const reply = await t.fake.waitFor(
      (c) =>
        c.method === "chat.postMessage" &&
        c.params.channel === "D0ASKER" &&
        allText(c.params).includes("Russian military killed"),
      "the DM answer",
    );
    expect(reply.params.thread_ts).toBeUndefined();
  });

  it("ignores bot posts, its own posts, edits, deletions and joins, and answers a DM mention once", async () => {
    const before = posts().length;
    const ignored = [
      dm("how many Russian soldiers have been killed? (bot)", { bot_id: "B0OTHER", subtype: "bot_message" }),
      dm("how many Russian soldiers have been killed? (own)", { user: "U0TALLY", bot_id: "B0TALLY" }),
      dm("", {
        subtype: "message_changed",
        message: { user: "U0ASKER", text: "how many Russian soldiers have been killed? (edited)", ts: "1.1" },
      }),
      dm("", { subtype: "message_deleted", deleted_ts: "1.1" }),
      {
        type: "message",
        subtype: "channel_join",
        channel: "C0NEWS",
        channel_type: "channel",
        user: "U0ASKER",
        text: "<@U0ASKER> has joined the channel",
        ts: nextTs(),
      },
    ];
    for (const event of ignored) await deliver(event);
    // A mention in a DM also arrives as a message.im: it must be answered once, not twice.
    const dmTs = nextTs();
    await deliver({
      type: "app_mention",
      user: "U0ASKER",
      text: "<@U0TALLY> how many tanks has Russia lost",
      ts: dmTs,
      channel: "D0ASKER",
    });
    await deliver(dm("<@U0TALLY> how many tanks has Russia lost", { ts: dmTs, event_ts: dmTs }));
    await settle();
    const newPosts = posts().slice(before);
    const texts = newPosts.map((c) => allText(c.params));
    expect(
      texts.filter((x) => x.includes("(bot)") || x.includes("(own)") || x.includes("(edited)")),
    ).toHaveLength(0);
    expect(newPosts.filter((c) => allText(c.params).includes("how many tanks has Russia lost"))).toHaveLength(
      1,
    );
    // Only the tank answer and the sentinel's answer were posted.
    expect(newPosts).toHaveLength(2);
  });
});

describe("redelivered events", () => {
  it("answers an event once even when Slack retries it with the same event_id", async () => {
    const event = mention("<@U0TALLY> how many Russian soldiers have been wounded?");
    const eventId = await deliver(event);
    await t.fake.waitFor(postIn(event.ts), "the first answer");
    await deliver(event, { eventId, retryNum: 1 });
    await deliver(event, { eventId, retryNum: 2 });
    await settle();
    expect(posts().filter((c) => c.params.thread_ts === event.ts)).toHaveLength(1);
    expect(
      t.logs.filter((l) => l.msg === "skipped a redelivered event" && l.eventId === eventId),
    ).toHaveLength(2);
  });
});
