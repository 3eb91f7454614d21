import type { Sleep } from "../../../src/slack/delivery/channel-lanes.ts";

/** Lets every pending promise callback run (and those they schedule) before the test looks. */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A clock that moves only when the test says so, and a `sleep` on it: `advance` wakes each sleeper in time
 * order, letting what it sets off run before moving on, as real time would.
 */
export function fakeTime(startMs = 0) {
  let t = startMs;
  let seq = 0;
  const sleepers: { at: number; seq: number; wake: () => void }[] = [];
  const remove = (sleeper: (typeof sleepers)[number]) => {
    const i = sleepers.indexOf(sleeper);
    if (i !== -1) sleepers.splice(i, 1);
  };
  const sleep: Sleep = (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) {
        resolve();
        return;
      }
      const sleeper = { at: t + Math.max(0, ms), seq: seq++, wake: resolve };
      sleepers.push(sleeper);
      signal?.addEventListener(
        "abort",
        () => {
          remove(sleeper);
          resolve();
        },
        { once: true },
      );
    });
  return {
    sleep,
    now: () => new Date(t),
    get ms() {
      return t;
    },
    /** Sleepers still waiting (timeouts, pauses, pacing). */
    get sleeping() {
      return sleepers.length;
    },
    async advance(ms: number): Promise<void> {
      const end = t + ms;
      for (;;) {
        await settle();
        const next = sleepers.filter((s) => s.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
        if (!next) break;
        t = next.at;
        remove(next);
        next.wake();
      }
      t = end;
      await settle();
    },
  };
}
