import { isBusyError, StateBusyError, sqliteCode } from "./state-errors.ts";

/**
 * How a state method waits out another process's write lock. The serving connections have busy_timeout 0:
 * better-sqlite3 waits synchronously, which would freeze every ack and health check while the lock is held.
 * So a busy attempt gives the event loop back and tries again after a timer, up to a total budget.
 */
export interface BusyRetryConfig {
  /** The whole wait, from the first attempt, before the caller is told "busy" (ms). */
  budgetMs: number;
  /** The pause after the first busy attempt; each later one doubles, up to `maxDelayMs` (ms). */
  firstDelayMs: number;
  maxDelayMs: number;
  /** Spread of each pause, as a fraction of it, so that instances waiting on one lock do not retry in step. */
  jitter: number;
}

export const BUSY_RETRY: Readonly<BusyRetryConfig> = Object.freeze({
  budgetMs: 15_000,
  firstDelayMs: 5,
  maxDelayMs: 250,
  jitter: 0.5,
});

export interface BusyRetryClock {
  sleep(ms: number): Promise<void>;
  /** Milliseconds, monotonic enough to measure the budget. */
  now(): number;
  /** In [0, 1). */
  random(): number;
}

export const realBusyRetryClock: BusyRetryClock = Object.freeze({
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  now: () => performance.now(),
  random: () => Math.random(),
});

/** The pause before retry number `retry` (1 for the first), jittered. */
export function busyDelayMs(retry: number, config: BusyRetryConfig, random: number): number {
  const base = Math.min(config.maxDelayMs, config.firstDelayMs * 2 ** (retry - 1));
  return Math.max(0, base * (1 - config.jitter / 2 + config.jitter * random));
}

/**
 * Runs `attempt` (synchronous SQLite work: one statement or one transaction, which rolls back on a throw,
 * so running it again is safe) until it does not fail busy. A busy failure past the budget rejects with
 * StateBusyError; any other failure rejects at once, unchanged.
 */
export async function retryWhileBusy<T>(
  attempt: () => T,
  options: { config?: BusyRetryConfig; clock?: BusyRetryClock; file?: string | null } = {},
): Promise<T> {
  const config = options.config ?? BUSY_RETRY;
  const clock = options.clock ?? realBusyRetryClock;
  const started = clock.now();
  for (let retry = 1; ; retry += 1) {
    try {
      return attempt();
    } catch (error) {
      if (!isBusyError(error)) throw error;
      const waited = clock.now() - started;
      const left = config.budgetMs - waited;
      if (left <= 0) {
        throw new StateBusyError(waited, {
          code: sqliteCode(error),
          file: options.file ?? null,
          cause: error,
        });
      }
      // The last pause is cut to what is left, so the final attempt comes at the end of the budget.
      await clock.sleep(Math.min(left, busyDelayMs(retry, config, clock.random())));
    }
  }
}
