import path from "node:path";
import { z } from "zod";

/**
 * How Tally talks to Slack: over HTTP (Events API request URLs), over Socket Mode (no public URL), or to
 * the in-process fake Slack of the local console.
 */
export type Connection =
  | { mode: "http"; botToken: string; signingSecret: string; apiUrl: string | null }
  | { mode: "socket"; botToken: string; appToken: string; apiUrl: string | null }
  | { mode: "console" };

export type LogLevel = "debug" | "info" | "warn" | "error";

export interface Config {
  connection: Connection;
  /** HTTP port for /slack/events and /healthz (HTTP mode only). */
  port: number;
  /** Interface to listen on; null for all of them. 127.0.0.1 behind a reverse proxy. */
  host: string | null;
  /** Where persistent state (the SQLite database) lives, when `databaseUrl` is null. */
  stateDir: string;
  /**
   * Where parsed data files are kept so that a restart parses only the files that changed (a cache: any of it
   * may be deleted at any time); null when TALLY_PARSE_CACHE_DIR is `off`. Default: parse-cache/ in stateDir.
   */
  parseCacheDir: string | null;
  /** A postgres:// URL: state in PostgreSQL, shared by every instance; null for SQLite in `stateDir`. */
  databaseUrl: string | null;
  /** A headline older than this many days carries a warning. */
  staleDays: number;
  /** IANA zone for dates shown to the newsroom and for scheduled summaries. */
  timeZone: string;
  /** The claims index: a folder holding topics/, sources/, documents/, claims/ and vocabulary/. */
  dataDir: string;
  /** Text copies of the documents the claims quote, to check each quote against. */
  documentsDir: string;
  /** Null when unset: servers then log at info, the console only warnings (they would mix into the chat). */
  logLevel: LogLevel | null;
  /** Where proposed figures and desk questions are posted for curators (a channel id); null: curation is off. */
  reviewChannel: string | null;
  /** Who may approve, reject, retire and correct: Slack user ids, and user groups whose members may. */
  curators: { users: string[]; groups: string[] };
  /**
   * On SIGTERM, how long replies in progress get to finish (with their retries) before what is left is saved
   * for the next start (ms).
   */
  shutdownGraceMs: number;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** Where the seed articles' text copies sit beside a checkout (CI and the default setup). */
export const DEFAULT_DOCUMENTS_DIR = "../shared/seeds";

/** Unset and empty are the same thing: `FOO= npm start` must not count as configured. */
const optional = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === "" ? undefined : s.trim()));

/**
 * The documents folder for command-line tools, which read only this from the environment:
 * TALLY_DOCUMENTS_DIR, else the deprecated TALLY_SEEDS_DIR, else ../shared/seeds.
 */
