/**
 * What can go wrong with the state database, as types the callers can name: the Slack side tells the person
 * who asked ("try again in a minute", "tell whoever runs Tally"), start-up tells the operator what to do.
 * SQLite's result codes are sorted into these kinds here and nowhere else.
 */

/**
 * busy: another process held the lock past the retry budget; corrupt: the file is damaged or unreadable;
 * read-only: it cannot be written (file, folder or permissions); disk-full: no space left for it.
 */
export type StateFailureKind = "busy" | "corrupt" | "read-only" | "disk-full";

export class StateError extends Error {
  readonly kind: StateFailureKind;
  /** SQLite's extended result code (SQLITE_CORRUPT, SQLITE_BUSY_SNAPSHOT…), when SQLite raised it. */
  readonly code: string | null;
  /** The database file, null for an in-memory one. */
  readonly file: string | null;

  constructor(
    kind: StateFailureKind,
    message: string,
    details: { code?: string | null; file?: string | null; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.kind = kind;
    this.code = details.code ?? null;
    this.file = details.file ?? null;
  }
}

/** Another process kept the write lock for the whole retry budget: nothing was written. */
export class StateBusyError extends StateError {
  readonly waitedMs: number;
  constructor(waitedMs: number, details: { code?: string | null; file?: string | null; cause?: unknown }) {
    super(
      "busy",
      `the state database stayed locked by another process for ${Math.round(waitedMs)} ms; nothing was written`,
      details,
    );
    this.waitedMs = waitedMs;
  }
}

/** The file is damaged: what it holds cannot be trusted, and writes are refused until it is restored. */
export class StateCorruptError extends StateError {
  constructor(detail: string, details: { code?: string | null; file?: string | null; cause?: unknown }) {
    super("corrupt", `the state database ${details.file ?? "(in memory)"} is damaged: ${detail}`, details);
  }
}

export class StateReadOnlyError extends StateError {
  constructor(detail: string, details: { code?: string | null; file?: string | null; cause?: unknown }) {
    super(
      "read-only",
      `the state database ${details.file ?? "(in memory)"} cannot be written: ${detail}`,
      details,
    );
  }
}

export class StateDiskFullError extends StateError {
  constructor(detail: string, details: { code?: string | null; file?: string | null; cause?: unknown }) {
    super(
      "disk-full",
      `the disk holding the state database ${details.file ?? "(in memory)"} is full: ${detail}`,
      details,
    );
  }
}

/** SQLite's result code on an error better-sqlite3 raised, else null. */
export function sqliteCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("SQLITE_") ? code : null;
}

/**
 * The kind of a SQLite failure; "other" for one that says nothing about the database itself (a constraint,
 * a misuse: a bug to log), null for an error SQLite did not raise. IOERR counts as corruption: the file
 * could not be read back as written (a truncated file reads as SQLITE_IOERR_SHORT_READ).
 */
export function classifySqliteError(error: unknown): StateFailureKind | "other" | null {
  const code = sqliteCode(error);
  if (code === null) return null;
  const is = (prefix: string) => code === prefix || code.startsWith(`${prefix}_`);
  if (is("SQLITE_BUSY") || is("SQLITE_LOCKED")) return "busy";
  if (is("SQLITE_CORRUPT") || is("SQLITE_NOTADB") || is("SQLITE_IOERR")) return "corrupt";
  if (is("SQLITE_READONLY") || is("SQLITE_CANTOPEN") || is("SQLITE_PERM")) return "read-only";
  if (is("SQLITE_FULL")) return "disk-full";
  return "other";
}

export function isBusyError(error: unknown): boolean {
  return classifySqliteError(error) === "busy";
}

/**
 * The typed error for a SQLite failure about the database itself (`waitedMs` for busy); anything else
 * (not SQLite's, or "other") is returned unchanged.
 */
export function toStateError(error: unknown, file: string | null, waitedMs = 0): unknown {
  if (error instanceof StateError) return error;
  const kind = classifySqliteError(error);
  if (kind === null || kind === "other") return error;
  const details = { code: sqliteCode(error), file, cause: error };
  const detail = `${details.code}: ${(error as Error).message}`;
  switch (kind) {
    case "busy":
      return new StateBusyError(waitedMs, details);
    case "corrupt":
      return new StateCorruptError(detail, details);
    case "read-only":
      return new StateReadOnlyError(detail, details);
    case "disk-full":
      return new StateDiskFullError(detail, details);
  }
}

/** The kind of a state failure anywhere in `error` or its causes, or null when it is not one. */
export function stateFailureKind(error: unknown): StateFailureKind | null {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth += 1) {
    if (e instanceof StateError) return e.kind;
  }
  return null;
}
