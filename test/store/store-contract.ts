import { afterEach, describe, expect, it } from "vitest";
import type { UndeliveredReply } from "../../src/slack/delivery/delivery-types.ts";
import type { FlagMode, FlagRecord, Store } from "../../src/store/store.ts";

const now = new Date("2025-06-12T08:00:00.000Z");
const later = (ms: number) => new Date(now.getTime() + ms);

const subscription = (channel: string, time = "09:00", timeZone = "UTC", subscribedBy = "U1") => ({
  channel,
  time,
  timeZone,
  subscribedBy,
});

const flag = (at: Date, overrides: Partial<FlagRecord> = {}): FlagRecord => ({
  channel: "C1",
  messageTs: "1718179200.000100",
  threadTs: null,
  user: "U1",
  figures: ["800,000"],
  outcome: "flagged",
  at: at.toISOString(),
  ...overrides,
});

const message = (n: number): UndeliveredReply => ({
  kind: "message",
  message: {
    method: "chat.postMessage",
    args: {
      channel: "C1",
      text: `reply ${n}`,
      thread_ts: "1718179200.000100",
      blocks: [{ type: "divider" }],
    },
    purpose: "mention-reply",
  },
  firstTriedAt: later(n).toISOString(),
});

const response = (n: number): UndeliveredReply => ({
  kind: "response",
  response: {
    url: `https://hooks.slack.com/commands/T1/${n}/abc`,
    body: { response_type: "ephemeral", replace_original: false, text: `answer ${n}` },
    user: n % 2 === 0 ? "U1" : null,
    channel: n % 2 === 0 ? "C1" : null,
  },
  firstTriedAt: later(n).toISOString(),
});

/**
 * The behaviour every Store backend must have, written against the interface only. `open` gives a fresh,
 * empty store for each test; `openTwo`, when the backend has a shared file or server, two stores on one
 * database (two instances of the app).
 */
