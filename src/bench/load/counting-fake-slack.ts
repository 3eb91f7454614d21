/**
 * A fake Slack Web API and response_url endpoint on 127.0.0.1 for the load run. It keeps counts only (posts per
 * response_url, thread replies per message), never the messages, so a long run costs it nothing, and it can
 * fail a share of calls the way Slack and the network do: 429 with Retry-After, a 5xx, or a stall.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseApiBody } from "../../console/parse-api-body.ts";
import { loadConfig } from "./load-config.ts";
import { pick, type Random } from "./seeded-random.ts";
import { LOAD_BOT_ID, LOAD_BOT_USER_ID, LOAD_TEAM_ID } from "./signed-requests.ts";

export interface Faults {
  /** Share of calls that fail (0: none). */
  rate: number;
  stallMs: number;
  random: Random;
}

/**
 * The posts to one response_url. The first body posted is the reply; a later post with another body, after a
 * failed one, is the app saying it could not answer (retrying, it posts the same body again).
 */
export interface ResponsePosts {
  firstBody: string;
  /** Successful posts of the first body: the reply, delivered. */
  replies: number;
  /** Successful posts of any other body. */
  others: number;
}

export interface SlackCounts {
  responsePosts: Map<string, ResponsePosts>;
  /** Successful thread replies under each message, keyed "channel ts". */
  threadReplies: Map<string, number>;
  reactions: number;
  otherCalls: number;
  injected: { rateLimited: number; serverErrors: number; stalls: number };
}

const emptyCounts = (): SlackCounts => ({
  responsePosts: new Map(),
  threadReplies: new Map(),
  reactions: 0,
  otherCalls: 0,
  injected: { rateLimited: 0, serverErrors: 0, stalls: 0 },
});

const SERVER_ERRORS = [500, 502, 503] as const;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class CountingFakeSlack {
  #counts = emptyCounts();
  #faults: Faults | null = null;
  #tick = 0;
  /** When the last reply (response_url post or thread reply) arrived, for knowing when they have stopped. */
  lastReplyAt = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<CountingFakeSlack> {
    let fake: CountingFakeSlack | undefined;
    const server = createServer((req, res) => {
      if (!fake) {
        res.writeHead(503).end();
        return;
      }
      fake.#handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    fake = new CountingFakeSlack(server, `http://127.0.0.1:${port}`);
    return fake;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/response/${id}`;
  }

  /** Starts a new run: counts from zero, with these faults (null: none). */
  reset(faults: Faults | null): void {
    this.#counts = emptyCounts();
    this.#faults = faults;
    this.lastReplyAt = 0;
  }

  get counts(): SlackCounts {
    return this.#counts;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const path = new URL(req.url ?? "/", this.url).pathname;
    const method = path.startsWith("/api/") ? path.slice("/api/".length) : null;
    const responseId = path.startsWith("/response/") ? path.slice("/response/".length) : null;
    // Start-up's identity check is never failed: the run is about replies, not about starting.
    const fault = method === "auth.test" ? null : this.#drawFault();
    const posts = responseId === null ? null : this.#responsePosts(responseId, raw);
    if (fault?.kind === "rate-limited") {
      this.#counts.injected.rateLimited++;
      res.writeHead(429, { "content-type": "application/json", "retry-after": String(fault.retryAfter) });
      res.end(JSON.stringify({ ok: false, error: "ratelimited" }));
      return;
    }
    if (fault?.kind === "server-error") {
      this.#counts.injected.serverErrors++;
      res.writeHead(fault.status, { "content-type": "text/plain" }).end("upstream error");
      return;
    }
    // A stalled call is carried out at once and answered late, as when Slack is slow to reply: a client that
    // gives up and tries again posts twice, and the counts show it.
    if (posts !== null) {
      if (createHash("sha1").update(raw).digest("base64") === posts.firstBody) posts.replies++;
      else posts.others++;
      this.lastReplyAt = Date.now();
    }
    const answer =
      method === null ? null : this.#answer(method, parseApiBody(req.headers["content-type"] ?? null, raw));
    if (fault?.kind === "stall") {
      this.#counts.injected.stalls++;
      await sleep(fault.ms);
    }
    if (posts !== null) {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    } else if (answer !== null) {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
    } else {
      res.writeHead(404).end();
    }
  }

  #drawFault():
    | { kind: "rate-limited"; retryAfter: number }
    | { kind: "server-error"; status: number }
    | { kind: "stall"; ms: number }
    | null {
    const faults = this.#faults;
    if (!faults || faults.random() >= faults.rate) return null;
    const kind = Math.floor(faults.random() * 3);
    if (kind === 0)
      return { kind: "rate-limited", retryAfter: pick(faults.random, loadConfig.retryAfterSeconds) };
    if (kind === 1) return { kind: "server-error", status: pick(faults.random, SERVER_ERRORS) };
    return { kind: "stall", ms: faults.stallMs };
  }

  #responsePosts(id: string, raw: string): ResponsePosts {
    let posts = this.#counts.responsePosts.get(id);
    if (!posts) {
      posts = { firstBody: createHash("sha1").update(raw).digest("base64"), replies: 0, others: 0 };
      this.#counts.responsePosts.set(id, posts);
    }
    return posts;
  }

  #count(map: Map<string, number>, key: string): void {
    map.set(key, (map.get(key) ?? 0) + 1);
    this.lastReplyAt = Date.now();
  }

  /** Slack's answer to one Web API call, counting what the run checks. */
  #answer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    const channel = typeof params.channel === "string" ? params.channel : "";
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://load.invalid/",
          team: "Load",
          user: "tally",
          team_id: LOAD_TEAM_ID,
          user_id: LOAD_BOT_USER_ID,
          bot_id: LOAD_BOT_ID,
        };
      case "chat.postMessage": {
        this.#tick++;
        const ts = `1800000000.${String(this.#tick).padStart(6, "0")}`;
        if (typeof params.thread_ts === "string")
          this.#count(this.#counts.threadReplies, `${channel} ${params.thread_ts}`);
        else this.#counts.otherCalls++;
        return { ok: true, channel, ts, message: { ts } };
      }
      case "reactions.add":
        this.#counts.reactions++;
        return { ok: true };
      default:
        this.#counts.otherCalls++;
        return { ok: true };
    }
  }
}
