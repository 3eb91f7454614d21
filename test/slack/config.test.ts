import { describe, expect, it } from "vitest";
import { documentsDirFromEnv, loadConfig } from "../../src/config.ts";

const http = { SLACK_BOT_TOKEN: "xoxb-1-2-abc", SLACK_SIGNING_SECRET: "abc123" };

describe("loadConfig", () => {
  it("runs over HTTP with a bot token and a signing secret, with the documented defaults", () => {
    const result = loadConfig(http, { stdinIsTTY: false });
    expect(result).toEqual({
      ok: true,
      config: {
        connection: { mode: "http", botToken: "xoxb-1-2-abc", signingSecret: "abc123", apiUrl: null },
        port: 3000,
        host: null,
        stateDir: "./var",
        parseCacheDir: "var/parse-cache",
        databaseUrl: null,
        staleDays: 90,
        timeZone: "UTC",
        dataDir: "./data",
        documentsDir: "../shared/seeds",
        logLevel: null,
        reviewChannel: null,
        curators: { users: [], groups: [] },
        shutdownGraceMs: 20_000,
      },
    });
  });

  it("keeps the parse cache under the state folder unless TALLY_PARSE_CACHE_DIR moves it or turns it off", () => {
    const dir = (env: Record<string, string>) => {
      const result = loadConfig({ ...http, ...env }, { stdinIsTTY: false });
      return result.ok ? result.config.parseCacheDir : "config refused";
    };
    expect(dir({ TALLY_STATE_DIR: "/srv/tally" })).toBe("/srv/tally/parse-cache");
    expect(dir({ TALLY_STATE_DIR: "/srv/tally", TALLY_PARSE_CACHE_DIR: "/cache/tally" })).toBe(
      "/cache/tally",
    );
    expect(dir({ TALLY_PARSE_CACHE_DIR: "off" })).toBeNull();
    expect(dir({ TALLY_PARSE_CACHE_DIR: " " })).toBe("var/parse-cache");
  });

  it("reads the shutdown grace period and refuses one that is not a whole number of ms in range", () => {
    const set = (value: string) =>
      loadConfig({ ...http, TALLY_SHUTDOWN_GRACE_MS: value }, { stdinIsTTY: false });
    expect(set("5000")).toMatchObject({ ok: true, config: { shutdownGraceMs: 5000 } });
    expect(set("0")).toMatchObject({ ok: true, config: { shutdownGraceMs: 0 } });
    for (const bad of ["soon", "1.5", "-1", "600001"]) {
      const result = set(bad);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toMatch(/TALLY_SHUTDOWN_GRACE_MS must be/);
    }
  });

  it("reads the review channel and the curators, users and user groups apart", () => {
    const result = loadConfig(
      { ...http, TALLY_REVIEW_CHANNEL: "C0DESK", TALLY_CURATORS: "U0ANNA, U0BEN S0DESK" },
      { stdinIsTTY: false },
    );
    expect(result.ok && result.config.reviewChannel).toBe("C0DESK");
    expect(result.ok && result.config.curators).toEqual({ users: ["U0ANNA", "U0BEN"], groups: ["S0DESK"] });
  });

  it("names the curator entry that is not a Slack id", () => {
    const result = loadConfig({ ...http, TALLY_CURATORS: "U0ANNA,@ben" }, { stdinIsTTY: false });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/TALLY_CURATORS must list Slack user ids/);
  });

  it("uses Socket Mode when an app token is set as well", () => {
    const result = loadConfig({ ...http, SLACK_APP_TOKEN: "xapp-1-A1-2-abc" }, { stdinIsTTY: false });
    expect(result.ok && result.config.connection).toEqual({
      mode: "socket",
      botToken: "xoxb-1-2-abc",
      appToken: "xapp-1-A1-2-abc",
      apiUrl: null,
    });
  });

  it("needs no signing secret for Socket Mode", () => {
    const result = loadConfig(
      { SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" },
      { stdinIsTTY: false },
    );
    expect(result.ok && result.config.connection.mode).toBe("socket");
  });

  it("opens the console with no tokens at a terminal, or when TALLY_CONSOLE=1", () => {
    expect(loadConfig({}, { stdinIsTTY: true })).toMatchObject({
      ok: true,
      config: { connection: { mode: "console" } },
    });
    expect(loadConfig({ TALLY_CONSOLE: "1" }, { stdinIsTTY: false })).toMatchObject({
      ok: true,
      config: { connection: { mode: "console" } },
    });
  });

  it("fails with one message listing what to set when there are no tokens and no terminal", () => {
    const result = loadConfig({}, { stdinIsTTY: false });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/^Tally cannot start/);
    for (const name of [
      "SLACK_BOT_TOKEN",
      "SLACK_SIGNING_SECRET",
      "SLACK_APP_TOKEN",
      "TALLY_CONSOLE=1",
      "README.md (Running it in Slack)",
    ]) {
      expect(result.message).toContain(name);
    }
  });

  it("does not fall back to the console when Slack settings are half there, even at a terminal", () => {
    const result = loadConfig({ SLACK_BOT_TOKEN: "xoxb-1" }, { stdinIsTTY: true });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.message).toContain("neither SLACK_SIGNING_SECRET (HTTP) nor SLACK_APP_TOKEN");
  });

  it("treats empty variables as unset", () => {
    const result = loadConfig(
      { ...http, SLACK_APP_TOKEN: "", PORT: " ", TALLY_TZ: "" },
      { stdinIsTTY: false },
    );
    expect(result).toMatchObject({
      ok: true,
      config: { connection: { mode: "http" }, port: 3000, timeZone: "UTC" },
    });
  });

  it("reads every setting, and adds the trailing slash SLACK_API_URL needs", () => {
    const result = loadConfig(
      {
        ...http,
        SLACK_API_URL: "https://slack-gov.com/api",
        PORT: "8080",
        HOST: "127.0.0.1",
        TALLY_STATE_DIR: "/srv/tally",
        TALLY_STALE_DAYS: "30",
        TALLY_TZ: "Europe/Kyiv",
        TALLY_DATA_DIR: "/srv/data",
        TALLY_DOCUMENTS_DIR: "/srv/documents",
        TALLY_LOG_LEVEL: "debug",
      },
      { stdinIsTTY: false },
    );
    expect(result).toMatchObject({
      ok: true,
      config: {
        connection: { mode: "http", apiUrl: "https://slack-gov.com/api/" },
        port: 8080,
        host: "127.0.0.1",
        stateDir: "/srv/tally",
        staleDays: 30,
        timeZone: "Europe/Kyiv",
        dataDir: "/srv/data",
        documentsDir: "/srv/documents",
        logLevel: "debug",
      },
    });
  });

  it("still reads the deprecated TALLY_SEEDS_DIR when TALLY_DOCUMENTS_DIR is not set", () => {
    const old = loadConfig({ ...http, TALLY_SEEDS_DIR: "/srv/seeds" }, { stdinIsTTY: false });
    expect(old.ok && old.config.documentsDir).toBe("/srv/seeds");
    const both = loadConfig(
      { ...http, TALLY_SEEDS_DIR: "/srv/seeds", TALLY_DOCUMENTS_DIR: "/srv/documents" },
      { stdinIsTTY: false },
    );
    expect(both.ok && both.config.documentsDir).toBe("/srv/documents");
    const empty = loadConfig(
      { ...http, TALLY_DOCUMENTS_DIR: " ", TALLY_SEEDS_DIR: "" },
      { stdinIsTTY: false },
    );
    expect(empty.ok && empty.config.documentsDir).toBe("../shared/seeds");
  });

  it("gives command-line tools the same documents folder", () => {
    expect(documentsDirFromEnv({})).toBe("../shared/seeds");
    expect(documentsDirFromEnv({ TALLY_SEEDS_DIR: "/srv/seeds" })).toBe("/srv/seeds");
    expect(
      documentsDirFromEnv({ TALLY_SEEDS_DIR: "/srv/seeds", TALLY_DOCUMENTS_DIR: "/srv/documents" }),
    ).toBe("/srv/documents");
  });

  it("names every malformed setting in one message", () => {
    const result = loadConfig(
      {
        SLACK_BOT_TOKEN: "xoxp-user-token",
        SLACK_APP_TOKEN: "abc",
        SLACK_API_URL: "not a url",
        PORT: "70000",
        TALLY_STALE_DAYS: "-1",
        TALLY_TZ: "Mars/Olympus",
        TALLY_LOG_LEVEL: "loud",
      },
      { stdinIsTTY: false },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain("SLACK_BOT_TOKEN must be a bot token starting with xoxb-");
    expect(result.message).toContain("SLACK_APP_TOKEN must be an app-level token starting with xapp-");
    expect(result.message).toContain("SLACK_API_URL must be an http(s) URL");
    expect(result.message).toContain("PORT must be between 0 and 65535");
    expect(result.message).toContain("TALLY_STALE_DAYS must be at least 1");
    expect(result.message).toContain("TALLY_TZ must be an IANA time zone");
    expect(result.message).toContain("TALLY_LOG_LEVEL must be one of debug, info, warn, error");
  });
});
