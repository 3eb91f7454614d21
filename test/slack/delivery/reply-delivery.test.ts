import { describe, expect, it } from "vitest";
import type { Logger } from "../../../src/log/logger.ts";
import { createChannelLanes } from "../../../src/slack/delivery/channel-lanes.ts";
import { type DeliveryConfig, deliveryConfig } from "../../../src/slack/delivery/delivery-config.ts";
import type { DeliveryResult, OutgoingMessage } from "../../../src/slack/delivery/delivery-types.ts";
import { createReplyDelivery } from "../../../src/slack/delivery/reply-delivery.ts";
import {
  type FakeCall,
  fakeClient,
  httpError,
  posted,
  rateLimited,
  refused,
  stalled,
} from "./fake-client.ts";
import { fakeTime, settle } from "./fake-time.ts";

const silent: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child: () => silent,
  level: "error",
};

const { timeoutMs } = deliveryConfig.attempt;
const { maxInFlight } = deliveryConfig.lane;

let messageCount = 0;
function reply(channel: string): OutgoingMessage {
  messageCount += 1;
  return {
    method: "chat.postMessage",
    args: { channel, thread_ts: `1700000000.${messageCount}`, text: `reply ${messageCount}` },
    purpose: "mention-reply",
  };
}

/** A delivery on fake time and a fake client; the backoff's jitter is fixed at its longest wait. */
function setUp(
  answer: (call: FakeCall, index: number) => Promise<unknown>,
  config: DeliveryConfig = deliveryConfig,
) {
  const time = fakeTime();
  const client = fakeClient(time, answer);
  const delivery = createReplyDelivery({
    client,
    logger: silent,
    now: time.now,
    sleep: time.sleep,
    random: () => 0,
    config,
  });
  /** Sends, and notes the fake time the result came back. */
  const send = (message: OutgoingMessage) => {
    const tracked: { result: DeliveryResult | null; at: number | null } = { result: null, at: null };
    const done = delivery.send(message).then((result) => {
      tracked.result = result;
      tracked.at = time.ms;
      return result;
    });
    return Object.assign(tracked, { done });
  };
  return { time, client, delivery, send };
}

const isIn = (channel: string) => (call: FakeCall) => call.args.channel === channel;

