import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../log/logger.ts";

/** Bolt logs through its own interface (variadic, with a settable level); route it into ours. */
export function boltLogger(logger: Logger): BoltLogger {
  const join = (parts: unknown[]) =>
    parts
      .map((p) => (typeof p === "string" ? p : p instanceof Error ? p.message : JSON.stringify(p)))
      .join(" ");
  const bolt = logger.child({ from: "bolt" });
  return {
    debug: (...parts: unknown[]) => bolt.debug(join(parts)),
    info: (...parts: unknown[]) => bolt.info(join(parts)),
    warn: (...parts: unknown[]) => bolt.warn(join(parts)),
    error: (...parts: unknown[]) => bolt.error(join(parts)),
    // Our logger's level is fixed by config (TALLY_LOG_LEVEL); Bolt's requests to change it are ignored.
    setLevel: () => {},
    getLevel: () =>
      logger.level === "debug"
        ? LogLevel.DEBUG
        : logger.level === "info"
          ? LogLevel.INFO
          : logger.level === "warn"
            ? LogLevel.WARN
            : LogLevel.ERROR,
    setName: () => {},
  };
}
