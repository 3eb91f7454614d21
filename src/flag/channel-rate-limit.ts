import type { FlagRecord, FlagStore } from "../store/store.ts";

/**
 * At most `limit` flags per channel in any sliding window of `windowMs`: a pasted spreadsheet must not
 * flood a thread. The store decides (`claimFlag`), so the limit holds across every instance sharing the
 * database. State lives in the instance (one per app), not the module.
 */
export interface ChannelRateLimiter {
  /**
   * Records `flag` (its `at` is when the slot is taken) and resolves true when its channel has room;
   * resolves false, recording nothing, when the channel is at its limit. Rejects when the store fails.
   */
  tryTake(flag: FlagRecord): Promise<boolean>;
  /** Channels it holds grants for: those flagged within about one window, so memory stays bounded. */
  channelsHeld(): number;
}

export function createChannelRateLimiter(options: {
  limit: number;
  windowMs: number;
  store: Pick<FlagStore, "claimFlag">;
}): ChannelRateLimiter {
  const { limit, windowMs, store } = options;
  // A fast path that can only say no: the slots this instance was granted are rows in the store too, so
  // when they alone fill the window the store would refuse as well. Saying yes is always the store's.
  const granted = new Map<string, number[]>();
  // Once a window, channels whose grants have all left it are dropped: kept, every channel ever flagged
  // stayed in memory (the load run's rounds grew it by each round's channels).
  let sweptAt = Number.NEGATIVE_INFINITY;
  const sweep = (at: number) => {
    if (at - sweptAt < windowMs) return;
    sweptAt = at;
    for (const [channel, times] of granted)
      if (times.every((t) => at - t >= windowMs)) granted.delete(channel);
  };
  return {
    channelsHeld: () => granted.size,
    async tryTake(flag) {
      const at = Date.parse(flag.at);
      sweep(at);
      const recent = (granted.get(flag.channel) ?? []).filter((t) => at - t < windowMs);
      granted.set(flag.channel, recent);
      if (recent.length >= limit) return false;
      const taken = await store.claimFlag(flag, { max: limit, after: new Date(at - windowMs) });
      // Into the list as it is now: another claim may have replaced it while this one waited.
      if (taken) {
        const now = granted.get(flag.channel);
        if (now) now.push(at);
        else granted.set(flag.channel, [at]);
      }
      return taken;
    },
  };
}