export function documentsDirFromEnv(env: Record<string, string | undefined>): string {
  const set = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v.trim());
  return set(env.TALLY_DOCUMENTS_DIR) ?? set(env.TALLY_SEEDS_DIR) ?? DEFAULT_DOCUMENTS_DIR;
}

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const EnvSchema = z.object({
  SLACK_BOT_TOKEN: optional.pipe(
    z.string().startsWith("xoxb-", "must be a bot token starting with xoxb-").optional(),
  ),
  SLACK_SIGNING_SECRET: optional.pipe(
    z.string().regex(/^\S+$/, "must be the app's signing secret (no spaces)").optional(),
  ),
  SLACK_APP_TOKEN: optional.pipe(
    z.string().startsWith("xapp-", "must be an app-level token starting with xapp-").optional(),
  ),
  SLACK_API_URL: optional.pipe(
    z
      .url({ protocol: /^https?$/, message: "must be an http(s) URL such as https://slack.com/api/" })
      // The Web API client joins method names onto this base, so it must end with a slash.
      .transform((url) => (url.endsWith("/") ? url : `${url}/`))
      .optional(),
  ),
  PORT: optional.pipe(
    z.coerce
      .number<string | undefined>({ message: "must be a port number" })
      .int("must be a whole number")
      .min(0, "must be between 0 and 65535")
      .max(65535, "must be between 0 and 65535")
      .default(3000),
  ),
  HOST: optional.pipe(
    z
      .string()
      .regex(/^[\w.:-]+$/, "must be an interface address such as 127.0.0.1 or 0.0.0.0")
      .optional(),
  ),
  TALLY_STATE_DIR: optional.pipe(z.string().default("./var")),
  TALLY_PARSE_CACHE_DIR: optional,
  // The message never repeats the value: it may hold a password.
  DATABASE_URL: optional.pipe(
    z
      .string()
      .regex(
        /^postgres(ql)?:\/\/\S+$/i,
        "must be a PostgreSQL URL such as postgres://user:password@host:5432/tally (postgres:// or postgresql://)",
      )
      .optional(),
  ),
  TALLY_STALE_DAYS: optional.pipe(
    z.coerce
      .number<string | undefined>({ message: "must be a number of days" })
      .int("must be a whole number of days")
      .positive("must be at least 1")
      .default(90),
  ),
  TALLY_TZ: optional.pipe(
    z.string().refine(isTimeZone, "must be an IANA time zone such as Europe/Paris").default("UTC"),
  ),
  TALLY_DATA_DIR: optional.pipe(z.string().default("./data")),
  TALLY_DOCUMENTS_DIR: optional,
  /** Deprecated: the name TALLY_DOCUMENTS_DIR had before documents replaced seeds. */
  TALLY_SEEDS_DIR: optional,
  TALLY_LOG_LEVEL: optional.pipe(
    z.enum(["debug", "info", "warn", "error"], "must be one of debug, info, warn, error").optional(),
  ),
  TALLY_REVIEW_CHANNEL: optional.pipe(
    z
      .string()
      .regex(
        /^[CG][A-Z0-9]{2,}$/,
        "must be a channel id such as C0123ABCD (channel details → copy channel ID)",
      )
      .optional(),
  ),
  TALLY_CURATORS: optional.pipe(
    z
      .string()
      .transform((s) => s.split(/[\s,]+/).filter((id) => id !== ""))
      .pipe(
        z.array(
          z
            .string()
            .regex(
              /^[UWS][A-Z0-9]{2,}$/,
              "must list Slack user ids (U…) or user group ids (S…), separated by commas or spaces",
            ),
        ),
      )
      .optional(),
  ),
  TALLY_SHUTDOWN_GRACE_MS: optional.pipe(
    z.coerce
      .number<string | undefined>({ message: "must be a number of milliseconds" })
      .int("must be a whole number of milliseconds")
      .min(0, "must be 0 or more")
      // Orchestrators kill a process that takes much longer to stop (Kubernetes waits 30 s by default).
      .max(600_000, "must be at most 600000 (10 minutes)")
      .default(20_000),
  ),
  TALLY_CONSOLE: optional.pipe(z.enum(["0", "1"], "must be 1 (force the local console) or 0").optional()),
});

const HOW_TO = [
  "Set one of:",
  "  • HTTP:        SLACK_BOT_TOKEN (xoxb-…) and SLACK_SIGNING_SECRET; Slack sends requests to POST /slack/events on PORT (default 3000).",
  "  • Socket Mode: SLACK_BOT_TOKEN (xoxb-…) and SLACK_APP_TOKEN (xapp-…, scope connections:write); no public URL needed.",
  "  • Local console: no Slack tokens, run `npm start` in a terminal (or set TALLY_CONSOLE=1).",
  "Optional: SLACK_API_URL, PORT, HOST, TALLY_STATE_DIR, TALLY_PARSE_CACHE_DIR, DATABASE_URL, TALLY_STALE_DAYS, TALLY_TZ, TALLY_DATA_DIR, TALLY_DOCUMENTS_DIR, TALLY_LOG_LEVEL, TALLY_REVIEW_CHANNEL, TALLY_CURATORS, TALLY_SHUTDOWN_GRACE_MS.",
  "See README.md (Running it in Slack) for creating the Slack app from manifest.yml.",
].join("\n");

