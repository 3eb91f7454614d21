import { describe, expect, it } from "vitest";
import { createLogger } from "../../../src/log/logger.ts";
import type { OutgoingMessage, UndeliveredReply } from "../../../src/slack/delivery/delivery-types.ts";
import { redeliverOutbox } from "../../../src/slack/redeliver-outbox.ts";
import { openSqliteStore } from "../../../src/store/sqlite-store.ts";

const at = "2025-06-12T08:00:00.000Z";
const message = (channel: string): UndeliveredReply => ({
  kind: "message",
  message: { method: "chat.postMessage", args: { channel, text: "reply" }, purpose: "mention-reply" },
  firstTriedAt: at,
});
const response = (n: number): Extract<UndeliveredReply, { kind: "response" }> => ({
  kind: "response",
  response: {
    url: `https://hooks.slack.test/commands/${n}`,
    body: { text: "answer" },
    user: "U1",
    channel: "C1",
  },
  firstTriedAt: at,
});

describe("redeliverOutbox", () => {
  it("sends every saved message through delivery and every response through its URL, batch by batch", async () => {
    const store = openSqliteStore(":memory:");
    await store.saveUndelivered(
      [message("C1"), response(1), message("C2"), response(2), message("C3")],
      new Date(at),
    );
    const sent: OutgoingMessage[] = [];
    const redelivered: string[] = [];
    const logs: Record<string, unknown>[] = [];
    const result = await redeliverOutbox({
      outbox: store,
      send: async (m) => {
        sent.push(m);
        return m.args.channel === "C3"
          ? { ok: false, error: "not_in_channel", final: true }
          : { ok: true, ts: "1.1" };
      },
      responses: {
        redeliver: async (saved) => {
          redelivered.push(saved.response.url);
        },
      },
      logger: createLogger({ level: "debug", write: (line) => logs.push(JSON.parse(line)) }),
      batch: 2,
    });
    expect(sent.map((m) => m.args.channel)).toEqual(["C1", "C2", "C3"]);
    expect(redelivered).toEqual([
      "https://hooks.slack.test/commands/1",
      "https://hooks.slack.test/commands/2",
    ]);
    expect(result).toEqual({ sent: 4, failed: 1 });
    expect(logs.find((l) => l.msg === "could not send a saved reply")).toMatchObject({
      error: "not_in_channel",
    });
    expect(await store.countUndelivered()).toBe(0);
    await store.close();
  });

  it("takes nothing once shutdown has begun", async () => {
    const store = openSqliteStore(":memory:");
    await store.saveUndelivered([message("C1")], new Date(at));
    const result = await redeliverOutbox({
      outbox: store,
      send: async () => ({ ok: true, ts: null }),
      responses: { redeliver: async () => {} },
      logger: createLogger({ level: "error", write: () => {} }),
      stopping: () => true,
    });
    expect(result).toEqual({ sent: 0, failed: 0 });
    expect(await store.countUndelivered()).toBe(1);
    await store.close();
  });
});
