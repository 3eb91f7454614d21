import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type LiveCore, loadLiveCore } from "../../src/answer/live-core.ts";
import { type CurationDesk, createCurationDesk } from "../../src/curation/curation-desk.ts";
import type { Proposal } from "../../src/curation/proposal.ts";
import type { CurationStore } from "../../src/store/curation-store.ts";
import { openSqliteCurationStore } from "../../src/store/sqlite-curation-store.ts";
import { approvedProposal, EXPORT_STORY_DIR, storyClaim } from "./export-story-proposals.ts";

const NOW = new Date("2025-03-08T12:00:00Z");
const ASK = "how many people were killed in the quake?";

let core: LiveCore;
let store: CurationStore;
let desk: CurationDesk;

const pending = (id: string, overrides: Partial<Proposal> = {}): Proposal =>
  approvedProposal(
    id,
    { claims: [storyClaim(`${id}-claim`)] },
    { status: "pending", decision: null, review: null, ...overrides },
  );

beforeEach(async () => {
  ({ core } = await loadLiveCore({ dataDirs: [EXPORT_STORY_DIR], now: () => NOW, log: () => {} }));
  store = openSqliteCurationStore(":memory:");
  desk = createCurationDesk({ store, core, now: () => NOW });
  await desk.refresh();
});
afterEach(async () => {
  core.close();
  await store.close();
});

describe("the curation desk", () => {
  it("answers with an approved figure at once, without a restart", async () => {
    expect(core.ask(ASK).match?.headline.figure.text).toBe("41");
    await desk.submit(pending("p-one"));
    expect(core.ask(ASK).match?.headline.figure.text).toBe("41");
    const result = await desk.approve("p-one", "U0CURATOR");
    expect(result.kind).toBe("decided");
    const match = core.ask(ASK).match;
    expect(match?.headline.figure.text).toBe("52");
    expect(match?.headline.claim.provenance).toMatchObject({
      proposed_by: "U0PROPOSER",
      approved_by: "U0CURATOR",
    });
    expect(match?.disagreements.map((d) => d.figure.text)).toEqual(["41"]);
  });

  it("rebuilds nothing when a refresh finds what the index already holds", async () => {
    await desk.submit(pending("p-one"));
    await desk.approve("p-one", "U0CURATOR");
    const index = core.index();
    await desk.refresh();
    expect(core.index()).toBe(index);
  });

  it("approves once: a second approval is told it was already decided", async () => {
    await desk.submit(pending("p-one"));
    await desk.approve("p-one", "U0CURATOR");
    const again = await desk.approve("p-one", "U0OTHER");
    expect(again.kind).toBe("already-decided");
    expect(await desk.approve("p-none", "U0CURATOR")).toEqual({ kind: "unknown" });
  });

  it("keeps a rejected figure out of the answers", async () => {
    await desk.submit(pending("p-one"));
    const result = await desk.reject("p-one", "U0CURATOR", "wrong date");
    expect(result.kind === "decided" && result.proposal.decision?.reason).toBe("wrong date");
    expect(core.ask(ASK).match?.headline.figure.text).toBe("41");
  });

  it("retires a figure: out of the answer, in the history with its reason", async () => {
    const result = await desk.retire("rescue-service-quake-killed-2025-03-04", "U0CURATOR", "withdrawn");
    expect(result).toEqual({ kind: "retired" });
    expect(core.ask(ASK).match).toBeNull();
    const history = core.answerTopic("quake-killed");
    expect(history?.match).toBeNull();
    expect(core.index().retiredByTopic.get("quake-killed")?.[0]?.retired).toMatchObject({
      reason: "withdrawn",
      by: "U0CURATOR",
    });
    expect(await desk.retire("rescue-service-quake-killed-2025-03-04", "U0CURATOR", null)).toEqual({
      kind: "already-retired",
    });
  });

  it("corrects a figure: the new one on the same source and date answers, the old one is retired and replaced", async () => {
    const old = "rescue-service-quake-killed-2025-03-04";
    await desk.submit(
      approvedProposal(
        "p-fix",
        {
          claims: [
            storyClaim("p-fix-claim", {
              value: 44,
              as_of: "2025-03-04",
              source: "eastvale-rescue-service",
              quote: "the rescue service said 41 people had been killed",
            }),
          ],
        },
        { status: "pending", decision: null, corrects: old },
      ),
    );
    await desk.approve("p-fix", "U0CURATOR");
    const match = core.ask(ASK).match;
    expect(match?.headline.figure.text).toBe("44");
    expect(match?.history.map((h) => [h.figure.text, h.claim.retired?.replaced_by ?? null])).toEqual([
      ["44", null],
      ["41", "p-fix-claim"],
    ]);
  });

  it("answers a desk question with the approved figure's topic", async () => {
    await store.saveDeskQuestion({
      id: "q-1",
      question: "quake dead?",
      askedBy: "U0ASKER",
      channel: "C0NEWS",
      askedAt: NOW.toISOString(),
      review: null,
      answer: null,
    });
    await desk.submit(pending("p-one", { answers: "q-1" }));
    const result = await desk.approve("p-one", "U0CURATOR");
    expect(result.kind === "decided" && result.answered?.answer?.topicId).toBe("quake-killed");
    expect(await desk.answerQuestion("q-1", "quake-killed", "U0CURATOR")).toBeNull();
  });

  it("resets a topic's review clock with a check, without rebuilding the index", async () => {
    const later = () => new Date("2025-05-01T00:00:00Z");
    const { core: lateCore } = await loadLiveCore({
      dataDirs: [EXPORT_STORY_DIR],
      now: later,
      log: () => {},
    });
    const lateDesk = createCurationDesk({ store, core: lateCore, now: later });
    await lateDesk.refresh();
    expect(lateCore.dueForReview().map((d) => d.topic.id)).toContain("quake-killed");
    const index = lateCore.index();
    expect(await lateDesk.checkTopic("quake-killed", "U0CURATOR")).toBe(true);
    expect(lateCore.dueForReview().map((d) => d.topic.id)).not.toContain("quake-killed");
    expect(lateCore.ask(ASK).match?.review).toMatchObject({ lastChecked: "2025-05-01", due: false });
    expect(lateCore.index()).toBe(index);
    expect(await lateDesk.checkTopic("no-such-topic", "U0CURATOR")).toBe(false);
    lateCore.close();
  });

  it("loads the store's approved figures into a fresh core: a restart loses nothing", async () => {
    await desk.submit(pending("p-one"));
    await desk.approve("p-one", "U0CURATOR");
    const { core: restarted } = await loadLiveCore({
      dataDirs: [EXPORT_STORY_DIR],
      now: () => NOW,
      log: () => {},
    });
    await createCurationDesk({ store, core: restarted, now: () => NOW }).refresh();
    expect(restarted.ask(ASK).match?.headline.figure.text).toBe("52");
    restarted.close();
  });

  it("leaves out a curated figure that no longer fits, and keeps serving the rest", async () => {
    await desk.submit(
      approvedProposal(
        "p-bad",
        { claims: [storyClaim("p-bad-claim", { topic: "gone-topic" })] },
        { status: "pending", decision: null },
      ),
    );
    const result = await desk.approve("p-bad", "U0CURATOR");
    expect(result.kind).toBe("decided");
    expect(core.curatedProblems().map((p) => p.message)).toEqual([expect.stringContaining("unknown topic")]);
    expect(core.ask(ASK).match?.headline.figure.text).toBe("41");
  });
});
