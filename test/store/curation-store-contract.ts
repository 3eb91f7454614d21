import { afterEach, describe, expect, it } from "vitest";
import type { DeskQuestion, GapRecord, Proposal } from "../../src/curation/proposal.ts";
import type { CurationStore } from "../../src/store/curation-store.ts";

/** A proposal adding a new topic, source, document and claim, with every nested field worth keeping. */
export function sampleProposal(id: string, proposedAt: string, overrides: Partial<Proposal> = {}): Proposal {
  return {
    id,
    status: "pending",
    entries: {
      topics: [
        {
          id: `${id}-topic`,
          title: "Homes destroyed by the flood",
          subject: "river valley residents",
          measure: "homes destroyed",
          period: "cumulative since 3 March 2025",
          unit: "homes",
          aliases: ["homes destroyed", "houses lost"],
          place: "the lower valley",
          related: [],
          key: false,
          review_days: 14,
        },
      ],
      sources: [{ id: `${id}-source`, name: "Valley Fire Service", aliases: ["VFS"], kind: "agency" }],
      documents: [
        {
          id: `${id}-document`,
          outlet: "River Post",
          headline: "Flood leaves thousands homeless",
          published: "2025-03-05",
          url: "https://example.org/flood",
        },
      ],
      claims: [
        {
          id: `${id}-claim`,
          topic: `${id}-topic`,
          low: 10_000,
          high: 12_000,
          as_of: "2025-03-05",
          source: `${id}-source`,
          unattributed: false,
          document: `${id}-document`,
          quote: "between 10,000 and 12,000 homes were destroyed",
        },
      ],
    },
    figureText: "10,000 to 12,000",
    corrects: null,
    answers: null,
    origin: { channel: "C0NEWS", messageTs: "1741170000.000100", permalink: "https://slack.example/p1" },
    proposedBy: "U0PROPOSER",
    proposedAt,
    decision: null,
    review: null,
    ...overrides,
  };
}

const question = (id: string, askedAt: string): DeskQuestion => ({
  id,
  question: "how many homes did the flood destroy",
  askedBy: "U0ASKER",
  channel: "C0NEWS",
  askedAt,
  review: null,
  answer: null,
});

const gap = (at: string, overrides: Partial<GapRecord> = {}): GapRecord => ({
  kind: "no-match",
  question: "turnout in the runoff",
  user: "U0ASKER",
  channel: "C0NEWS",
  topicId: null,
  at,
  ...overrides,
});

const decision = { by: "U0CURATOR", at: "2025-03-05T10:00:00.000Z", reason: null };

/**
 * The behaviour every CurationStore backend must have, written against the port only. `open` gives a fresh,
 * empty store for each test; `openTwo`, when the backend has a shared file or server, two stores on one.
 */
