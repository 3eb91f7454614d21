import type { App } from "@slack/bolt";
import type { Connection } from "../config.ts";
import { buildApp, type CreateAppOptions, createHttpReceiver } from "./app.ts";
import { fetchBotIdentity } from "./bot-identity.ts";
import type { ResponseUrlDelivery } from "./delivery/response-url-fetch.ts";
import type { AppDeps } from "./deps.ts";
import type { EdgeConfig } from "./http/edge-config.ts";
import { createEdgeServer } from "./http/edge-server.ts";
import type { InFlight } from "./in-flight.ts";

export interface RunningApp {
  app: App;
  /** The HTTP port actually bound (HTTP mode; useful with port 0), null over Socket Mode. */
  port: number | null;
  /** Listener runs in progress and response_url posts, for a graceful shutdown. */
  inFlight: InFlight;
  responses: ResponseUrlDelivery;
  /**
   * Takes no new requests: over HTTP it stops listening, lets requests being handled get their answer and
   * closes idle keep-alive connections (resolving when the last is closed); over Socket Mode it disconnects.
   * Listeners already running carry on: waiting for them is the caller's part.
   */
  stopAccepting(): Promise<void>;
  /** Stops at once: every connection closed. */
  stop(): Promise<void>;
}

/** For tests: the edge's clock (wall-clock ms) and tuning, and shorter response_url retry waits. */
export interface StartTuning extends Pick<CreateAppOptions, "responseUrl"> {
  edge?: { clock?: () => number; config?: Partial<EdgeConfig> };
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
  tuning: StartTuning = {},
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
  const common = {
    ...(tuning.responseUrl ? { responseUrl: tuning.responseUrl } : {}),
    botToken: connection.botToken,
    identity: identity.identity,
    apiUrl: connection.apiUrl,
  };
  if (connection.mode === "socket") {
    const { app, inFlight, responses } = buildApp(deps, {
      ...common,
      transport: { kind: "socket", appToken: connection.appToken },
    });
    await app.start();
    deps.logger.info("connected to Slack over Socket Mode");
    let stopped: Promise<void> | null = null;
    const stop = () => {
      stopped ??= app.stop().then(() => undefined);
      return stopped;
    };
    return { ok: true, running: { app, port: null, inFlight, responses, stopAccepting: stop, stop } };
  }
  // Bolt's receiver never listens: Tally's edge server reads, checks and hands it each request.
  const receiver = createHttpReceiver(deps, connection.signingSecret);
  const { app, inFlight, responses } = buildApp(deps, { ...common, transport: { kind: "http", receiver } });
  const server = createEdgeServer({
    receiver,
    signingSecret: connection.signingSecret,
    logger: deps.logger,
    ...tuning.edge,
  });
  const port = await server.listen(listen.port, listen.host);
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
      inFlight,
      responses,
      stopAccepting: server.stopAccepting,
      stop: server.stop,
    },
  };
}
