import type { Server } from "node:http";
import type { App } from "@slack/bolt";
import type { Connection } from "../config.ts";
import { buildApp, type CreateAppOptions } from "./app.ts";
import { fetchBotIdentity } from "./bot-identity.ts";
import type { ResponseUrlDelivery } from "./delivery/response-url-fetch.ts";
import type { AppDeps } from "./deps.ts";
import type { InFlight } from "./in-flight.ts";

export interface RunningApp {
  app: App;
  /** The HTTP port actually bound (HTTP mode; useful with port 0), null over Socket Mode. */
  port: number | null;
  /** Listener runs in progress and response_url posts, for a graceful shutdown. */
  inFlight: InFlight;
  responses: ResponseUrlDelivery;
  /** Takes no new requests (closes the listening server; requests in progress finish). */
  stopAccepting(): Promise<void>;
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
  tuning: Pick<CreateAppOptions, "responseUrl"> = {},
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
  const { app, inFlight, responses } = buildApp(deps, {
    ...tuning,
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
    let stopped: Promise<unknown> | null = null;
    const stop = async () => {
      stopped ??= app.stop();
      await stopped;
    };
    return { ok: true, running: { app, port: null, inFlight, responses, stopAccepting: stop, stop } };
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
  // The server itself rather than app.stop(), whose promise waits for every keep-alive connection to end.
  const closed = new Promise<void>((resolve) => server.once("close", () => resolve()));
  const stopAccepting = async () => {
    // Refuses new connections and ends idle keep-alive ones; requests in progress finish.
    if (server.listening) server.close();
    server.closeIdleConnections();
  };
  const stop = async () => {
    await stopAccepting();
    server.closeAllConnections();
    await closed;
  };
  return { ok: true, running: { app, port, inFlight, responses, stopAccepting, stop } };
}
