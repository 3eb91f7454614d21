import type { App } from "@slack/bolt";
import type { Connection } from "../config.ts";
import { createApp, createHttpReceiver } from "./app.ts";
import { fetchBotIdentity } from "./bot-identity.ts";
import type { AppDeps } from "./deps.ts";
import type { EdgeConfig } from "./http/edge-config.ts";
import { createEdgeServer } from "./http/edge-server.ts";

export interface RunningApp {
  app: App;
  /** The HTTP port actually bound (HTTP mode; useful with port 0), null over Socket Mode. */
  port: number | null;
  /**
   * Takes no new requests: over HTTP it stops listening, lets requests being handled get their answer and
   * closes idle keep-alive connections (resolving when the last is closed); over Socket Mode it disconnects.
   * Listeners already running carry on: waiting for them is the caller's part.
   */
  stopAccepting(): Promise<void>;
  /** Stops at once: every connection closed. */
  stop(): Promise<void>;
}

/** For tests of the edge: its clock (wall-clock ms) and tuning. */
export interface EdgeOptions {
  clock?: () => number;
  config?: Partial<EdgeConfig>;
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
  edge: EdgeOptions = {},
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
  const common = { botToken: connection.botToken, identity: identity.identity, apiUrl: connection.apiUrl };
  if (connection.mode === "socket") {
    const app = createApp(deps, { ...common, transport: { kind: "socket", appToken: connection.appToken } });
    await app.start();
    deps.logger.info("connected to Slack over Socket Mode");
    let stopped: Promise<void> | null = null;
    const stop = () => {
      stopped ??= app.stop().then(() => undefined);
      return stopped;
    };
    return { ok: true, running: { app, port: null, stopAccepting: stop, stop } };
  }
  // Bolt's receiver never listens: Tally's edge server reads, checks and hands it each request.
  const receiver = createHttpReceiver(deps, connection.signingSecret);
  const app = createApp(deps, { ...common, transport: { kind: "http", receiver } });
  const server = createEdgeServer({
    receiver,
    signingSecret: connection.signingSecret,
    logger: deps.logger,
    ...edge,
  });
  const port = await server.listen(listen.port, listen.host);
  deps.logger.info("listening for Slack over HTTP", {
    port,
    events: "POST /slack/events",
    health: "GET /healthz",
  });
  return {
    ok: true,
    running: { app, port, stopAccepting: server.stopAccepting, stop: server.stop },
  };
}
