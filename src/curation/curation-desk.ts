import type { CuratedLayer, LiveCore } from "../answer/live-core.ts";
import type { IndexProblem } from "../claims/index-problem.ts";
import type { CurationStore } from "../store/curation-store.ts";
import { readCuratedLayer } from "./curated-layer.ts";
import type { DeskQuestion, GapRecord, Proposal } from "./proposal.ts";

export type DecideResult =
  | { kind: "decided"; proposal: Proposal; answered: DeskQuestion | null; notTaken: IndexProblem[] }
  | { kind: "already-decided"; proposal: Proposal }
  | { kind: "unknown" };

export type RetireResult = { kind: "retired" } | { kind: "already-retired" } | { kind: "unknown" };

export interface CurationDesk {
  /** Re-reads what the store holds and rebuilds the index with it (at start, and after every change). */
  refresh(): Promise<IndexProblem[]>;
  /** Saves a new (or edited, still pending) proposal. */
  submit(proposal: Proposal): Promise<void>;
  /**
   * Approves a pending proposal: its figure answers at once. A correction retires the claim it replaces;
   * a figure for a desk question answers that question. `notTaken` lists why the index could not take it.
   */
  approve(id: string, by: string): Promise<DecideResult>;
  reject(id: string, by: string, reason: string | null): Promise<DecideResult>;
  retire(claimId: string, by: string, reason: string | null, replacedBy?: string): Promise<RetireResult>;
  checkTopic(topicId: string, by: string): Promise<boolean>;
  /** Links a desk question to the topic that answers it; null when unknown or already answered. */
  answerQuestion(id: string, topicId: string, by: string): Promise<DeskQuestion | null>;
  recordGap(gap: GapRecord): Promise<void>;
}

/**
 * Curation's rules over a store and the live core: plain functions, no Slack. Each change is written to the
 * store first and then read back into the index, so the store is the one record and a restart loses nothing.
 */
export function createCurationDesk(deps: {
  store: CurationStore;
  core: Pick<LiveCore, "setCurated" | "index">;
  now: () => Date;
}): CurationDesk {
  const { store, core, now } = deps;
  let layer: CuratedLayer | null = null;
  const refresh = async (): Promise<IndexProblem[]> => {
    layer = await readCuratedLayer(store);
    const result = await core.setCurated(layer);
    return result.taken ? [] : result.problems;
  };
  const decision = (by: string, reason: string | null) => ({ by, at: now().toISOString(), reason });

  const retire: CurationDesk["retire"] = async (claimId, by, reason, replacedBy) => {
    const claim = core.index().claimById.get(claimId);
    if (!claim) return { kind: "unknown" };
    if (claim.retired) return { kind: "already-retired" };
    const taken = await store.retireClaim({
      claimId,
      by,
      at: now().toISOString(),
      reason,
      replacedBy: replacedBy ?? null,
    });
    if (!taken) return { kind: "already-retired" };
    await refresh();
    return { kind: "retired" };
  };

  return {
    refresh,
    submit: (proposal) => store.saveProposal(proposal),
    async approve(id, by) {
      const decided = await store.decideProposal(id, "approved", decision(by, null));
      if (!decided) {
        const known = await store.getProposal(id);
        return known ? { kind: "already-decided", proposal: known } : { kind: "unknown" };
      }
      const claim = decided.entries.claims[0];
      if (decided.corrects && claim) {
        await store.retireClaim({
          claimId: decided.corrects,
          by,
          at: now().toISOString(),
          reason: "corrected",
          replacedBy: claim.id,
        });
      }
      let answered: DeskQuestion | null = null;
      if (decided.answers && claim) {
        answered = await store.answerDeskQuestion(decided.answers, {
          by,
          at: now().toISOString(),
          topicId: claim.topic,
        });
      }
      const notTaken = await refresh();
      return { kind: "decided", proposal: decided, answered, notTaken };
    },
    async reject(id, by, reason) {
      const decided = await store.decideProposal(id, "rejected", decision(by, reason));
      if (!decided) {
        const known = await store.getProposal(id);
        return known ? { kind: "already-decided", proposal: known } : { kind: "unknown" };
      }
      return { kind: "decided", proposal: decided, answered: null, notTaken: [] };
    },
    retire,
    async checkTopic(topicId, by) {
      if (!core.index().topicById.has(topicId)) return false;
      const at = now().toISOString();
      await store.checkTopic({ topicId, by, at });
      if (!layer) await refresh();
      else {
        // A check changes no figure: the index is not rebuilt, only the review clock is reset.
        layer = { ...layer, checks: new Map([...layer.checks, [topicId, at]]) };
        await core.setCurated(layer);
      }
      return true;
    },
    async answerQuestion(id, topicId, by) {
      if (!core.index().topicById.has(topicId)) return null;
      return store.answerDeskQuestion(id, { by, at: now().toISOString(), topicId });
    },
    recordGap: (gap) => store.recordGap(gap),
  };
}