function failure(problems: string[]): ConfigResult {
  return {
    ok: false,
    message: [
      "Tally cannot start: its configuration is incomplete or invalid.",
      ...problems.map((p) => `  - ${p}`),
      "",
      HOW_TO,
    ].join("\n"),
  };
}

/**
 * Reads and validates the environment once. `stdinIsTTY` decides whether a token-less start opens the
 * local console or fails: a misconfigured server must exit rather than sit waiting on stdin.
 */
export function loadConfig(
  env: Record<string, string | undefined>,
  io: { stdinIsTTY: boolean },
): ConfigResult {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    return failure(parsed.error.issues.map((issue) => `${String(issue.path[0] ?? "env")} ${issue.message}.`));
  }
  const e = parsed.data;
  const common = {
    port: e.PORT,
    host: e.HOST ?? null,
    stateDir: e.TALLY_STATE_DIR,
    parseCacheDir:
      e.TALLY_PARSE_CACHE_DIR === undefined
        ? path.join(e.TALLY_STATE_DIR, "parse-cache")
        : e.TALLY_PARSE_CACHE_DIR.toLowerCase() === "off"
          ? null
          : e.TALLY_PARSE_CACHE_DIR,
    databaseUrl: e.DATABASE_URL ?? null,
    staleDays: e.TALLY_STALE_DAYS,
    timeZone: e.TALLY_TZ,
    dataDir: e.TALLY_DATA_DIR,
    documentsDir: e.TALLY_DOCUMENTS_DIR ?? e.TALLY_SEEDS_DIR ?? DEFAULT_DOCUMENTS_DIR,
    logLevel: e.TALLY_LOG_LEVEL ?? null,
    reviewChannel: e.TALLY_REVIEW_CHANNEL ?? null,
    curators: {
      users: (e.TALLY_CURATORS ?? []).filter((id) => !id.startsWith("S")),
      groups: (e.TALLY_CURATORS ?? []).filter((id) => id.startsWith("S")),
    },
    shutdownGraceMs: e.TALLY_SHUTDOWN_GRACE_MS,
  };
  const apiUrl = e.SLACK_API_URL ?? null;

  if (e.TALLY_CONSOLE === "1") {
    return { ok: true, config: { ...common, connection: { mode: "console" } } };
  }
  if (e.SLACK_BOT_TOKEN && e.SLACK_APP_TOKEN) {
    return {
      ok: true,
      config: {
        ...common,
        connection: { mode: "socket", botToken: e.SLACK_BOT_TOKEN, appToken: e.SLACK_APP_TOKEN, apiUrl },
      },
    };
  }
  if (e.SLACK_BOT_TOKEN && e.SLACK_SIGNING_SECRET) {
    return {
      ok: true,
      config: {
        ...common,
        connection: {
          mode: "http",
          botToken: e.SLACK_BOT_TOKEN,
          signingSecret: e.SLACK_SIGNING_SECRET,
          apiUrl,
        },
      },
    };
  }
  const anySlackSetting = Boolean(e.SLACK_BOT_TOKEN || e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN);
  if (!anySlackSetting && io.stdinIsTTY) {
    return { ok: true, config: { ...common, connection: { mode: "console" } } };
  }

  const problems: string[] = [];
  if (!anySlackSetting) {
    problems.push(
      "No Slack tokens are set and standard input is not a terminal, so there is nothing to run.",
    );
  } else if (!e.SLACK_BOT_TOKEN) {
    problems.push("SLACK_BOT_TOKEN is not set (the bot token from OAuth & Permissions, xoxb-…).");
  } else {
    problems.push(
      "SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP) nor SLACK_APP_TOKEN (Socket Mode) is.",
    );
  }
  return failure(problems);
}
