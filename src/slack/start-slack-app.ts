import type { Server } from "node:http";
import type { App } from "@slack/bolt";
import type { Connection } from "../config.ts";
import { createApp } from "./app.ts";
import { fetchBotIdentity } from "./bot-identity.ts";
import type { AppDeps } from "./deps.ts";

export interface RunningApp {
  app: App;
  /** The HTTP port actually bound (HTTP mode; useful with port 0), null over Socket Mode. */
  port: number | null;
  stop(): Promise<void>;
}

export type StartResult = { ok: true; running: RunningApp } | { ok: false; message: string };

/**
 * Checks the bot token with Slack, builds the app and starts it: an HTTP server for Events API
 * requests, or a Socket Mode connection. Shared by `npm start` and the end-to-end tests.
 */
export async function startSlackApp(
  deps: AppDeps,
  connection: Exclude<Connection, { mode: "console" }>,
  listen: { port: number; host?: string },
): Promise<StartResult> {
  const clientOptions = connection.apiUrl ? { slackApiUrl: connection.apiUrl } : {};
  const identity = await fetchBotIdentity(connection.botToken, clientOptions);
  if (!identity.ok) {
    return {
      ok: false,
      message:
        `Tally cannot start: Slack rejected SLACK_BOT_TOKEN (${identity.error}).\n` +
        "Copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page, after installing the app.",
    };
  }
  deps.logger.info("authenticated with Slack", { ...identity.identity });
  const app = createApp(deps, {
    botToken: connection.botToken,
    identity: identity.identity,
    apiUrl: connection.apiUrl,
    transport:
      connection.mode === "http"
        ? { kind: "http", signingSecret: connection.signingSecret }
        : { kind: "socket", appToken: connection.appToken },
  });
  if (connection.mode === "socket") {
    await app.start();
    deps.logger.info("connected to Slack over Socket Mode");
    return {
      ok: true,
      running: {
        app,
        port: null,
        stop: async () => {
          await app.stop();
        },
      },
    };
  }
  const server = (await app.start(
    listen.host ? { port: listen.port, host: listen.host } : listen.port,
  )) as Server;
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : listen.port;
  deps.logger.info("listening for Slack over HTTP", {
    port,
    events: "POST /slack/events",
    health: "GET /healthz",
  });
  return {
    ok: true,
    running: {
      app,
      port,
      stop: async () => {
        await app.stop();
      },
    },
  };
}
