import { afterEach, describe, expect, it } from "vitest";
import type { Logger } from "../../src/log/logger.ts";
import { createSummaryPoster, type SummarySlackClient } from "../../src/slack/summary-poster.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import type { Store } from "../../src/store/store.ts";
import { fixtureCore } from "./fixture-core.ts";

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent, level: "error" };
const now = new Date("2025-06-12T08:00:00.000Z");

type Call = { method: string; args: Record<string, unknown> };
type Script = Partial<Record<string, Array<Error | Record<string, unknown>>>>;

const platformError = (error: string) =>
  Object.assign(new Error(`An API error occurred: ${error}`), {
    code: "slack_webapi_platform_error",
    data: { ok: false, error },
  });
const rateLimited = (retryAfter: number) =>
  Object.assign(new Error("rate limited"), { code: "slack_webapi_rate_limited_error", retryAfter });

/** A client whose answers a test scripts per method, in order; unscripted calls succeed. */
function fakeClient(script: Script = {}) {
  const calls: Call[] = [];
  let n = 0;
  const answer = async (method: string, args: Record<string, unknown>) => {
    calls.push({ method, args });
    const next = script[method]?.shift();
    if (next instanceof Error) throw next;
    n += 1;
    return next ?? { ok: true, ts: `1718179200.00000${n}` };
  };
  const client: SummarySlackClient = {
    chat: { postMessage: (args) => answer("chat.postMessage", args) as Promise<{ ts?: string }> },
    pins: { add: (args) => answer("pins.add", args), remove: (args) => answer("pins.remove", args) },
  };
  return { client, calls, of: (method: string) => calls.filter((c) => c.method === method) };
}