describe("one channel never holds up another", () => {
  it("a 429 with Retry-After 30 in channel A pauses only A: B is delivered at once, A after 30 s", async () => {
    let limited = false;
    const { time, client, send, delivery } = setUp((call) => {
      if (isIn("C0A")(call) && call.method === "chat.postMessage" && !limited) {
        limited = true;
        return rateLimited(30);
      }
      return posted();
    });
    const a = send(reply("C0A"));
    await settle();
    const b = send(reply("C0B"));
    delivery.react({ channel: "C0A", timestamp: "1700000000.000001", name: "mag" });
    await time.advance(1_000);
    const a2 = send(reply("C0A"));
    await time.advance(1_000);
    expect(b.result?.ok).toBe(true);
    expect(b.at).toBe(0);
    // The reaction has its own lane: A's pause does not hold it either.
    expect(client.callsIn("C0A", "reactions.add").map((c) => c.at)).toEqual([0]);
    // A's second reply waits behind A's pause, not in front of it.
    expect(a.result).toBeNull();
    expect(a2.result).toBeNull();
    expect(client.callsIn("C0A")).toHaveLength(1);
    await time.advance(27_999);
    expect(a.result).toBeNull();
    await time.advance(1);
    expect(a.result?.ok).toBe(true);
    expect(a.at).toBe(30_000);
    expect(a2.result?.ok).toBe(true);
    expect(client.callsIn("C0A")).toHaveLength(3);
  });

  it("a stalled call in A holds up neither B nor A's next reply", async () => {
    const { time, client, send } = setUp((call) =>
      // A's first call hangs: Slack took the request and went quiet. Every later call is answered.
      isIn("C0A")(call) && client.callsIn("C0A").length === 1 ? stalled() : posted(),
    );
    const stuck = send(reply("C0A"));
    const next = send(reply("C0A"));
    const b = send(reply("C0B"));
    await time.advance(0);
    expect(b.at).toBe(0);
    expect(next.at).toBe(0);
    expect(stuck.result).toBeNull();
    // The stalled call times out and is tried again.
    await time.advance(timeoutMs + deliveryConfig.backoff.baseMs);
    expect(stuck.result?.ok).toBe(true);
    expect(stuck.at).toBe(timeoutMs + deliveryConfig.backoff.baseMs);
  });

  it("beyond the in-flight limit, A's next reply waits only until a stalled call times out", async () => {
    const { time, client, send } = setUp((call) =>
      isIn("C0A")(call) && client.callsIn("C0A").length <= maxInFlight ? stalled() : posted(),
    );
    const stuckReplies = Array.from({ length: maxInFlight }, () => reply("C0A"));
    const stuck = stuckReplies.map(send);
    const queued = send(reply("C0A"));
    const b = send(reply("C0B"));
    await time.advance(0);
    expect(b.at).toBe(0);
    expect(client.callsIn("C0A")).toHaveLength(maxInFlight);
    await time.advance(timeoutMs - 1);
    expect(queued.result).toBeNull();
    await time.advance(1);
    expect(queued.at).toBe(timeoutMs);
    await time.advance(deliveryConfig.backoff.baseMs);
    // Each timed-out reply was tried once more and landed.
    for (const s of stuck) expect(s.result?.ok).toBe(true);
    const tries = (message: OutgoingMessage) =>
      client.callsIn("C0A").filter((c) => c.args.text === message.args.text).length;
    expect(stuckReplies.map(tries)).toEqual(stuckReplies.map(() => 2));
  });

  it("a reaction that hangs or fails never holds up the reply behind it", async () => {
    const { time, client, send, delivery } = setUp((call) => {
      if (call.method === "reactions.add") return client.calls.length % 2 === 0 ? stalled() : httpError(500);
      return posted();
    });
    for (let i = 0; i < 10; i += 1) {
      delivery.react({ channel: "C0A", timestamp: `1700000000.00000${i}`, name: "mag" });
    }
    const r = send(reply("C0A"));
    await time.advance(0);
    expect(r.result?.ok).toBe(true);
    expect(r.at).toBe(0);
    expect(client.callsIn("C0A", "reactions.add").length).toBeGreaterThan(0);
  });
});

describe("retries", () => {
  it("retries a 5xx with backoff and delivers once", async () => {
    const { time, client, send } = setUp((_call, index) => (index === 0 ? httpError(503) : posted()));
    const r = send(reply("C0A"));
    await time.advance(0);
    expect(r.result).toBeNull();
    await time.advance(deliveryConfig.backoff.baseMs);
    expect(r.result).toMatchObject({ ok: true, ts: expect.any(String) });
    expect(client.calls.map((c) => c.at)).toEqual([0, deliveryConfig.backoff.baseMs]);
    await time.advance(60_000);
    expect(client.calls).toHaveLength(2);
  });

  it("retries a timeout and a network error, and gives up (not for good) after the last try", async () => {
    const { time, client, send } = setUp((_call, index) =>
      index === 0
        ? stalled()
        : Promise.reject(
            Object.assign(new Error("socket hang up"), {
              code: "slack_webapi_request_error",
              original: new Error("ECONNRESET"),
            }),
          ),
    );
    const r = send(reply("C0A"));
    await time.advance(5 * 60_000);
    expect(client.calls).toHaveLength(deliveryConfig.attempt.maxReply);
    expect(r.result).toEqual({ ok: false, error: "request_error", final: false });
  });

  it.each(["not_in_channel", "channel_not_found", "is_archived", "invalid_blocks"])(
    "does not retry %s: Slack refused it for good",
    async (error) => {
      const { time, client, send } = setUp(() => refused(error));
      const r = send(reply("C0A"));
      await time.advance(5 * 60_000);
      expect(r.result).toEqual({ ok: false, error, final: true });
      expect(client.calls).toHaveLength(1);
    },
  );

  it("gives up on a Retry-After longer than it waits in-line", async () => {
    const { time, client, send } = setUp(() => rateLimited(3_600));
    const r = send(reply("C0A"));
    await time.advance(0);
    expect(r.result).toEqual({ ok: false, error: "ratelimited", final: false });
    expect(client.calls).toHaveLength(1);
  });
});

