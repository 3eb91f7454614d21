import type { IndexProblem } from "../claims/index-problem.ts";

/** How often an instance asks whether another one changed curation: "within a few seconds" on every instance. */
export const FOLLOW_CURATION = Object.freeze({ intervalMs: 2_000 });

/** The timer functions, injected so tests drive the polling by hand. */
export interface FollowTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface CurationFollower {
  /** Reads the version now and refreshes when it moved; true when it refreshed. */
  check(): Promise<boolean>;
  /** Stops polling; resolves once a check in progress has finished (so the store can be closed after). */
  stop(): Promise<void>;
}

const realTimers: FollowTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Keeps this instance's index in step with figures approved, retired or corrected through another one: every
 * `intervalMs` it reads the store's curation version and, when it moved, calls `refresh` (the desk's).
 *
 * A version check rather than PostgreSQL's LISTEN/NOTIFY: it works the same on SQLite (several processes on
 * one file) and PostgreSQL; it needs no connection held open outside the pool; and a notification sent while
 * a listener was reconnecting is lost, whereas the next poll after a reconnect still sees the new version.
 * The cost is one small aggregate query every two seconds per instance.
 *
 * `since` is the version read before the first refresh: a change landing between that read and the refresh
 * is then refreshed again, not missed. The version is only taken once its refresh succeeded, so a failed one
 * is retried on the next poll.
 */
export function followCuration(options: {
  version: () => Promise<string>;
  refresh: () => Promise<IndexProblem[]>;
  since: string | null;
  /** Problems that kept a refreshed layer out of the index. */
  onNotTaken: (problems: IndexProblem[]) => void;
  onError: (error: unknown) => void;
  intervalMs?: number;
  timers?: FollowTimers;
}): CurationFollower {
  const timers = options.timers ?? realTimers;
  const intervalMs = options.intervalMs ?? FOLLOW_CURATION.intervalMs;
  let last = options.since;
  let stopped = false;
  let handle: unknown = null;
  let current: Promise<boolean> | null = null;

  const run = async (): Promise<boolean> => {
    const version = await options.version();
    if (version === last) return false;
    const problems = await options.refresh();
    last = version;
    if (problems.length > 0) options.onNotTaken(problems);
    return true;
  };
  const check = (): Promise<boolean> => {
    // One check at a time: a slow store must not pile up refreshes.
    current ??= run().finally(() => {
      current = null;
    });
    return current;
  };
  const schedule = () => {
    if (stopped) return;
    handle = timers.setTimeout(() => {
      check().catch(options.onError).finally(schedule);
    }, intervalMs);
  };
  schedule();

  return {
    check,
    async stop() {
      stopped = true;
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
      if (current) await current.catch(() => undefined);
    },
  };
}
