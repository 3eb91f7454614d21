/**
 * Tally's own logger: one line per entry, JSON so a log pipeline can parse it, with the fields kept
 * apart from the message. Core code takes a Logger; nothing logs through a global.
 */
export type LogLevel = "debug" | "info" | "warn" | "error";

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger whose entries also carry `fields` (e.g. the surface or request they belong to). */
  child(fields: LogFields): Logger;
  readonly level: LogLevel;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LoggerOptions {
  level: LogLevel;
  /** Where lines go; stderr by default so stdout stays free for the console and CLIs. */
  write?: (line: string) => void;
  now?: () => Date;
  fields?: LogFields;
}

/** Errors do not survive JSON.stringify; keep what helps someone reading the log. */
function serialisable(value: unknown): unknown {
  if (value instanceof Error) {
    const coded = value as Error & { code?: unknown; data?: unknown };
    return { name: value.name, message: value.message, code: coded.code, stack: value.stack };
  }
  return value;
}

export function createLogger(options: LoggerOptions): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const base = options.fields ?? {};
  const emit = (level: LogLevel, message: string, fields?: LogFields) => {
    if (RANK[level] < RANK[options.level]) return;
    const entry: LogFields = { t: now().toISOString(), level, msg: message };
    for (const [key, value] of Object.entries({ ...base, ...fields })) entry[key] = serialisable(value);
    let line: string;
    try {
      line = JSON.stringify(entry);
    } catch {
      // A circular field must not take the process down with it.
      line = JSON.stringify({ t: entry.t, level, msg: message, note: "fields were not serialisable" });
    }
    write(line);
  };
  return {
    level: options.level,
    debug: (m, f) => emit("debug", m, f),
    info: (m, f) => emit("info", m, f),
    warn: (m, f) => emit("warn", m, f),
    error: (m, f) => emit("error", m, f),
    child: (fields) => createLogger({ ...options, fields: { ...base, ...fields } }),
  };
}

/** For tests and quiet tools: drops everything. */
export function silentLogger(): Logger {
  return createLogger({ level: "error", write: () => {} });
}
