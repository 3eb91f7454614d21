/**
 * The signatures of requests already acted on, for as long as the same bytes could still pass the
 * signature check: a byte-identical request replayed inside Slack's 5-minute window is answered and
 * dropped. In memory, so per process; presses that post publicly also claim themselves in the store
 * (src/slack/actions/claim-press.ts) for instances behind one load balancer.
 */
export interface ReplayCacheOptions {
  /** How long a signature is remembered, from when it was first seen. */
  ttlMs: number;
  /** The memory bound: past it the oldest signatures are forgotten first. */
  maxEntries: number;
}

export interface ReplayCache {
  /** True the first time a signature is seen (and remembers it); false for a replay. */
  firstSeen(signature: string, nowMs: number): boolean;
  readonly size: number;
}

export function createReplayCache(options: ReplayCacheOptions): ReplayCache {
  const expiries = new Map<string, number>();
  // Arrival order (so the first to expire is at the head); compacted now and then rather than shifted.
  let queue: { signature: string; expiresAt: number }[] = [];
  let head = 0;
  const dropHead = () => {
    const oldest = queue[head++];
    if (oldest && expiries.get(oldest.signature) === oldest.expiresAt) expiries.delete(oldest.signature);
  };
  const prune = (nowMs: number) => {
    while (head < queue.length && (queue[head]?.expiresAt ?? 0) <= nowMs) dropHead();
    while (expiries.size >= options.maxEntries && head < queue.length) dropHead();
    if (head > 1024 && head * 2 > queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
  };
  return {
    firstSeen(signature, nowMs) {
      prune(nowMs);
      const expiresAt = expiries.get(signature);
      if (expiresAt !== undefined && expiresAt > nowMs) return false;
      const entry = { signature, expiresAt: nowMs + options.ttlMs };
      expiries.set(signature, entry.expiresAt);
      queue.push(entry);
      return true;
    },
    get size() {
      return expiries.size;
    },
  };
}