export function describeStoreContract(
  name: string,
  open: () => Promise<Store>,
  openTwo?: () => Promise<[Store, Store]>,
): void {
  describe(`Store contract: ${name}`, () => {
    const opened: Store[] = [];
    const fresh = async () => {
      const store = await open();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });

    describe("subscriptions", () => {
      it("saves, lists, replaces and deletes a channel's subscription", async () => {
        const store = await fresh();
        const sub = await store.upsertSubscription(subscription("C1", "09:00", "Europe/London"), now);
        expect(sub).toEqual({
          channel: "C1",
          time: "09:00",
          timeZone: "Europe/London",
          subscribedBy: "U1",
          createdAt: now.toISOString(),
          lastPostedDay: null,
        });
        expect(await store.getSubscription("C1")).toEqual(sub);
        const replaced = await store.upsertSubscription(
          subscription("C1", "07:30", "UTC", "U2"),
          later(60_000),
        );
        expect(replaced).toMatchObject({ time: "07:30", timeZone: "UTC", subscribedBy: "U2" });
        expect(replaced.createdAt).toBe(later(60_000).toISOString());
        await store.upsertSubscription(subscription("C0", "10:00"), now);
        expect((await store.listSubscriptions()).map((s) => s.channel)).toEqual(["C0", "C1"]);
        expect(await store.deleteSubscription("C1")).toBe(true);
        expect(await store.deleteSubscription("C1")).toBe(false);
        expect(await store.getSubscription("C1")).toBeNull();
        expect(await store.listSubscriptions()).toHaveLength(1);
      });

      it("claims a channel's day once, reports it as last posted, and gives it back on release", async () => {
        const store = await fresh();
        await store.upsertSubscription(subscription("C1"), now);
        expect(await store.claimSummaryDay("C1", "2025-06-12", now)).toBe(true);
        expect(await store.claimSummaryDay("C1", "2025-06-12", now)).toBe(false);
        expect(await store.claimSummaryDay("C2", "2025-06-12", now)).toBe(true);
        expect((await store.getSubscription("C1"))?.lastPostedDay).toBe("2025-06-12");
        await store.releaseSummaryDay("C1", "2025-06-12");
        expect((await store.getSubscription("C1"))?.lastPostedDay).toBeNull();
        expect(await store.claimSummaryDay("C1", "2025-06-12", now)).toBe(true);
      });

      it("reports the latest claimed day as last posted, in the listing too", async () => {
        const store = await fresh();
        await store.upsertSubscription(subscription("C1"), now);
        await store.claimSummaryDay("C1", "2025-06-12", now);
        await store.claimSummaryDay("C1", "2025-06-14", later(2 * 86_400_000));
        await store.claimSummaryDay("C1", "2025-06-13", later(86_400_000));
        expect((await store.getSubscription("C1"))?.lastPostedDay).toBe("2025-06-14");
        expect((await store.listSubscriptions())[0]?.lastPostedDay).toBe("2025-06-14");
      });

      it("keeps the day already posted when a channel re-subscribes", async () => {
        const store = await fresh();
        await store.upsertSubscription(subscription("C1"), now);
        await store.claimSummaryDay("C1", "2025-06-12", now);
        const again = await store.upsertSubscription(subscription("C1", "18:00"), later(1000));
        expect(again.lastPostedDay).toBe("2025-06-12");
        expect(await store.claimSummaryDay("C1", "2025-06-12", later(2000))).toBe(false);
      });

      it("lets only one of several claims of the same day made at once succeed", async () => {
        const store = await fresh();
        const claims = await Promise.all(
          Array.from({ length: 5 }, () => store.claimSummaryDay("C1", "2025-06-12", now)),
        );
        expect(claims.filter(Boolean)).toHaveLength(1);
      });
    });

    describe("watched topics, pins and snapshots", () => {
      it("watches a topic once, lists in the order watched, and unwatches", async () => {
        const store = await fresh();
        await store.watchTopic("C1", "topic-b", now);
        await store.watchTopic("C1", "topic-a", later(1000));
        await store.watchTopic("C1", "topic-b", later(2000));
        expect(await store.watchedTopics("C1")).toEqual(["topic-b", "topic-a"]);
        expect(await store.watchedTopics("C2")).toEqual([]);
        expect(await store.unwatchTopic("C1", "topic-b")).toBe(true);
        expect(await store.unwatchTopic("C1", "topic-b")).toBe(false);
        expect(await store.watchedTopics("C1")).toEqual(["topic-a"]);
      });

      it("replaces and clears the pinned summary of a channel", async () => {
        const store = await fresh();
        expect(await store.getPinnedSummary("C1")).toBeNull();
        await store.setPinnedSummary({ channel: "C1", ts: "1.1", postedAt: now.toISOString() }, "C1");
        await store.setPinnedSummary({ channel: "C1", ts: "2.2", postedAt: later(1).toISOString() }, "C1");
        expect(await store.getPinnedSummary("C1")).toEqual({
          channel: "C1",
          ts: "2.2",
          postedAt: later(1).toISOString(),
        });
        expect(await store.getPinnedSummary("C2")).toBeNull();
        await store.setPinnedSummary(null, "C1");
        expect(await store.getPinnedSummary("C1")).toBeNull();
      });

      it("keeps the latest summary snapshot per channel as JSON", async () => {
        const store = await fresh();
        expect(await store.lastSummarySnapshot("C1")).toBeNull();
        await store.saveSummarySnapshot("C1", now, { topics: { a: 1 } });
        await store.saveSummarySnapshot("C1", later(5), { topics: { a: 2, b: [1.5, null, "x"] } });
        expect(await store.lastSummarySnapshot("C1")).toEqual({
          at: later(5).toISOString(),
          data: { topics: { a: 2, b: [1.5, null, "x"] } },
        });
        expect(await store.lastSummarySnapshot("C2")).toBeNull();
      });
    });

    describe("flagging and feedback", () => {
      it("defaults a channel's flag mode to on and remembers a change", async () => {
        const store = await fresh();
        expect(await store.flagMode("C1")).toBe("on");
        await store.setFlagMode("C1", "quiet");
        expect(await store.flagMode("C1")).toBe("quiet");
        await store.setFlagMode("C1", "off");
        expect(await store.flagMode("C1")).toBe("off");
        expect(await store.flagMode("C2")).toBe("on");
      });

      it("refuses a flag mode it does not know, keeping the one set", async () => {
        const store = await fresh();
        await store.setFlagMode("C1", "quiet");
        await expect(store.setFlagMode("C1", "loud" as FlagMode)).rejects.toThrow();
        expect(await store.flagMode("C1")).toBe("quiet");
      });

      it("recognises a retried event id, and forgets ids older than a day", async () => {
        const store = await fresh();
        expect(await store.markEventSeen("Ev1", now)).toBe(true);
        expect(await store.markEventSeen("Ev1", later(60_000))).toBe(false);
        expect(await store.markEventSeen("Ev2", later(25 * 3600_000))).toBe(true);
        // Ev1 was pruned by the call above, so it reads as new again.
        expect(await store.markEventSeen("Ev1", later(25 * 3600_000))).toBe(true);
      });

      it("marks an event delivered several times at once as new only once", async () => {
        const store = await fresh();
        const marks = await Promise.all(Array.from({ length: 5 }, () => store.markEventSeen("Ev1", now)));
        expect(marks.filter(Boolean)).toHaveLength(1);
      });

      it("returns a channel's flags at or after a time, oldest first, with every field", async () => {
        const store = await fresh();
        await store.recordFlag(flag(later(20), { figures: ["nearly 2,000 a day", "800,000"] }));
        await store.recordFlag(flag(now));
        await store.recordFlag(
          flag(later(10), { threadTs: "1718179100.000100", user: null, outcome: "quiet" }),
        );
        await store.recordFlag(flag(later(30), { channel: "C2" }));
        expect(await store.flagsSince("C1", later(10))).toEqual([
          flag(later(10), { threadTs: "1718179100.000100", user: null, outcome: "quiet" }),
          flag(later(20), { figures: ["nearly 2,000 a day", "800,000"] }),
        ]);
        expect(await store.flagsSince("C1", later(21))).toEqual([]);
      });

      it("claims flag slots up to the limit after a time, counting every outcome but rate-limited", async () => {
        const store = await fresh();
        const limit = { max: 2, after: now };
        const ts = (n: number) => `1718179200.00010${n}`;
        // At `after` exactly is outside the window, as a slot taken a full window ago is free again.
        await store.recordFlag(flag(now, { messageTs: ts(0) }));
        await store.recordFlag(flag(later(1), { messageTs: ts(1), outcome: "rate-limited" }));
        expect(await store.claimFlag(flag(later(2), { messageTs: ts(2), outcome: "quiet" }), limit)).toBe(
          true,
        );
        expect(await store.claimFlag(flag(later(3), { messageTs: ts(3) }), limit)).toBe(true);
        expect(await store.claimFlag(flag(later(4), { messageTs: ts(4) }), limit)).toBe(false);
        expect(await store.claimFlag(flag(later(4), { channel: "C2", messageTs: ts(4) }), limit)).toBe(true);
        expect((await store.flagsSince("C1", now)).map((f) => f.messageTs)).toEqual([
          ts(0),
          ts(1),
          ts(2),
          ts(3),
        ]);
        expect(await store.claimFlag(flag(later(5), { messageTs: ts(5) }), { max: 2, after: later(2) })).toBe(
          true,
        );
      });

      it("gives the last flag slot to one of several claims made at once", async () => {
        const store = await fresh();
        const claims = await Promise.all(
          Array.from({ length: 6 }, (_, i) =>
            store.claimFlag(flag(later(i + 1), { messageTs: `1718179200.00020${i}` }), {
              max: 4,
              after: now,
            }),
          ),
        );
        expect(claims.filter(Boolean)).toHaveLength(4);
        expect(await store.flagsSince("C1", now)).toHaveLength(4);
      });

      it("changes a claimed flag's outcome, which still takes its slot", async () => {
        const store = await fresh();
        const limit = { max: 1, after: now };
        expect(await store.claimFlag(flag(later(1)), limit)).toBe(true);
        await store.setFlagOutcome("C1", flag(now).messageTs, "failed");
        expect((await store.flagsSince("C1", now)).map((f) => f.outcome)).toEqual(["failed"]);
        expect(await store.claimFlag(flag(later(2), { messageTs: "1718179200.000300" }), limit)).toBe(false);
      });

      it("records feedback, with or without a channel and topic", async () => {
        const store = await fresh();
        const feedback = {
          channel: "C1",
          user: "U1",
          question: "how many drones?",
          topicId: "drones",
          kind: "not-what-i-asked" as const,
          at: now.toISOString(),
        };
        await expect(store.recordFeedback(feedback)).resolves.toBeUndefined();
        await expect(
          store.recordFeedback({ ...feedback, channel: null, user: null, topicId: null }),
        ).resolves.toBeUndefined();
      });
    });

    describe("outbox", () => {
      it("takes saved replies back in the order saved, each once, up to the limit", async () => {
        const store = await fresh();
        expect(await store.takeUndelivered(10)).toEqual({ replies: [], unreadable: [] });
        await store.saveUndelivered([message(1), response(2), response(3)], now);
        await store.saveUndelivered([message(4)], later(1000));
        await store.saveUndelivered([], later(2000));
        expect(await store.countUndelivered()).toBe(4);
        const first = await store.takeUndelivered(3);
        expect(first).toEqual({ replies: [message(1), response(2), response(3)], unreadable: [] });
        expect(await store.countUndelivered()).toBe(1);
        expect(await store.takeUndelivered(3)).toEqual({ replies: [message(4)], unreadable: [] });
        expect(await store.takeUndelivered(3)).toEqual({ replies: [], unreadable: [] });
        expect(await store.countUndelivered()).toBe(0);
      });

      it("reports and drops a saved reply that no longer reads as one, keeping the rest", async () => {
        const store = await fresh();
        const broken = {
          kind: "message",
          message: { method: "chat.delete", args: { ts: "1.2" }, purpose: "x" },
          firstTriedAt: now.toISOString(),
        } as unknown as UndeliveredReply;
        await store.saveUndelivered([message(1), broken, response(2)], now);
        const taken = await store.takeUndelivered(10);
        expect(taken.replies).toEqual([message(1), response(2)]);
        expect(taken.unreadable).toHaveLength(1);
        expect(taken.unreadable[0]?.reason).toMatch(/method|channel/);
        expect(await store.countUndelivered()).toBe(0);
      });

      it("never gives the same reply to two takes made at once", async () => {
        const store = await fresh();
        await store.saveUndelivered(
          Array.from({ length: 30 }, (_, i) => message(i)),
          now,
        );
        const takes = await Promise.all(Array.from({ length: 6 }, () => store.takeUndelivered(7)));
        const texts = takes.flatMap((t) =>
          t.replies.map((r) => (r.kind === "message" ? r.message.args.text : "")),
        );
        expect(new Set(texts).size).toBe(texts.length);
        expect(texts).toHaveLength(30);
      });
    });

    if (openTwo) {
      describe("two stores on one database", () => {
        const two = async () => {
          const [a, b] = await openTwo();
          opened.push(a, b);
          return [a, b] as const;
        };

        it("lets only one of them claim a channel's day, even when both claim at once", async () => {
          const [a, b] = await two();
          const results = await Promise.all([
            a.claimSummaryDay("C1", "2025-06-12", now),
            b.claimSummaryDay("C1", "2025-06-12", now),
          ]);
          expect(results.filter(Boolean)).toHaveLength(1);
          expect(await b.claimSummaryDay("C1", "2025-06-12", now)).toBe(false);
          expect(await a.claimSummaryDay("C1", "2025-06-13", now)).toBe(true);
        });

        it("acts on a retried event once when it reaches both", async () => {
          const [a, b] = await two();
          const results = await Promise.all([a.markEventSeen("Ev1", now), b.markEventSeen("Ev1", now)]);
          expect(results.filter(Boolean)).toHaveLength(1);
          expect(await a.markEventSeen("Ev1", later(1000))).toBe(false);
        });

        it("holds the per-channel flag limit across both when they claim at once", async () => {
          const [a, b] = await two();
          const limit = { max: 3, after: now };
          const claims = await Promise.all(
            Array.from({ length: 8 }, (_, i) =>
              (i % 2 === 0 ? a : b).claimFlag(
                flag(later(i + 1), { messageTs: `1718179200.00040${i}` }),
                limit,
              ),
            ),
          );
          expect(claims.filter(Boolean)).toHaveLength(3);
          expect(await a.flagsSince("C1", now)).toHaveLength(3);
        });

        it("splits the outbox between them when both take at once, never sending one reply twice", async () => {
          const [a, b] = await two();
          await a.saveUndelivered(
            Array.from({ length: 40 }, (_, i) => response(i)),
            now,
          );
          const takes = await Promise.all(
            Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).takeUndelivered(5)),
          );
          const urls = takes.flatMap((t) =>
            t.replies.map((r) => (r.kind === "response" ? r.response.url : "")),
          );
          expect(new Set(urls).size).toBe(40);
          expect(urls).toHaveLength(40);
          expect(await b.countUndelivered()).toBe(0);
        });

        it("shares every write between them", async () => {
          const [a, b] = await two();
          await a.upsertSubscription(subscription("C1", "07:30", "Asia/Tokyo"), now);
          expect((await b.getSubscription("C1"))?.timeZone).toBe("Asia/Tokyo");
          await b.claimSummaryDay("C1", "2025-06-12", now);
          expect((await a.listSubscriptions())[0]?.lastPostedDay).toBe("2025-06-12");
          await a.releaseSummaryDay("C1", "2025-06-12");
          expect((await b.getSubscription("C1"))?.lastPostedDay).toBeNull();

          await a.watchTopic("C1", "topic-a", now);
          expect(await b.watchedTopics("C1")).toEqual(["topic-a"]);
          expect(await b.unwatchTopic("C1", "topic-a")).toBe(true);
          expect(await a.watchedTopics("C1")).toEqual([]);

          await b.setPinnedSummary({ channel: "C1", ts: "3.3", postedAt: now.toISOString() }, "C1");
          expect((await a.getPinnedSummary("C1"))?.ts).toBe("3.3");
          await a.saveSummarySnapshot("C1", now, { topics: {} });
          expect((await b.lastSummarySnapshot("C1"))?.data).toEqual({ topics: {} });

          await a.setFlagMode("C1", "quiet");
          expect(await b.flagMode("C1")).toBe("quiet");
          await b.recordFlag(flag(now));
          expect(await a.flagsSince("C1", now)).toHaveLength(1);

          expect(await b.deleteSubscription("C1")).toBe(true);
          expect(await a.getSubscription("C1")).toBeNull();
        });
      });
    }
  });
}
