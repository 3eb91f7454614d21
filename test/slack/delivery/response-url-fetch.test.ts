import { describe, expect, it } from "vitest";
import { createLogger } from "../../../src/log/logger.ts";
import type { OutgoingMessage } from "../../../src/slack/delivery/delivery-types.ts";
import { createAskerMemory } from "../../../src/slack/delivery/response-askers.ts";
import {
  createResponseUrlDelivery,
  RESPONSE_URL_SETTINGS,
  type ResponseUrlOptions,
} from "../../../src/slack/delivery/response-url-fetch.ts";

const API = "https://slack.test/api/";
const URL_A = "https://hooks.slack.test/commands/T1/1/a";
const now = new Date("2025-06-12T08:00:00.000Z");

type Step = number | "reset" | { status: number; retryAfter: string };

/** A scripted network: each response_url post takes the next step; Web API calls answer 200. */
function harness(steps: Step[], overrides: Partial<ResponseUrlOptions> = {}) {
  const posts: { url: string; body: unknown }[] = [];
  const apiCalls: unknown[] = [];
  const sleeps: number[] = [];
  const sent: OutgoingMessage[] = [];
  const logs: Record<string, unknown>[] = [];
  const sendResults: { ok: boolean; final: boolean }[] = [];
  const delivery = createResponseUrlDelivery({
    inner: async (url, init) => {
      const href = String(url);
      if (href.startsWith(API)) {
        apiCalls.push(init);
        return new Response(JSON.stringify({ ok: true }), { status: 200 });
      }
      posts.push({ url: href, body: JSON.parse(String(init?.body)) });
      const step = steps.shift() ?? 200;
      if (step === "reset") throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
      if (typeof step === "number") return new Response("", { status: step });
      return new Response("", { status: step.status, headers: { "retry-after": step.retryAfter } });
    },
    apiUrl: API,
    send: async (message) => {
      sent.push(message);
      const result = sendResults.shift() ?? { ok: true, final: false };
      return result.ok
        ? { ok: true, ts: "1.1" }
        : { ok: false, error: "channel_not_found", final: result.final };
    },
    logger: createLogger({ level: "debug", write: (line) => logs.push(JSON.parse(line)) }),
    now: () => now,
    sleep: async (ms, signal) => {
      sleeps.push(ms);
      return !signal.aborted;
    },
    ...overrides,
  });
  const respond = (body: Record<string, unknown>, url = URL_A) =>
    delivery.fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  return { delivery, respond, posts, apiCalls, sleeps, sent, logs, sendResults };
}

const reply = { response_type: "ephemeral", replace_original: false, text: "The answer is 42." };
const asker = { response_url: URL_A, user_id: "U1", channel_id: "C1", command: "/tally" };