export function describeCurationStoreContract(
  name: string,
  open: () => Promise<CurationStore>,
  openTwo?: () => Promise<[CurationStore, CurationStore]>,
): void {
  describe(`CurationStore contract: ${name}`, () => {
    const opened: CurationStore[] = [];
    const fresh = async () => {
      const store = await open();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });

    it("gives a proposal back as saved, nested entries and all", async () => {
      const store = await fresh();
      const p = sampleProposal("p-1", "2025-03-05T09:00:00.000Z", {
        review: { channel: "C0REVIEW", ts: "1.2" },
      });
      await store.saveProposal(p);
      expect(await store.getProposal("p-1")).toEqual(p);
      expect(await store.getProposal("p-unknown")).toBeNull();
    });

    it("replaces a proposal saved again under the same id (an edit before the decision)", async () => {
      const store = await fresh();
      const p = sampleProposal("p-1", "2025-03-05T09:00:00.000Z");
      await store.saveProposal(p);
      const edited = { ...p, figureText: "about 11,000" };
      await store.saveProposal(edited);
      expect(await store.getProposal("p-1")).toEqual(edited);
      expect(await store.listProposals()).toHaveLength(1);
    });

    it("lists proposals by status, oldest first", async () => {
      const store = await fresh();
      await store.saveProposal(sampleProposal("p-late", "2025-03-05T12:00:00.000Z"));
      await store.saveProposal(sampleProposal("p-early", "2025-03-05T08:00:00.000Z"));
      await store.saveProposal(sampleProposal("p-done", "2025-03-05T07:00:00.000Z", { status: "rejected" }));
      expect((await store.listProposals({ status: "pending" })).map((p) => p.id)).toEqual([
        "p-early",
        "p-late",
      ]);
      expect((await store.listProposals({ status: "rejected" })).map((p) => p.id)).toEqual(["p-done"]);
      expect((await store.listProposals()).map((p) => p.id)).toEqual(["p-done", "p-early", "p-late"]);
    });

    it("decides a pending proposal once: the second decision gets null and the first stands", async () => {
      const store = await fresh();
      await store.saveProposal(sampleProposal("p-1", "2025-03-05T09:00:00.000Z"));
      const first = await store.decideProposal("p-1", "approved", decision);
      expect(first?.status).toBe("approved");
      expect(first?.decision).toEqual(decision);
      const second = await store.decideProposal("p-1", "rejected", {
        ...decision,
        by: "U0OTHER",
        reason: "no",
      });
      expect(second).toBeNull();
      expect((await store.getProposal("p-1"))?.decision?.by).toBe("U0CURATOR");
      expect((await store.listProposals({ status: "approved" })).map((p) => p.id)).toEqual(["p-1"]);
      expect(await store.decideProposal("p-unknown", "approved", decision)).toBeNull();
    });

    it("keeps a rejection's reason", async () => {
      const store = await fresh();
      await store.saveProposal(sampleProposal("p-1", "2025-03-05T09:00:00.000Z"));
      const rejected = await store.decideProposal("p-1", "rejected", { ...decision, reason: "wrong source" });
      expect(rejected?.decision?.reason).toBe("wrong source");
      expect((await store.getProposal("p-1"))?.status).toBe("rejected");
    });

    it("records the review message of a proposal", async () => {
      const store = await fresh();
      await store.saveProposal(sampleProposal("p-1", "2025-03-05T09:00:00.000Z"));
      await store.setProposalReview("p-1", { channel: "C0REVIEW", ts: "1741170000.000200" });
      expect((await store.getProposal("p-1"))?.review).toEqual({
        channel: "C0REVIEW",
        ts: "1741170000.000200",
      });
    });

    it("refuses to save a proposal whose entries break the data schema, naming the field", async () => {
      const store = await fresh();
      const p = sampleProposal("p-1", "2025-03-05T09:00:00.000Z");
      const claim = p.entries.claims[0];
      if (!claim) throw new Error("sample has a claim");
      const bad = { ...p, entries: { ...p.entries, claims: [{ ...claim, quote: "short" }] } };
      await expect(store.saveProposal(bad)).rejects.toThrow(/p-1.*claims\.0\.quote/);
    });

    it("retires a claim once: the first retirement stands", async () => {
      const store = await fresh();
      const first = {
        claimId: "c-1",
        by: "U0CURATOR",
        at: "2025-03-06T09:00:00.000Z",
        reason: "withdrawn",
        replacedBy: null,
      };
      expect(await store.retireClaim(first)).toBe(true);
      expect(await store.retireClaim({ ...first, by: "U0OTHER", replacedBy: "c-2" })).toBe(false);
      await store.retireClaim({ ...first, claimId: "c-0", at: "2025-03-05T09:00:00.000Z", reason: null });
      expect(await store.listRetirements()).toEqual([
        { claimId: "c-0", by: "U0CURATOR", at: "2025-03-05T09:00:00.000Z", reason: null, replacedBy: null },
        first,
      ]);
    });

    it("gives the latest check of each topic, by when it was checked", async () => {
      const store = await fresh();
      await store.checkTopic({ topicId: "t-a", by: "U1", at: "2025-03-05T09:00:00.000Z" });
      await store.checkTopic({ topicId: "t-a", by: "U2", at: "2025-03-07T09:00:00.000Z" });
      await store.checkTopic({ topicId: "t-a", by: "U3", at: "2025-03-06T09:00:00.000Z" });
      await store.checkTopic({ topicId: "t-b", by: "U1", at: "2025-03-01T09:00:00.000Z" });
      const latest = await store.latestTopicChecks();
      expect(latest).toHaveLength(2);
      expect(latest).toEqual(
        expect.arrayContaining([
          { topicId: "t-a", by: "U2", at: "2025-03-07T09:00:00.000Z" },
          { topicId: "t-b", by: "U1", at: "2025-03-01T09:00:00.000Z" },
        ]),
      );
    });

    it("keeps a desk question through its review and answer, and answers it once", async () => {
      const store = await fresh();
      await store.saveDeskQuestion(question("q-2", "2025-03-05T11:00:00.000Z"));
      await store.saveDeskQuestion(question("q-1", "2025-03-05T10:00:00.000Z"));
      expect(await store.getDeskQuestion("q-1")).toEqual(question("q-1", "2025-03-05T10:00:00.000Z"));
      await store.setDeskQuestionReview("q-1", { channel: "C0REVIEW", ts: "9.9" });
      expect((await store.getDeskQuestion("q-1"))?.review).toEqual({ channel: "C0REVIEW", ts: "9.9" });

      const given = { by: "U0CURATOR", at: "2025-03-05T12:00:00.000Z", topicId: "homes-destroyed" };
      const answered = await store.answerDeskQuestion("q-1", given);
      expect(answered?.answer).toEqual(given);
      expect(answered?.review).toEqual({ channel: "C0REVIEW", ts: "9.9" });
      expect(await store.answerDeskQuestion("q-1", { ...given, by: "U0OTHER" })).toBeNull();
      expect((await store.getDeskQuestion("q-1"))?.answer?.by).toBe("U0CURATOR");
      expect(await store.answerDeskQuestion("q-unknown", given)).toBeNull();

      expect((await store.listDeskQuestions()).map((q) => q.id)).toEqual(["q-1", "q-2"]);
      expect((await store.listDeskQuestions({ open: true })).map((q) => q.id)).toEqual(["q-2"]);
      expect(await store.getDeskQuestion("q-unknown")).toBeNull();
    });

    it("gives the gaps at or after a date, oldest first, with every field", async () => {
      const store = await fresh();
      await store.recordGap(gap("2025-03-01T09:00:00.000Z"));
      await store.recordGap(
        gap("2025-03-06T09:00:00.000Z", {
          kind: "not-what-i-asked",
          topicId: "t-a",
          user: null,
          channel: null,
        }),
      );
      await store.recordGap(gap("2025-03-05T00:00:00.000Z", { question: "runoff turnout?" }));
      expect(await store.gapsSince(new Date("2025-03-05T00:00:00.000Z"))).toEqual([
        gap("2025-03-05T00:00:00.000Z", { question: "runoff turnout?" }),
        gap("2025-03-06T09:00:00.000Z", {
          kind: "not-what-i-asked",
          topicId: "t-a",
          user: null,
          channel: null,
        }),
      ]);
    });

    it("claims the reminder day once, and the next day again", async () => {
      const store = await fresh();
      const now = new Date("2025-03-05T08:00:00.000Z");
      expect(await store.claimReminderDay("2025-03-05", now)).toBe(true);
      expect(await store.claimReminderDay("2025-03-05", new Date(now.getTime() + 60_000))).toBe(false);
      expect(await store.claimReminderDay("2025-03-06", new Date(now.getTime() + 86_400_000))).toBe(true);
    });

    it("changes its version on an approval, a retirement and a topic check, and only then", async () => {
      const store = await fresh();
      const versions = [await store.curationVersion()];
      const same = async () => expect(await store.curationVersion()).toBe(versions.at(-1));
      const changed = async () => {
        const version = await store.curationVersion();
        expect(versions).not.toContain(version);
        versions.push(version);
      };
      await store.saveProposal(sampleProposal("p-1", "2025-03-05T09:00:00.000Z"));
      await store.saveProposal(sampleProposal("p-2", "2025-03-05T09:00:00.000Z"));
      await store.saveProposal(sampleProposal("p-3", "2025-03-05T09:00:00.000Z"));
      await same();
      await store.decideProposal("p-1", "approved", decision);
      await changed();
      // Approved in the same millisecond as the first: the count still moves.
      await store.decideProposal("p-2", "approved", decision);
      await changed();
      await store.decideProposal("p-3", "rejected", { ...decision, reason: "no" });
      await same();
      await store.retireClaim({ claimId: "c-1", by: "U1", at: decision.at, reason: null, replacedBy: null });
      await changed();
      await store.checkTopic({ topicId: "t-a", by: "U1", at: decision.at });
      await changed();
      await store.checkTopic({ topicId: "t-a", by: "U1", at: decision.at });
      await changed();
      await store.recordGap(gap("2025-03-05T09:00:00.000Z"));
      await store.saveDeskQuestion(question("q-1", "2025-03-05T10:00:00.000Z"));
      await same();
    });

    if (openTwo) {
      it("shows a change made through one store in the other's version", async () => {
        const [a, b] = await openTwo();
        opened.push(a, b);
        const before = await b.curationVersion();
        expect(await a.curationVersion()).toBe(before);
        await a.saveProposal(sampleProposal("p-1", "2025-03-05T09:00:00.000Z"));
        await a.decideProposal("p-1", "approved", decision);
        expect(await b.curationVersion()).not.toBe(before);
        expect(await b.curationVersion()).toBe(await a.curationVersion());
      });

      it("shares every write between two stores on one database", async () => {
        const [a, b] = await openTwo();
        opened.push(a, b);
        await a.saveProposal(sampleProposal("p-1", "2025-03-05T09:00:00.000Z"));
        expect((await b.getProposal("p-1"))?.figureText).toBe("10,000 to 12,000");
        expect(await b.decideProposal("p-1", "approved", decision)).not.toBeNull();
        expect(await a.decideProposal("p-1", "rejected", decision)).toBeNull();
        expect((await a.getProposal("p-1"))?.status).toBe("approved");

        await a.retireClaim({ claimId: "c-1", by: "U1", at: decision.at, reason: null, replacedBy: null });
        expect(
          await b.retireClaim({ claimId: "c-1", by: "U2", at: decision.at, reason: null, replacedBy: null }),
        ).toBe(false);
        await b.saveDeskQuestion(question("q-1", "2025-03-05T10:00:00.000Z"));
        expect(
          await a.answerDeskQuestion("q-1", { by: "U1", at: decision.at, topicId: "t-a" }),
        ).not.toBeNull();
        expect(await b.answerDeskQuestion("q-1", { by: "U2", at: decision.at, topicId: "t-b" })).toBeNull();
        await a.recordGap(gap("2025-03-05T09:00:00.000Z"));
        expect(await b.gapsSince(new Date("2025-03-01T00:00:00.000Z"))).toHaveLength(1);
        await b.checkTopic({ topicId: "t-a", by: "U2", at: decision.at });
        expect(await a.latestTopicChecks()).toHaveLength(1);
        expect(await a.claimReminderDay("2025-03-05", new Date(decision.at))).toBe(true);
        expect(await b.claimReminderDay("2025-03-05", new Date(decision.at))).toBe(false);
      });
    }
  });
}