describe("drain", () => {
  it("lets what is in flight finish before the deadline, even a send made while draining", async () => {
    const { time, delivery, send, client } = setUp((_call, index) =>
      index === 0 ? httpError(503) : posted(),
    );
    const r = send(reply("C0A"));
    await time.advance(0);
    const drained = delivery.drain(new Date(time.ms + 10_000));
    const late = send(reply("C0B"));
    await time.advance(deliveryConfig.backoff.baseMs);
    expect(await drained).toEqual([]);
    expect(r.result?.ok).toBe(true);
    expect(late.result?.ok).toBe(true);
    // Done early: nothing waited out the deadline.
    expect(time.ms).toBeLessThan(10_000);
    expect(client.calls).toHaveLength(3);
  });

  it("returns what is undelivered at the deadline and sends nothing after it", async () => {
    let limited = false;
    const { time, delivery, send, client } = setUp((call) => {
      if (isIn("C0A")(call) && !limited) {
        limited = true;
        return rateLimited(30);
      }
      if (isIn("C0S")(call)) return stalled();
      return posted();
    });
    const waitingOut = reply("C0A");
    const hanging = reply("C0S");
    const a = send(waitingOut);
    const s = send(hanging);
    const b = send(reply("C0B"));
    await time.advance(0);
    expect(b.result?.ok).toBe(true);

    const drained = delivery.drain(new Date(time.ms + 5_000));
    delivery.react({ channel: "C0B", timestamp: "1700000000.000009", name: "mag" });
    await time.advance(5_000);
    const undelivered = await drained;
    expect(undelivered).toEqual(expect.arrayContaining([waitingOut, hanging]));
    expect(undelivered).toHaveLength(2);
    expect(a.result).toEqual({ ok: false, error: "shutting_down", final: false });
    expect(s.result).toEqual({ ok: false, error: "shutting_down", final: false });
    const callsAtDeadline = client.calls.length;

    await time.advance(10 * 60_000);
    const afterwards = await delivery.send(reply("C0C")).then((result) => result);
    await time.advance(60_000);
    expect(afterwards).toEqual({ ok: false, error: "shutting_down", final: false });
    expect(client.calls).toHaveLength(callsAtDeadline);
    expect(client.calls.some((c) => c.method === "reactions.add")).toBe(false);
    expect(await delivery.drain(new Date(time.ms + 5_000))).toBe(undelivered);
  });
});

describe("lanes", () => {
  it("drops the lanes of idle channels once their pacing has run out", async () => {
    const time = fakeTime();
    const lanes = createChannelLanes({ config: deliveryConfig, logger: silent, sleep: time.sleep });
    const results = Array.from({ length: 500 }, (_, i) =>
      lanes.run(`C${i}`, { call: () => posted(), maxAttempts: 1, fields: {} }),
    );
    await time.advance(0);
    expect((await Promise.all(results)).every((r) => r.ok)).toBe(true);
    expect(lanes.size).toBe(500);
    await time.advance(deliveryConfig.pacing.refillMs);
    expect(lanes.size).toBe(0);
    // Nothing left behind that would wake a dropped lane.
    expect(time.sleeping).toBe(0);
  });

  it("paces a burst in one channel: the burst at once, then one per refill", async () => {
    const { time, client, send } = setUp(() => posted());
    const { burst, refillMs } = deliveryConfig.pacing;
    const sent = Array.from({ length: burst + 2 }, () => send(reply("C0A")));
    await time.advance(0);
    expect(client.calls).toHaveLength(burst);
    await time.advance(refillMs);
    expect(client.calls).toHaveLength(burst + 1);
    await time.advance(refillMs);
    expect(client.calls).toHaveLength(burst + 2);
    expect(client.calls.slice(burst).map((c) => c.at)).toEqual([refillMs, 2 * refillMs]);
    expect(sent.every((s) => s.result?.ok)).toBe(true);
  });
});
