/**
 * At most `limit` flags per channel in any sliding window of `windowMs`: a pasted spreadsheet must not
 * flood a thread. State lives in the instance (one per app), not the module.
 */
export interface ChannelRateLimiter {
  /** True and counted when the channel has room; false when it is at its limit. */
  tryTake(channel: string): boolean;
}

export function createChannelRateLimiter(options: {
  limit: number;
  windowMs: number;
  now: () => Date;
}): ChannelRateLimiter {
  const taken = new Map<string, number[]>();
  return {
    tryTake(channel) {
      const at = options.now().getTime();
      const recent = (taken.get(channel) ?? []).filter((t) => at - t < options.windowMs);
      if (recent.length >= options.limit) {
        taken.set(channel, recent);
        return false;
      }
      recent.push(at);
      taken.set(channel, recent);
      return true;
    },
  };
}
