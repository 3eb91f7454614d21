/**
 * The HTTP edge in front of Bolt, over the wire to the real app: malformed signed bodies are refused
 * (and the app lives on), timestamps are checked both ways, replayed requests act once, on one instance
 * or two sharing a store, and a question's mrkdwn is echoed as typed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION } from "../../src/slack/action-ids.ts";
import { escapeMrkdwn } from "../../src/slack/escape-mrkdwn.ts";
import { type RunningApp, startSlackApp } from "../../src/slack/start-slack-app.ts";
import type { RecordedCall } from "../support/fake-slack.ts";
import {
  blockActionsPayload,
  postInteraction,
  postSlashCommand,
  slackSignature,
  TEST_SIGNING_SECRET,
} from "../support/signed-request.ts";
import { allText, button } from "../support/slack-message.ts";
import { startTestApp, type TestApp } from "../support/start-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.stop();
});

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A body sent as given, signed over exactly those bytes. */
function sendRaw(body: string, contentType: string, timestamp = nowSeconds()): Promise<Response> {
  return fetch(`${t.baseUrl}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": slackSignature(TEST_SIGNING_SECRET, timestamp, body),
    },
    body,
  });
}

const FORM = "application/x-www-form-urlencoded";

/** `/tally <text>` from `user`; resolves with the first message posted to its response_url. */
async function ask(text: string, user: string): Promise<RecordedCall> {
  const responseUrl = t.fake.responseUrl({ channel: "C0NEWS", user });
  const res = await postSlashCommand(t.baseUrl, { text, responseUrl, userId: user });
  expect(res.status).toBe(200);
  return t.fake.waitFor((c) => c.responseUrl === responseUrl, `the answer to /tally ${text}`);
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const logged = (msg: string) => t.logs.filter((l) => l.msg === msg);

describe("malformed signed bodies are refused at the edge, and the app lives on", () => {
  it("answers a signed JSON null with 400 and a logged reason, then answers the next command", async () => {
    // Before the edge, Bolt read `null.ssl_check` outside any handler and the process died.
    const res = await sendRaw("null", "application/json");
    expect(res.status).toBe(400);
    expect(logged("refused a request")).toContainEqual(
      expect.objectContaining({ status: 400, length: 4, reason: expect.stringContaining("not an object") }),
    );
    const answer = await ask("how many Russian soldiers have been killed?", "U0AFTERNULL");
    expect(allText(answer.params)).toContain("Russian military killed");
  });

  it("refuses payload=null, arrays and payloads without a type with 400", async () => {
    for (const payload of ["null", "[]", '{"user":{"id":"U1"}}']) {
      const res = await sendRaw(new URLSearchParams({ payload }).toString(), FORM);
      expect(res.status, payload).toBe(400);
    }
    expect((await sendRaw("[1,2]", "application/json")).status).toBe(400);
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
  });

  it("refuses a repeated text field and a command without response_url, before any handler runs", async () => {
    const responseUrl = t.fake.responseUrl({ channel: "C0NEWS", user: "U0ODDFORM" });
    const fields = {
      team_id: "T0TEST",
      channel_id: "C0NEWS",
      user_id: "U0ODDFORM",
      command: "/tally",
      response_url: responseUrl,
    };
    const repeated = `${new URLSearchParams({ ...fields, text: "a" })}&text=b`;
    expect((await sendRaw(repeated, FORM)).status).toBe(400);
    const { response_url: _url, ...noUrl } = fields;
    expect((await sendRaw(new URLSearchParams({ ...noUrl, text: "a" }).toString(), FORM)).status).toBe(400);
    expect(logged("refused a request")).toContainEqual(
      expect.objectContaining({ reason: "form field repeated: text" }),
    );
    // The log names the problem, never the body.
    expect(JSON.stringify(t.logs)).not.toContain("U0ODDFORM");
    expect(t.fake.calls.filter((c) => c.responseUrl === responseUrl)).toHaveLength(0);
  });

  it("passes Slack's unsigned ssl_check to Bolt, which answers it 200", async () => {
    const res = await fetch(`${t.baseUrl}/slack/events`, {
      method: "POST",
      headers: { "content-type": FORM },
      body: "ssl_check=1&token=legacy",
    });
    expect(res.status).toBe(200);
  });
});

describe("timestamps are checked both ways", () => {
  it("refuses a correctly signed command dated 10 minutes or a day ahead with 401, and answers nothing", async () => {
    const responseUrl = t.fake.responseUrl({ channel: "C0NEWS", user: "U0FUTURE" });
    for (const ahead of [600, 24 * 3600]) {
      const res = await postSlashCommand(
        t.baseUrl,
        { text: "how many Russian soldiers have been killed?", responseUrl, userId: "U0FUTURE" },
        { timestamp: nowSeconds() + ahead },
      );
      expect(res.status, `${ahead} s ahead`).toBe(401);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(t.fake.calls.filter((c) => c.responseUrl === responseUrl)).toHaveLength(0);
  });
});

describe("a replayed Share press posts once", () => {
  /** The private answer's Share button, pressed: the payload to send (and resend), and where it answers. */
  async function sharePress(user: string) {
    const answer = await ask("how many Russian soldiers have been killed?", user);
    const share = button(answer.params, "Share in channel");
    expect(share.actionId).toBe(ACTION.share);
    const responseUrl = t.fake.responseUrl({ channel: "C0NEWS", user });
    const payload = blockActionsPayload({
      actionId: share.actionId,
      value: share.value,
      responseUrl,
      isEphemeral: true,
      userId: user,
    });
    const shared = () =>
      t.fake.calls.filter((c) => c.responseUrl === responseUrl && c.params.response_type === "in_channel");
    return { payload, responseUrl, shared };
  }

  it("answers three byte-identical replays 200, empty, and posts the answer once", async () => {
    const press = await sharePress("U0REPLAY");
    const timestamp = nowSeconds();
    const posts = t.fake.callsTo("chat.postMessage").length;
    // The same payload and timestamp: the same bytes, the same signature.
    const first = await postInteraction(t.baseUrl, press.payload, { timestamp });
    expect(first.status).toBe(200);
    for (let i = 0; i < 3; i++) {
      const replay = await postInteraction(t.baseUrl, press.payload, { timestamp });
      expect(replay.status).toBe(200);
      expect(await replay.text()).toBe("");
    }
    await t.fake.waitFor(
      (c) => c.responseUrl === press.responseUrl && c.params.delete_original === true,
      "the private copy's removal",
    );
    expect(logged("ignored a replayed request").length).toBeGreaterThanOrEqual(3);
    expect(press.shared()).toHaveLength(1);
    expect(t.fake.callsTo("chat.postMessage")).toHaveLength(posts);
  });

  it("posts once when the same press reaches a second instance on the same store", async () => {
    const { connection } = t.deps.config;
    if (connection.mode === "console") throw new Error("the test app runs over HTTP");
    // Its own edge, so its own memory of signatures: only the store can tell it the press was acted on.
    const started = await startSlackApp(t.deps, connection, { port: 0, host: "127.0.0.1" });
    if (!started.ok) throw new Error(started.message);
    const second: RunningApp = started.running;
    try {
      const press = await sharePress("U0TWOAPPS");
      const timestamp = nowSeconds();
      expect((await postInteraction(t.baseUrl, press.payload, { timestamp })).status).toBe(200);
      await until(() => press.shared().length === 1, "the first share");
      const before = logged("ignored a press already acted on").length;
      const other = await postInteraction(`http://127.0.0.1:${second.port}`, press.payload, { timestamp });
      expect(other.status).toBe(200);
      await until(
        () => logged("ignored a press already acted on").length > before || press.shared().length > 1,
        "the second instance to act on the press or skip it",
      );
      expect(press.shared()).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });

  it("still shares a genuine second press (a new action_ts)", async () => {
    const press = await sharePress("U0TWICE");
    expect((await postInteraction(t.baseUrl, press.payload)).status).toBe(200);
    await until(() => press.shared().length === 1, "the first share");
    const again = structuredClone(press.payload) as { actions: { action_ts: string }[] };
    const action = again.actions[0];
    if (!action) throw new Error("no action in the payload");
    action.action_ts = `${Number(action.action_ts) + 5}`;
    expect((await postInteraction(t.baseUrl, again)).status).toBe(200);
    await until(() => press.shared().length === 2, "the second share");
  });
});

