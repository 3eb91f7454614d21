import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CURATION } from "../../src/slack/curation/curation-ids.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
// Slack's published manifest schema, shared with the project rather than copied into it.
const SCHEMA_PATH = path.resolve(ROOT, "../shared/slack/manifest.schema.1.0.0.json");
// Run wherever the schema is present; CI must have it, so there an absent schema fails instead of skipping.
const schemaAbsent = !existsSync(SCHEMA_PATH) && !process.env.CI;
const whySkipped = `Slack's manifest schema is not at ${SCHEMA_PATH} (no ../shared beside this clone)`;
if (schemaAbsent) console.info(`manifest schema checks did not run: ${whySkipped}`);

interface Manifest {
  display_information: { name: string; description: string };
  features: {
    app_home: { messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: { command: string; usage_hint?: string; description: string }[];
    shortcuts: { name: string; type: "message" | "global"; callback_id: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(readFileSync(path.join(ROOT, "manifest.yml"), "utf8")) as Manifest;

describe.skipIf(schemaAbsent)(
  schemaAbsent
    ? `manifest.yml against Slack's schema: skipped, ${whySkipped}`
    : "manifest.yml against Slack's schema",
  () => {
    it("is valid against Slack's app manifest schema", () => {
      const schema = JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as Record<string, unknown>;
      expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
      // The schema uses a few non-standard keywords ("regex", "_note") and formats; Ajv must not reject those.
      const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
      const validate = ajv.compile(schema);
      const valid = validate(manifest);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    });

    it("is rejected by the schema when something is wrong, so the check above can fail", () => {
      const schema = JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as Record<string, unknown>;
      const validate = new Ajv({ strict: false, validateFormats: false }).compile(schema);
      expect(validate({ ...manifest, display_information: { name: "" } })).toBe(false);
    });
  },
);

describe("manifest.yml", () => {
  it("declares the /tally command with a usage hint", () => {
    const tally = manifest.features.slash_commands.find((c) => c.command === "/tally");
    expect(tally?.usage_hint).toMatch(/how many/);
  });

  it("asks for exactly the bot scopes Tally uses", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      [
        "commands",
        "app_mentions:read",
        "chat:write",
        "pins:read",
        "pins:write",
        "reactions:write",
        "channels:history",
        "groups:history",
        "im:history",
        "channels:read",
        "groups:read",
        "usergroups:read",
      ].sort(),
    );
  });

  it("declares the shortcuts the app listens for, by the callback ids it matches", () => {
    expect(manifest.features.shortcuts.map((s) => [s.type, s.callback_id]).sort()).toEqual(
      [
        ["message", CURATION.messageShortcut],
        ["global", CURATION.globalShortcut],
      ].sort(),
    );
  });

  it("subscribes to mentions and channel, private channel and DM messages", () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      ["app_mention", "message.channels", "message.groups", "message.im"].sort(),
    );
  });

  it("has a bot user, the App Home messages tab, interactivity and Socket Mode on", () => {
    expect(manifest.features.bot_user.display_name).toBe("Tally");
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
