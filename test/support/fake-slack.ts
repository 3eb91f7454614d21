/**
 * A fake Slack Web API on 127.0.0.1 for end-to-end tests: the app's WebClient (SLACK_API_URL) and its
 * respond() (response_url) talk to it over real HTTP. It records every call, answers like Slack (via
 * the same in-memory workspace the console uses), and lets a test script failures (429 with
 * Retry-After, `{ ok: false, error: "not_in_channel" }`) or hold calls back until released.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  FakeSlackWorkspace,
  type ResponseTarget,
  type WorkspaceChange,
} from "../../src/console/fake-slack-workspace.ts";
import { parseApiBody } from "../../src/console/parse-api-body.ts";
import { FakeSocketMode } from "./fake-socket-mode.ts";

export const FAKE_TEAM_ID = "T0TEST";
export const FAKE_BOT_USER_ID = "U0TALLY";
export const FAKE_BOT_ID = "B0TALLY";

export interface RecordedCall {
  /** A Web API method ("chat.postMessage"), or "response_url" for posts to a response URL. */
  method: string;
  params: Record<string, unknown>;
  /** For response_url posts: the URL posted to, and the target it was registered with. */
  responseUrl?: string;
  target?: ResponseTarget;
  /** The bearer token sent with a Web API call. */
  token?: string;
  /** Arrival order, across all calls. */
  seq: number;
}

export interface ScriptedReply {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
}

export interface Gate {
  /** Lets held calls (and any later matching ones) through. */
  release(): void;
  /** How many calls are waiting at the gate. */
  readonly waiting: number;
}

type Predicate = (call: RecordedCall) => boolean;

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly changes: WorkspaceChange[] = [];
  readonly workspace: FakeSlackWorkspace;
  /** The WebSocket end of Socket Mode; apps.connections.open hands out its URL. */
  readonly socketMode = new FakeSocketMode();
  private readonly scripts = new Map<string, ScriptedReply[]>();
  private readonly gates: { match: Predicate; open: boolean; waiting: (() => void)[] }[] = [];
  private readonly waiters: { match: Predicate; resolve: (call: RecordedCall) => void }[] = [];
  private readonly responseTargets = new Map<string, ResponseTarget>();
  private seq = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {
    this.workspace = new FakeSlackWorkspace({
      teamId: FAKE_TEAM_ID,
      botUserId: FAKE_BOT_USER_ID,
      botId: FAKE_BOT_ID,
      onChange: (change) => this.changes.push(change),
    });
  }

  static async start(): Promise<FakeSlack> {
    let fake: FakeSlack | undefined;
    const server = createServer((req, res) => {
      if (!fake) {
        res.writeHead(503).end();
        return;
      }
      fake.handle(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
    server.on("upgrade", (req, socket) => {
      if (fake && req.url === "/link") fake.socketMode.handleUpgrade(req, socket);
      else socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeSlack(server, `http://127.0.0.1:${port}`);
    return fake;
  }

  /** The Web API base URL, for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A response_url that posts into `target` (a slash command's channel and user, or a pressed message). */
  responseUrl(target: ResponseTarget): string {
    const id = this.workspace.registerResponseTarget(target);
    this.responseTargets.set(id, target);
    return `${this.url}/response/${id}`;
  }

  /** The next call to `method` gets this reply instead of the workspace's. */
  script(method: string, ...replies: ScriptedReply[]): void {
    this.scripts.set(method, [...(this.scripts.get(method) ?? []), ...replies]);
  }

  /** Holds matching calls (recorded on arrival, answered only after release). */
  hold(match: Predicate): Gate {
    const gate = { match, open: false, waiting: [] as (() => void)[] };
    this.gates.push(gate);
    return {
      release: () => {
        gate.open = true;
        for (const go of gate.waiting.splice(0)) go();
      },
      get waiting() {
        return gate.waiting.length;
      },
    };
  }

  /** Resolves with the first call (already made or still to come) that matches. */
  waitFor(match: Predicate, what = "a matching Slack call"): Promise<RecordedCall> {
    const seen = this.calls.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = { match, resolve };
      this.waiters.push(waiter);
      // A guard so a missing call fails with a readable message rather than the test's own timeout.
      setTimeout(() => {
        const index = this.waiters.indexOf(waiter);
        if (index === -1) return;
        this.waiters.splice(index, 1);
        reject(
          new Error(
            `timed out waiting for ${what}; calls so far: ${this.calls.map((c) => c.method).join(", ")}`,
          ),
        );
      }, 10_000).unref();
    });
  }

  /** Calls of one method ("chat.postMessage", "response_url"). */
  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  close(): Promise<void> {
    this.socketMode.close();
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const path = new URL(req.url ?? "/", this.url).pathname;
    const contentType = req.headers["content-type"] ?? null;

    let call: RecordedCall;
    let answer: () => { status: number; headers: Record<string, string>; body: string };
    if (path.startsWith("/api/")) {
      const method = path.slice("/api/".length);
      const params = parseApiBody(contentType, raw);
      const auth = req.headers.authorization;
      call = {
        method,
        params,
        seq: ++this.seq,
        ...(auth ? { token: auth.replace(/^Bearer /, "") } : {}),
      };
      answer = () => {
        const scripted = this.scripts.get(method)?.shift();
        if (scripted) {
          return {
            status: scripted.status ?? 200,
            headers: { "content-type": "application/json", ...scripted.headers },
            body: JSON.stringify(scripted.body),
          };
        }
        const result =
          method === "apps.connections.open"
            ? { ok: true, url: `${this.url.replace(/^http/, "ws")}/link` }
            : this.workspace.call(method, params);
        return { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(result) };
      };
    } else if (path.startsWith("/response/")) {
      const id = path.slice("/response/".length);
      const params = parseApiBody("application/json", raw);
      const target = this.responseTargets.get(id);
      call = {
        method: "response_url",
        params,
        seq: ++this.seq,
        responseUrl: `${this.url}${path}`,
        ...(target ? { target } : {}),
      };
      answer = () => {
        const scripted = this.scripts.get("response_url")?.shift();
        if (scripted) {
          return {
            status: scripted.status ?? 200,
            headers: scripted.headers ?? {},
            body: JSON.stringify(scripted.body),
          };
        }
        const { status, text } = this.workspace.respond(id, params);
        return { status, headers: { "content-type": "text/plain" }, body: text };
      };
    } else {
      res.writeHead(404).end("not found");
      return;
    }

    this.calls.push(call);
    for (const waiter of [...this.waiters]) {
      if (waiter.match(call)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(call);
      }
    }
    const gate = this.gates.find((g) => !g.open && g.match(call));
    if (gate) await new Promise<void>((go) => gate.waiting.push(go));
    const { status, headers, body } = answer();
    res.writeHead(status, headers).end(body);
  }
}
