import { describe, expect, it } from "vitest";
import { readOutboxRows } from "../../src/store/outbox-rows.ts";

const at = "2025-06-12T08:00:00.000Z";

describe("readOutboxRows", () => {
  it("reports rows that are not JSON, not a reply, of an unknown kind or dated nonsense, and keeps the rest in id order", () => {
    const good = {
      method: "chat.postMessage",
      args: { channel: "C1", text: "hi" },
      purpose: "mention-reply",
    };
    const taken = readOutboxRows([
      { id: "12", kind: "message", payload: JSON.stringify(good), first_tried_at: at },
      { id: "3", kind: "message", payload: "{not json", first_tried_at: at },
      {
        id: "4",
        kind: "response",
        payload: JSON.stringify({ url: "ftp://x", body: {} }),
        first_tried_at: at,
      },
      { id: "5", kind: "telegram", payload: JSON.stringify(good), first_tried_at: at },
      { id: "6", kind: "message", payload: JSON.stringify(good), first_tried_at: "yesterday" },
      {
        id: 2,
        kind: "message",
        payload: JSON.stringify({ ...good, args: { channel: "C0" } }),
        first_tried_at: at,
      },
    ]);
    expect(taken.replies.map((r) => (r.kind === "message" ? r.message.args.channel : null))).toEqual([
      "C0",
      "C1",
    ]);
    expect(taken.unreadable.map((u) => u.id)).toEqual(["3", "4", "5", "6"]);
    expect(taken.unreadable[1]?.reason).toMatch(/url/);
    expect(taken.unreadable[2]?.reason).toMatch(/unknown kind "telegram"/);
  });
});
