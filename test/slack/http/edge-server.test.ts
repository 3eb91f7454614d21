/**
 * The edge server on its own, in front of a stand-in for Bolt's receiver: what reaches the receiver, what
 * is answered before it, and how the server stops.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../../src/log/logger.ts";
import { createEdgeServer, type EdgeServer } from "../../../src/slack/http/edge-server.ts";
import { slackSignature, TEST_SIGNING_SECRET } from "../../support/signed-request.ts";

interface Started {
  edge: EdgeServer;
  base: string;
  port: number;
  /** Bodies the receiver was handed, as Bolt would read them. */
  received: string[];
  logs: Record<string, unknown>[];
}

const running: EdgeServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((edge) => edge.stop()));
});

async function start(
  listener: RequestListener = (_req, res) => {
    res.writeHead(200).end("from bolt");
  },
  config: Parameters<typeof createEdgeServer>[0]["config"] = {},
): Promise<Started> {
  const received: string[] = [];
  const logs: Record<string, unknown>[] = [];
  const edge = createEdgeServer({
    receiver: {
      requestListener: (req: IncomingMessage, res: ServerResponse) => {
        const raw = (req as IncomingMessage & { rawBody?: unknown }).rawBody;
        received.push(Buffer.isBuffer(raw) ? raw.toString("utf8") : "(no rawBody)");
        return listener(req, res);
      },
    },
    signingSecret: TEST_SIGNING_SECRET,
    logger: createLogger({ level: "debug", write: (line) => logs.push(JSON.parse(line)) }),
    config,
  });
  running.push(edge);
  const port = await edge.listen(0, "127.0.0.1");
  return { edge, base: `http://127.0.0.1:${port}`, port, received, logs };
}

function signedPost(
  base: string,
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
): Promise<Response> {
  return fetch(`${base}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": slackSignature(TEST_SIGNING_SECRET, timestamp, body),
    },
    body,
  });
}

const EVENT = JSON.stringify({ type: "event_callback", event_id: "Ev1", event: { type: "app_mention" } });

/** A raw HTTP exchange over one socket, for what fetch will not send (malformed HTTP, held bodies). */
function rawSocket(port: number): Promise<{ socket: Socket; data: () => string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    let data = "";
    const socket = connect(port, "127.0.0.1", () =>
      resolve({ socket, data: () => data, closed: new Promise((done) => socket.on("close", () => done())) }),
    );
    socket.on("data", (chunk) => {
      data += chunk.toString();
    });
    socket.on("error", reject);
  });
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("the edge server", () => {
  it("answers GET /healthz itself, never reaching Bolt", async () => {
    const s = await start(() => {
      throw new Error("Bolt must not see the health check");
    });
    const res = await fetch(`${s.base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok");
    expect(s.received).toEqual([]);
  });

  it("hands a signed request to Bolt with the body it read in req.rawBody", async () => {
    const s = await start();
    const res = await signedPost(s.base, EVENT);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("from bolt");
    expect(s.received).toEqual([EVENT]);
  });

  it("answers other paths and methods itself: 404 and 405", async () => {
    const s = await start();
    expect((await fetch(`${s.base}/slack/install`)).status).toBe(404);
    expect((await fetch(`${s.base}/slack/events`)).status).toBe(405);
    expect((await fetch(`${s.base}/healthz`, { method: "POST", body: "x" })).status).toBe(405);
    expect(s.received).toEqual([]);
  });

  it("refuses a body past the limit with 413, and serves the next request", async () => {
    const s = await start(undefined, { maxBodyBytes: 1024 });
    const big = JSON.stringify({ type: "event_callback", pad: "x".repeat(5000) });
    const res = await signedPost(s.base, big);
    expect(res.status).toBe(413);
    expect(s.logs).toContainEqual(expect.objectContaining({ reason: "body too large", status: 413 }));
    expect((await signedPost(s.base, EVENT)).status).toBe(200);
    expect(s.received).toEqual([EVENT]);
  });

  it("answers a replayed signed request 200 with an empty body without reaching Bolt again", async () => {
    const s = await start();
    const timestamp = Math.floor(Date.now() / 1000);
    expect(await (await signedPost(s.base, EVENT, timestamp)).text()).toBe("from bolt");
    const replay = await signedPost(s.base, EVENT, timestamp);
    expect(replay.status).toBe(200);
    expect(await replay.text()).toBe("");
    expect(s.received).toHaveLength(1);
    expect(s.logs).toContainEqual(expect.objectContaining({ msg: "ignored a replayed request" }));
  });

  it("turns a throw in Bolt into a 500 with a logged reason, and keeps serving", async () => {
    let calls = 0;
    const s = await start((_req, res) => {
      calls += 1;
      if (calls === 1) throw new TypeError("Cannot read properties of null (reading 'ssl_check')");
      res.writeHead(200).end("from bolt");
    });
    expect((await signedPost(s.base, EVENT)).status).toBe(500);
    expect(s.logs).toContainEqual(
      expect.objectContaining({
        msg: "request handling failed",
        reason: expect.stringContaining("ssl_check"),
      }),
    );
    const again = JSON.stringify({ type: "event_callback", event_id: "Ev2", event: { type: "app_mention" } });
    expect((await signedPost(s.base, again)).status).toBe(200);
  });

  it("answers malformed HTTP with 400 and keeps serving", async () => {
    const s = await start();
    const raw = await rawSocket(s.port);
    raw.socket.write("THIS IS NOT HTTP\r\n\r\n");
    await raw.closed;
    expect(raw.data()).toMatch(/^HTTP\/1\.1 400/);
    expect(s.logs).toContainEqual(expect.objectContaining({ msg: "bad request from a client" }));
    expect((await fetch(`${s.base}/healthz`)).status).toBe(200);
  });

  it("stopAccepting: a request in flight gets its answer, idle keep-alive connections close, new ones are refused", async () => {
    // Keep-alive far longer than the test, so that only stopAccepting can close the idle connection.
    const s = await start(undefined, { keepAliveTimeoutMs: 60_000 });

    const idle = await rawSocket(s.port);
    idle.socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    await until(() => /\r\nok\r\n0\r\n\r\n$/.test(idle.data()), "the health check on the idle connection");

    // Headers and half the body sent before stopAccepting; the rest after.
    const timestamp = Math.floor(Date.now() / 1000);
    const busy = await rawSocket(s.port);
    busy.socket.write(
      "POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
        `Content-Length: ${Buffer.byteLength(EVENT)}\r\nX-Slack-Request-Timestamp: ${timestamp}\r\n` +
        `X-Slack-Signature: ${slackSignature(TEST_SIGNING_SECRET, timestamp, EVENT)}\r\n\r\n${EVENT.slice(0, 10)}`,
    );
    await new Promise((r) => setTimeout(r, 50));

    let stopped = false;
    const stopping = s.edge.stopAccepting().then(() => {
      stopped = true;
    });
    await idle.closed;
    await expect(fetch(`${s.base}/healthz`)).rejects.toThrow();
    expect(stopped).toBe(false);

    busy.socket.write(EVENT.slice(10));
    await busy.closed;
    expect(busy.data()).toMatch(/^HTTP\/1\.1 200/);
    expect(busy.data()).toContain("from bolt");
    await stopping;
    expect(s.received).toEqual([EVENT]);
  });
});
