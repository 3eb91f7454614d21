/**
 * Tally's own HTTP server in front of Bolt's HTTPReceiver. It answers the health check itself, reads each
 * body (with a size limit), lets only signed, well-formed, first-seen requests through to Bolt, and turns
 * any throw into a 500 with a logged reason: no request, however malformed, ends the process.
 */
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Logger } from "../../log/logger.ts";
import { type EdgeConfig, edgeConfig } from "./edge-config.ts";
import { readBody } from "./read-body.ts";
import { createReplayCache } from "./replay-cache.ts";
import { guardSlackRequest } from "./request-guard.ts";

export interface EdgeServerOptions {
  /** Bolt's HTTPReceiver (its `requestListener`), already bound to the app by the App constructor. */
  receiver: { requestListener: RequestListener };
  signingSecret: string;
  logger: Logger;
  /** Wall-clock milliseconds for the signature's time check (default Date.now): Slack signs with real time. */
  clock?: () => number;
  config?: Partial<EdgeConfig>;
}

export interface EdgeServer {
  /** Starts listening; resolves with the port bound (useful with port 0). */
  listen(port: number, host?: string): Promise<number>;
  /**
   * Stops listening and lets requests already being handled finish; idle keep-alive connections are
   * closed, and any still open close after their response. Resolves once every connection is closed.
   */
  stopAccepting(): Promise<void>;
  /** Closes every connection at once. */
  stop(): Promise<void>;
}

/** Bolt reuses a body already read when it is a Buffer in `rawBody` (HTTPModuleFunctions.bufferIncomingMessage). */
type BufferedRequest = IncomingMessage & { rawBody?: Buffer };

function answer(res: ServerResponse, status: number, body = "", headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "text/plain", ...headers });
  res.end(body);
}

function pathOf(url: string | undefined): string | null {
  try {
    return new URL(url ?? "/", "http://edge.invalid").pathname;
  } catch {
    return null;
  }
}

export function createEdgeServer(options: EdgeServerOptions): EdgeServer {
  const config: EdgeConfig = { ...edgeConfig, ...options.config };
  const clock = options.clock ?? Date.now;
  const logger = options.logger.child({ surface: "http" });
  const replays = createReplayCache({
    ttlMs: (2 * config.maxClockSkewSeconds + config.replayMarginSeconds) * 1000,
    maxEntries: config.maxRememberedSignatures,
  });
  let closing = false;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? "";
    const path = pathOf(req.url);
    if (closing) {
      req.resume();
      answer(res, 503, "shutting down", { connection: "close" });
      return;
    }
    if (path === config.healthPath) {
      // Says only that the process is up and serving: no database, no Bolt.
      req.resume();
      if (method === "GET" || method === "HEAD") answer(res, 200, "ok");
      else answer(res, 405, "", { allow: "GET, HEAD" });
      return;
    }
    if (path !== config.eventsPath) {
      req.resume();
      answer(res, path === null ? 400 : 404);
      return;
    }
    if (method !== "POST") {
      req.resume();
      answer(res, 405, "", { allow: "POST" });
      return;
    }
    const read = await readBody(req, { maxBytes: config.maxBodyBytes, maxDrainBytes: config.maxDrainBytes });
    if (!read.ok) {
      logger.warn("refused a request", { status: 413, reason: "body too large", limit: config.maxBodyBytes });
      answer(res, 413, "", read.drained ? {} : { connection: "close" });
      return;
    }
    const nowMs = clock();
    const decision = guardSlackRequest(
      { method, path, headers: req.headers, rawBody: read.body, nowMs },
      {
        signingSecret: options.signingSecret,
        eventsPath: config.eventsPath,
        maxClockSkewSeconds: config.maxClockSkewSeconds,
      },
    );
    if (!decision.accept) {
      // The reason and the length, never the body: it may hold anyone's words.
      logger.warn("refused a request", {
        status: decision.status,
        reason: decision.reason,
        length: read.body.length,
      });
      answer(res, decision.status);
      return;
    }
    if (decision.kind === "signed" && !replays.firstSeen(decision.signature, nowMs)) {
      logger.warn("ignored a replayed request", { length: read.body.length });
      answer(res, 200);
      return;
    }
    (req as BufferedRequest).rawBody = read.body;
    options.receiver.requestListener(req, res);
  }

  // Responses being written, so that stopAccepting can close their connections once they are answered.
  const inFlight = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    inFlight.add(res);
    res.on("close", () => inFlight.delete(res));
    handle(req, res).catch((error: unknown) => {
      logger.error("request handling failed", {
        reason: error instanceof Error ? error.message : String(error),
        error,
      });
      if (res.headersSent) res.destroy();
      else answer(res, 500, "", { connection: "close" });
    });
  });
  server.requestTimeout = config.requestTimeoutMs;
  server.headersTimeout = config.headersTimeoutMs;
  server.keepAliveTimeout = config.keepAliveTimeoutMs;

  // Malformed HTTP never reaches a handler; answer what can be answered and keep serving.
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
    logger.warn("bad request from a client", { reason: error.code ?? error.message });
    if (error.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    const status =
      error.code === "HPE_HEADER_OVERFLOW"
        ? "431 Request Header Fields Too Large"
        : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
          ? "408 Request Timeout"
          : "400 Bad Request";
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  server.on("error", (error) => logger.error("HTTP server error", { error }));

  let closed: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing = true;
    closed ??= new Promise<void>((resolve) => server.close(() => resolve()));
    return closed;
  };

  return {
    listen: (port, host) =>
      new Promise<number>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve((server.address() as AddressInfo).port);
        });
      }),
    stopAccepting: () => {
      const done = close();
      // An answered keep-alive connection is idle: close it, now or as soon as its answer is written.
      for (const res of inFlight) res.on("finish", () => setImmediate(() => server.closeIdleConnections()));
      server.closeIdleConnections();
      return done;
    },
    stop: () => {
      const done = close();
      server.closeAllConnections();
      return done;
    },
  };
}
