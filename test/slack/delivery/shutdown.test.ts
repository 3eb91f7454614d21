import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../../src/log/logger.ts";
import type {
  OutgoingMessage,
  ReplyDelivery,
  UndeliveredReply,
} from "../../../src/slack/delivery/delivery-types.ts";
import { createInFlight } from "../../../src/slack/in-flight.ts";
import { type ShutdownParts, shutDownGracefully } from "../../../src/slack/shutdown.ts";
import { openSqliteStore } from "../../../src/store/sqlite-store.ts";
import type { Store } from "../../../src/store/store.ts";

const message = (channel: string): OutgoingMessage => ({
  method: "chat.postMessage",
  args: { channel, text: `reply in ${channel}`, thread_ts: "1.1" },
  purpose: "mention-reply",
});

const savedResponse: Extract<UndeliveredReply, { kind: "response" }> = {
  kind: "response",
  response: {
    url: "https://hooks.slack.test/commands/1",
    body: { text: "answer" },
    user: "U1",
    channel: "C1",
  },
  firstTriedAt: "2025-06-12T08:00:00.000Z",
};

const never = <T>() => new Promise<T>(() => {});

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

/** Parts that do nothing and record what was called, in order; `over` replaces any of them. */
function parts(over: Partial<ShutdownParts> = {}) {
  const store = openSqliteStore(":memory:");
  stores.push(store);
  const steps: string[] = [];
  const logs: Record<string, unknown>[] = [];
  const base: ShutdownParts = {
    graceMs: 5_000,
    logger: createLogger({ level: "debug", write: (line) => logs.push(JSON.parse(line)) }),
    stopAccepting: async () => {
      steps.push("stop accepting");
    },
    stopBackground: async () => {
      steps.push("stop background");
    },
    inFlight: createInFlight(),
    responses: { settle: async () => [] },
    delivery: { drain: async () => [] },
    outbox: {
      saveUndelivered: async (replies, now) => {
        steps.push("save");
        await store.saveUndelivered(replies, now);
      },
    },
    close: async () => {
      steps.push("close");
    },
  };
  return { store, steps, logs, parts: { ...base, ...over } };
}

describe("graceful shutdown", () => {
  it("saves what delivery and response_url posts still hold at the end to the outbox, then closes", async () => {
    const drained: Date[] = [];
    const delivery: Pick<ReplyDelivery, "drain"> = {
      drain: async (deadline) => {
        drained.push(deadline);
        return [message("C1"), message("C2")];
      },
    };
    const t = parts({ delivery, responses: { settle: async () => [savedResponse] } });
    const started = Date.now();
    const report = await shutDownGracefully(t.parts);
    expect(report).toEqual({ finished: true, undelivered: 3, saved: 3 });
    expect(t.steps).toEqual(["stop accepting", "stop background", "save", "close"]);
    // The drain was given the end of the grace period.
    expect(drained[0]?.getTime()).toBeGreaterThanOrEqual(started + 5_000);
    const taken = await t.store.takeUndelivered(10);
    expect(
      taken.replies.map((r) => (r.kind === "message" ? r.message.args.channel : r.response.url)),
    ).toEqual(["https://hooks.slack.test/commands/1", "C1", "C2"]);
  });

  it("waits for listener runs in progress, and no longer than it takes", async () => {
    const t = parts();
    const inFlight = t.parts.inFlight as ReturnType<typeof createInFlight>;
    let finished = false;
    const run = inFlight.middleware({
      next: async () => {
        await new Promise((r) => setTimeout(r, 150));
        finished = true;
      },
    } as unknown as Parameters<typeof inFlight.middleware>[0]);
    expect(inFlight.count).toBe(1);
    const started = Date.now();
    const report = await shutDownGracefully(t.parts);
    await run;
    expect(finished).toBe(true);
    expect(report.finished).toBe(true);
    expect(report.saved).toBe(0);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("waits for nothing past the grace period, even when every part hangs", async () => {
    const inFlight = createInFlight();
    // A run that never ends.
    void inFlight.middleware({ next: never } as unknown as Parameters<typeof inFlight.middleware>[0]);
    const t = parts({
      graceMs: 300,
      stopAccepting: never,
      stopBackground: never,
      inFlight,
      responses: { settle: never },
      delivery: { drain: never },
    });
    const started = Date.now();
    const report = await shutDownGracefully(t.parts);
    const took = Date.now() - started;
    expect(report).toEqual({ finished: false, undelivered: 0, saved: 0 });
    expect(took).toBeGreaterThanOrEqual(290);
    // Generous for a loaded machine; without the deadline this would never return.
    expect(took).toBeLessThan(2_500);
    expect(t.steps).toEqual(["close"]);
    expect(t.logs.map((l) => l.step).filter(Boolean)).toEqual([
      "stop accepting requests",
      "stop background work",
      "finish response_url posts",
      "drain reply delivery",
    ]);
    expect(
      t.logs.find((l) => l.msg === "the grace period ended with requests still in progress"),
    ).toMatchObject({
      stillRunning: 1,
    });
  });

  it("logs the undelivered replies themselves when the outbox cannot take them, and still closes", async () => {
    const t = parts({
      delivery: { drain: async () => [message("C9")] },
      outbox: {
        saveUndelivered: async () => {
          throw new Error("SQLITE_CORRUPT: database disk image is malformed");
        },
      },
    });
    const report = await shutDownGracefully(t.parts);
    expect(report).toEqual({ finished: true, undelivered: 1, saved: 0 });
    expect(t.steps).toEqual(["stop accepting", "stop background", "close"]);
    const lost = t.logs.find((l) => l.msg === "could not save undelivered replies; they are lost");
    expect(JSON.stringify(lost?.replies)).toContain("reply in C9");
  });
});