const stores: Store[] = [];
function setup() {
  const store = openSqliteStore(":memory:");
  stores.push(store);
  const sleeps: number[] = [];
  const poster = createSummaryPoster({
    core: fixtureCore(
      [{ id: "a-drones-1", topic: "drones-launched", value: 400, as_of: "2025-06-10", source: "src-a" }],
      () => now,
    ),
    store,
    now: () => now,
    logger: silent,
    staleDays: 90,
    defaultTimeZone: "UTC",
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return { store, poster, sleeps };
}
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

const due = (channel = "C1") => ({
  subscription: {
    channel,
    time: "09:00",
    timeZone: "UTC",
    subscribedBy: "U1",
    createdAt: "2025-06-01T00:00:00.000Z",
    lastPostedDay: null,
  },
  day: "2025-06-12",
});

describe("summary poster", () => {
  it("posts, pins, records the pin and the snapshot", async () => {
    const { store, poster } = setup();
    const slack = fakeClient();
    const outcome = await poster.post(slack.client, "C1");
    expect(outcome).toMatchObject({ ok: true, pin: { kind: "pinned" } });
    expect(slack.calls.map((c) => c.method)).toEqual(["chat.postMessage", "pins.add"]);
    const ts = outcome.ok ? outcome.ts : "";
    expect(slack.of("pins.add")[0]?.args).toEqual({ channel: "C1", timestamp: ts });
    expect((await store.getPinnedSummary("C1"))?.ts).toBe(ts);
    expect((await store.lastSummarySnapshot("C1"))?.at).toBe(now.toISOString());
  });

  it("unpins only the summary it pinned before, after pinning the new one", async () => {
    const { store, poster } = setup();
    await store.setPinnedSummary({ channel: "C1", ts: "100.1", postedAt: now.toISOString() }, "C1");
    const slack = fakeClient();
    const outcome = await poster.post(slack.client, "C1");
    expect(slack.calls.map((c) => c.method)).toEqual(["chat.postMessage", "pins.add", "pins.remove"]);
    expect(slack.of("pins.remove")[0]?.args).toEqual({ channel: "C1", timestamp: "100.1" });
    expect((await store.getPinnedSummary("C1"))?.ts).toBe(outcome.ok ? outcome.ts : "");
  });

  it("treats a previous pin a person already removed as gone", async () => {
    const { store, poster } = setup();
    await store.setPinnedSummary({ channel: "C1", ts: "100.1", postedAt: now.toISOString() }, "C1");
    for (const error of ["no_pin", "message_not_found"]) {
      const slack = fakeClient({ "pins.remove": [platformError(error)] });
      const outcome = await poster.post(slack.client, "C1");
      expect(outcome).toMatchObject({ ok: true, pin: { kind: "pinned" } });
      expect((await store.getPinnedSummary("C1"))?.ts).toBe(outcome.ok ? outcome.ts : "");
    }
  });

  it("makes room by unpinning its own previous summary when the channel is at the pin limit", async () => {
    const { store, poster } = setup();
    await store.setPinnedSummary({ channel: "C1", ts: "100.1", postedAt: now.toISOString() }, "C1");
    const slack = fakeClient({ "pins.add": [platformError("too_many_pins")] });
    const outcome = await poster.post(slack.client, "C1");
    expect(slack.calls.map((c) => c.method)).toEqual([
      "chat.postMessage",
      "pins.add",
      "pins.remove",
      "pins.add",
    ]);
    expect(outcome).toMatchObject({ ok: true, pin: { kind: "pinned" } });
  });

  it("posts anyway at the pin limit with no pin of its own, and tells the subscriber", async () => {
    const { store, poster } = setup();
    const slack = fakeClient({ "pins.add": [platformError("too_many_pins")] });
    const result = await poster.postScheduled(slack.client, due(), null);
    expect(result).toEqual({ ok: true });
    expect(await store.getPinnedSummary("C1")).toBeNull();
    const dm = slack.of("chat.postMessage")[1];
    expect(dm?.args.channel).toBe("U1");
    expect(String(dm?.args.text)).toContain("couldn't pin it");
  });

  it("waits out a rate limit the client hands back, then posts once", async () => {
    const { poster, sleeps } = setup();
    const slack = fakeClient({ "chat.postMessage": [rateLimited(7)] });
    const outcome = await poster.post(slack.client, "C1");
    expect(outcome.ok).toBe(true);
    expect(sleeps).toEqual([7000]);
    expect(slack.of("chat.postMessage")).toHaveLength(2);
  });

  it("gives up after three rate-limited tries, or at once on a Retry-After too long to wait", async () => {
    const { poster, sleeps } = setup();
    const slack = fakeClient({ "chat.postMessage": [rateLimited(1), rateLimited(1), rateLimited(1)] });
    expect(await poster.post(slack.client, "C1")).toEqual({
      ok: false,
      failure: "rate_limited",
      error: "ratelimited",
    });
    expect(sleeps).toEqual([1000, 1000]);
    const long = fakeClient({ "chat.postMessage": [rateLimited(3600)] });
    expect(await poster.post(long.client, "C1")).toMatchObject({ ok: false, failure: "rate_limited" });
    expect(sleeps).toEqual([1000, 1000]);
  });

  it("tells the subscriber once when Tally is not in the channel, and saves nothing", async () => {
    const { store, poster } = setup();
    const first = fakeClient({ "chat.postMessage": [platformError("not_in_channel")] });
    expect(await poster.postScheduled(first.client, due(), null)).toEqual({
      ok: false,
      error: "not_in_channel",
    });
    expect(first.of("chat.postMessage").map((c) => c.args.channel)).toEqual(["C1", "U1"]);
    expect(String(first.of("chat.postMessage")[1]?.args.text)).toContain("/invite @Tally");
    const retry = fakeClient({ "chat.postMessage": [platformError("not_in_channel")] });
    await poster.postScheduled(retry.client, due(), "not_in_channel");
    expect(retry.of("chat.postMessage").map((c) => c.args.channel)).toEqual(["C1"]);
    expect(await store.lastSummarySnapshot("C1")).toBeNull();
  });

  it("ends the subscription of an archived channel and tells the subscriber", async () => {
    const { store, poster } = setup();
    await store.upsertSubscription(
      { channel: "C1", time: "09:00", timeZone: "UTC", subscribedBy: "U1" },
      now,
    );
    const slack = fakeClient({ "chat.postMessage": [platformError("is_archived")] });
    expect(await poster.postScheduled(slack.client, due(), null)).toEqual({
      ok: false,
      error: "is_archived",
    });
    expect(await store.getSubscription("C1")).toBeNull();
    expect(String(slack.of("chat.postMessage")[1]?.args.text)).toContain("archived");
  });
});