describe("a question's mrkdwn is echoed as typed", () => {
  it("shows *bold*, _it_, ~strike~, code and fences verbatim in the no-match reply, and never <!channel>", async () => {
    // As Slack delivers it: @channel as markup, a typed "<!channel>" as entities.
    const typed = "how many *bold* _it_ ~strike~ `code` ```fence``` zzqx <!channel> &lt;!channel&gt; votes";
    const question = "how many *bold* _it_ ~strike~ `code` ```fence``` zzqx @channel <!channel> votes";
    const reply = await ask(typed, "U0MRKDWN");
    const blocks = reply.params.blocks as { type: string; text?: { type: string; text: string } }[];
    const first = blocks[0];
    expect(first?.type).toBe("section");
    // plain_text: Slack shows it as written, decoding only &, < and >.
    expect(first?.text).toEqual({
      type: "plain_text",
      text: `I couldn't find a figure for “${escapeMrkdwn(question)}” in the claims index.`,
    });
    const everything = `${String(reply.params.text)}\n${allText(reply.params)}`;
    expect(everything).not.toContain("<!channel>");
    // The notification text is mrkdwn: no marker is left to pair up into formatting.
    const fallback = String(reply.params.text);
    for (const formatted of ["*bold*", "_it_", "~strike~", "`code`", "```"]) {
      expect(fallback).not.toContain(formatted);
    }
    expect(fallback.replace(/<!date\^00000000\^\{_\}\|(.)>/g, "$1")).toBe(
      `No figure found for “${escapeMrkdwn(question)}”`,
    );
  });
});
