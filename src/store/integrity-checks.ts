import type { Logger } from "../log/logger.ts";
import { restoreAdvice } from "./state-restore-advice.ts";

/**
 * What a store's integrity check found. "unchecked": the check could not run this time (the file was busy,
 * say); it says nothing about the data.
 */
export type IntegrityReport =
  | { status: "ok" }
  | { status: "corrupt"; file: string | null; detail: string }
  | { status: "unchecked"; reason: string };

/** A store that can check its own database; one that found damage refuses writes from then on. */
export interface IntegrityCheckable {
  checkIntegrity(): Promise<IntegrityReport>;
}

export const INTEGRITY_CHECKS = Object.freeze({
  /** Between checks (ms). A check reads the whole SQLite file, so not often; damage is rare. */
  intervalMs: 10 * 60_000,
});

export interface IntegrityChecks {
  /** Runs one round now (tests, or an operator's tool); the timer keeps its own pace. */
  checkNow(): Promise<IntegrityReport[]>;
  /** Stops the timer and waits for a round in progress. */
  stop(): Promise<void>;
}

/**
 * Checks each store's database on a timer, off the request path, and logs an error naming the damage and
 * how to restore the first time a store finds it (that store then refuses writes, so nobody is told "Done"
 * for a write that may be lost). A check that throws is logged as a warning and tried again next round.
 */
export function startIntegrityChecks(options: {
  stores: readonly IntegrityCheckable[];
  logger: Logger;
  intervalMs?: number;
}): IntegrityChecks {
  const { stores, logger } = options;
  const intervalMs = options.intervalMs ?? INTEGRITY_CHECKS.intervalMs;
  const reported = new Set<IntegrityCheckable>();
  let running: Promise<IntegrityReport[]> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const checkOne = async (store: IntegrityCheckable): Promise<IntegrityReport> => {
    let report: IntegrityReport;
    try {
      report = await store.checkIntegrity();
    } catch (error) {
      report = { status: "unchecked", reason: error instanceof Error ? error.message : String(error) };
    }
    if (report.status === "corrupt" && !reported.has(store)) {
      reported.add(store);
      logger.error("the state database is corrupt: Tally now refuses to save anything to it", {
        file: report.file,
        detail: report.detail,
        restore: report.file === null ? "restart Tally (the state is in memory)" : restoreAdvice(report.file),
      });
    } else if (report.status === "unchecked") {
      logger.warn("could not check the state database's integrity; trying again later", {
        reason: report.reason,
      });
    }
    return report;
  };

  const round = (): Promise<IntegrityReport[]> => {
    // One round at a time: a slow check never piles up behind the timer.
    running ??= (async () => {
      const reports: IntegrityReport[] = [];
      for (const store of stores) reports.push(await checkOne(store));
      return reports;
    })().finally(() => {
      running = null;
    });
    return running;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      void round().finally(schedule);
    }, intervalMs);
    // A pending check never keeps the process alive on its own.
    timer.unref();
  };
  schedule();

  return {
    checkNow: round,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => {});
    },
  };
}