describe("the response_url fetch", () => {
  it("passes Web API calls through untouched", async () => {
    const h = harness([]);
    const init = { method: "POST", headers: { "content-type": "application/json" }, body: "{}" };
    const res = await h.delivery.fetch(`${API}chat.postMessage`, init);
    expect(res.status).toBe(200);
    expect(h.apiCalls).toEqual([init]);
    expect(h.apiCalls[0]).toBe(init);
    expect(h.posts).toHaveLength(0);
  });

  it("retries a post on 5xx with backoff and delivers it once", async () => {
    const h = harness([500, 503, 200]);
    const res = await h.respond(reply);
    expect(res.status).toBe(200);
    expect(h.posts).toHaveLength(3);
    expect(h.sleeps).toEqual(RESPONSE_URL_SETTINGS.backoffMs.slice(0, 2));
    expect(h.sent).toHaveLength(0);
  });

  it("waits out a 429's Retry-After, and retries a reset connection", async () => {
    const h = harness([{ status: 429, retryAfter: "3" }, "reset", 200]);
    expect((await h.respond(reply)).status).toBe(200);
    expect(h.posts).toHaveLength(3);
    expect(h.sleeps[0]).toBe(3_000);
  });

  it("tries at most 4 times, then sends the reply ephemerally to who asked, once per URL", async () => {
    const h = harness([500, 500, 500, 500, 500, 500]);
    h.delivery.rememberAskers(asker);
    const res = await h.respond(reply);
    expect(h.posts).toHaveLength(4);
    // The reply went another way: respond() succeeds, so the handler does not send its failure notice.
    expect(res.status).toBe(200);
    expect(h.sent).toEqual([
      {
        method: "chat.postEphemeral",
        args: { channel: "C1", user: "U1", text: "The answer is 42." },
        purpose: "response-fallback",
      },
    ]);
    // Another post to the spent URL: one try, no second notice.
    const again = await h.respond({ text: "Something went wrong." });
    expect(again.status).toBe(500);
    expect(h.posts).toHaveLength(5);
    expect(h.sent).toHaveLength(1);
  });

  it("does not retry a 404, and falls back to a direct message when the ephemeral is refused", async () => {
    const h = harness([404]);
    h.sendResults.push({ ok: false, final: true });
    h.delivery.rememberAskers(asker);
    expect((await h.respond(reply)).status).toBe(200);
    expect(h.posts).toHaveLength(1);
    expect(h.sent.map((m) => [m.method, m.args.channel])).toEqual([
      ["chat.postEphemeral", "C1"],
      ["chat.postMessage", "U1"],
    ]);
  });

  it("only logs a reply that would replace or delete the original, and a reply with no known asker", async () => {
    const h = harness([404, 404]);
    h.delivery.rememberAskers(asker);
    expect((await h.respond({ replace_original: true, text: "updated" })).status).toBe(404);
    expect((await h.respond(reply, "https://hooks.slack.test/actions/T1/9/z")).status).toBe(404);
    expect(h.sent).toHaveLength(0);
    expect(h.logs.map((l) => l.msg)).toEqual(
      expect.arrayContaining([
        "a reply that changes the original message could not be delivered; it cannot be re-sent",
        "a reply could not be delivered and there is no one to send it to",
      ]),
    );
  });

  it("rethrows the network error when every try failed and the reply could not go another way", async () => {
    const h = harness(["reset", "reset", "reset", "reset"]);
    await expect(h.respond(reply)).rejects.toThrow("fetch failed");
    expect(h.posts).toHaveLength(4);
  });

  it("hands back, at shutdown, a post still retrying at the deadline, and makes no post after", async () => {
    const h = harness([500, 200], {
      // The retry's pause lasts until the post is stopped.
      sleep: (_ms, signal) =>
        new Promise((resolve) => signal.addEventListener("abort", () => resolve(false))),
    });
    h.delivery.rememberAskers(asker);
    const responded = h.respond(reply);
    await new Promise((r) => setTimeout(r, 10));
    expect(h.delivery.pending).toBe(1);
    const left = await h.delivery.settle(new Date(Date.now() + 50));
    expect(left).toEqual([
      {
        kind: "response",
        response: { url: URL_A, body: reply, user: "U1", channel: "C1" },
        firstTriedAt: now.toISOString(),
      },
    ]);
    expect((await responded).status).toBe(503);
    expect((await h.respond(reply)).status).toBe(503);
    expect(h.posts).toHaveLength(1);
    expect(h.sent).toHaveLength(0);
  });

  it("settles at once when nothing is in progress", async () => {
    const h = harness([]);
    const started = Date.now();
    expect(await h.delivery.settle(new Date(Date.now() + 60_000))).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("redelivers a saved response through its URL while Slack honours it, else straight to the user", async () => {
    const h = harness([]);
    const response = { url: URL_A, body: reply, user: "U1", channel: "C1" };
    await h.delivery.redeliver({
      kind: "response",
      response,
      firstTriedAt: new Date(now.getTime() - 60_000).toISOString(),
    });
    expect(h.posts).toEqual([{ url: URL_A, body: reply }]);
    await h.delivery.redeliver({
      kind: "response",
      response,
      firstTriedAt: new Date(now.getTime() - 31 * 60_000).toISOString(),
    });
    expect(h.posts).toHaveLength(1);
    expect(h.sent.map((m) => m.method)).toEqual(["chat.postEphemeral"]);
  });
});

describe("the asker memory", () => {
  it("forgets the oldest beyond its size and anything past its age", () => {
    const memory = createAskerMemory({ max: 2, forMs: 1_000 });
    memory.remember("a", { user: "U1", channel: "C1" }, 0);
    memory.remember("b", { user: "U2", channel: null }, 10);
    memory.remember("c", { user: "U3", channel: null }, 20);
    expect(memory.size).toBe(2);
    expect(memory.recall("a", 30)).toBeNull();
    expect(memory.recall("b", 30)).toEqual({ user: "U2", channel: null });
    expect(memory.recall("b", 1_011)).toBeNull();
    expect(memory.spend("c", 100)).toBe(true);
    expect(memory.spend("c", 100)).toBe(false);
    memory.remember("c", { user: "U3", channel: "C3" }, 200);
    expect(memory.isSpent("c", 200)).toBe(true);
  });
});
