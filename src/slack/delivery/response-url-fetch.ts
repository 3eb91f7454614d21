import type { webApi } from "@slack/bolt";
import type { Logger } from "../../log/logger.ts";
import type { UndeliveredReply } from "./delivery-types.ts";
import { type AskerMemory, askersInBody, createAskerMemory } from "./response-askers.ts";
import { type SendMessage, sendResponseAnotherWay } from "./response-fallback.ts";

/** How response_url posts are retried. Slack honours a response_url up to 5 times in 30 minutes. */
export const RESPONSE_URL_SETTINGS = Object.freeze({
  /** Tries of one post, the first included: at most 4, so that one use of the 5 is left. */
  attempts: 4,
  /** The pause before each retry (ms), unless a 429 says how long with Retry-After. */
  backoffMs: Object.freeze([1_000, 2_000, 4_000]),
  /** The longest Retry-After waited out (ms). */
  maxRetryAfterMs: 30_000,
  /**
   * One try gives up after this long (ms). Longer than the 10 s stalls Slack has been seen to have, as in
   * delivery-config.ts: a post that timed out may still have landed, and its retry would show twice.
   */
  attemptTimeoutMs: 15_000,
  /** Slack honours a response_url this long; a saved response older than this goes another way (ms). */
  urlLifetimeMs: 30 * 60_000,
  /** Who asked, per response_url: how many are kept and for how long (ms). */
  askers: Object.freeze({ max: 20_000, forMs: 30 * 60_000 }),
});

export interface ResponseUrlSettings {
  attempts: number;
  backoffMs: readonly number[];
  maxRetryAfterMs: number;
  attemptTimeoutMs: number;
  urlLifetimeMs: number;
  askers: { max: number; forMs: number };
}

// The web-api package exports the function type only.
type FetchRequestInit = NonNullable<Parameters<webApi.FetchFunction>[1]>;
type FetchResponse = Awaited<ReturnType<webApi.FetchFunction>>;

type SavedResponse = Extract<UndeliveredReply, { kind: "response" }>;

export interface ResponseUrlDelivery {
  /** The fetch for Bolt's clientOptions: retries response_url posts, passes every other call through. */
  fetch: webApi.FetchFunction;
  /** For a Bolt global middleware: remembers who sent a request, by its response_url(s). */
  rememberAskers(body: unknown): void;
  /** Start-up: posts a response saved at shutdown, through its URL while Slack honours it, else another way. */
  redeliver(saved: SavedResponse): Promise<void>;
  /**
   * Shutdown: lets posts in progress finish (with their retries) until `deadline`, then stops them and resolves
   * with those still undelivered. Posts after that are not made.
   */
  settle(deadline: Date): Promise<SavedResponse[]>;
  /** Posts in progress, retries and waits included. */
  readonly pending: number;
}

export interface ResponseUrlOptions {
  /** The fetch that reaches the network (or the console's workspace). */
  inner: webApi.FetchFunction;
  /** The Web API base URL: calls under it pass through untouched. */
  apiUrl: string;
  /** How a reply goes when its URL fails for good (ReplyDelivery.send). */
  send: SendMessage;
  logger: Logger;
  now: () => Date;
  settings?: ResponseUrlSettings;
  /** Resolves true after `ms`, false as soon as `signal` aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<boolean>;
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** Retry-After in seconds or as an HTTP date, in ms; null when absent or unreadable. */
function retryAfterMs(header: string | null, nowMs: number): number | null {
  if (header === null || header.trim() === "") return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

function headerValue(headers: Record<string, string> | undefined, name: string): string {
  const key = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === name);
  return key ? (headers?.[key] ?? "") : "";
}

/** Bolt's respond(): a JSON POST to a URL outside the Web API. */
function isResponsePost(href: string, init: FetchRequestInit | undefined, apiUrl: string): boolean {
  return (
    init?.method?.toUpperCase() === "POST" &&
    typeof init.body === "string" &&
    !href.startsWith(apiUrl) &&
    headerValue(init.headers, "content-type").startsWith("application/json")
  );
}

function parseBody(raw: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

type Outcome =
  | { kind: "delivered"; response: FetchResponse }
  | { kind: "failed"; response: FetchResponse | null; error: unknown; attempts: number }
  /** Stopped by shutdown: the post is left for the outbox. */
  | { kind: "cut" };

interface Post {
  saved: SavedResponse;
  abort: AbortController;
  /** Handed to the fallback, which the delivery's own drain covers. */
  fallingBack: boolean;
  /** False for a post to a URL already spent (a failure notice after the reply went another way). */
  keep: boolean;
}

const synthetic = (status: number, why: string) =>
  new Response(JSON.stringify({ ok: status < 300, note: why }), {
    status,
    headers: { "content-type": "application/json" },
  });

export function createResponseUrlDelivery(options: ResponseUrlOptions): ResponseUrlDelivery {
  const settings = options.settings ?? RESPONSE_URL_SETTINGS;
  const sleep = options.sleep ?? abortableSleep;
  const { inner, logger } = options;
  const nowMs = () => options.now().getTime();
  const askers: AskerMemory = createAskerMemory(settings.askers);
  const posts = new Set<Post>();
  const whenIdle: (() => void)[] = [];
  let stopped = false;

  async function tryPost(url: string, init: FetchRequestInit, signal: AbortSignal, attempts: number) {
    let outcome: Outcome = { kind: "failed", response: null, error: null, attempts: 0 };
    let wait: number | null = null;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      if (attempt > 1) {
        const pause = wait ?? settings.backoffMs[Math.min(attempt - 2, settings.backoffMs.length - 1)] ?? 0;
        if (!(await sleep(Math.min(pause, settings.maxRetryAfterMs), signal)))
          return { kind: "cut" } as const;
      }
      if (signal.aborted) return { kind: "cut" } as const;
      wait = null;
      try {
        const timeout = AbortSignal.timeout(settings.attemptTimeoutMs);
        const response = await inner(url, { ...init, signal: AbortSignal.any([signal, timeout]) });
        if (response.ok) return { kind: "delivered", response } as const;
        outcome = { kind: "failed", response, error: `HTTP ${response.status}`, attempts: attempt };
        // 404 and 410: the URL is gone or expired; other 4xx would fail the same way again.
        if (response.status !== 429 && response.status < 500) return outcome;
        if (response.status === 429) wait = retryAfterMs(response.headers.get("retry-after"), nowMs());
        if (attempt < attempts) await response.arrayBuffer().catch(() => undefined);
      } catch (error) {
        if (signal.aborted) return { kind: "cut" } as const;
        // A reset, a refused connection or a timeout: worth another try.
        outcome = { kind: "failed", response: null, error, attempts: attempt };
      }
    }
    return outcome;
  }

  /** After the last failure: the asker hears once, whatever else is posted to that URL. */
  async function fallBack(post: Post, outcome: Extract<Outcome, { kind: "failed" }>) {
    const { url } = post.saved.response;
    const failure = {
      status: outcome.response?.status ?? null,
      error: outcome.error,
      attempts: outcome.attempts,
    };
    if (!askers.spend(url, nowMs())) {
      logger.warn("a response_url post failed again; its user has already been told", failure);
      return false;
    }
    logger.warn("a response_url post failed for good; sending the reply another way", failure);
    post.fallingBack = true;
    const how = await sendResponseAnotherWay(post.saved.response, options.send, logger);
    if (how !== "not-sent") logger.info("sent a reply its response_url could not carry", { how });
    return how !== "not-sent";
  }

  async function deliver(saved: SavedResponse, init: FetchRequestInit, spent: boolean) {
    if (stopped) return { outcome: { kind: "cut" } as Outcome, sentAnotherWay: false };
    const post: Post = { saved, abort: new AbortController(), fallingBack: false, keep: !spent };
    // A URL that already failed for good gets one more try (Slack allows 5 uses), and no second notice.
    const attempts = spent ? 1 : settings.attempts;
    posts.add(post);
    try {
      const outcome = await tryPost(saved.response.url, init, post.abort.signal, attempts);
      const sentAnotherWay = outcome.kind === "failed" && (await fallBack(post, outcome));
      return { outcome, sentAnotherWay };
    } finally {
      posts.delete(post);
      if (posts.size === 0) for (const resolve of whenIdle.splice(0)) resolve();
    }
  }

  const respondFetch: webApi.FetchFunction = async (url, init) => {
    const href = String(url);
    if (!init || !isResponsePost(href, init, options.apiUrl)) return inner(url, init);
    const asker = askers.recall(href, nowMs());
    const saved: SavedResponse = {
      kind: "response",
      response: {
        url: href,
        body: parseBody(String(init.body)),
        user: asker?.user ?? null,
        channel: asker?.channel ?? null,
      },
      firstTriedAt: options.now().toISOString(),
    };
    const { outcome, sentAnotherWay } = await deliver(saved, init, askers.isSpent(href, nowMs()));
    if (outcome.kind === "delivered") return outcome.response;
    if (sentAnotherWay) return synthetic(200, "sent another way");
    if (outcome.kind === "cut") return synthetic(503, "shutting down; kept for the next start");
    if (outcome.response) return outcome.response;
    throw outcome.error;
  };

  return {
    fetch: respondFetch,
    rememberAskers(body) {
      for (const { url, asker } of askersInBody(body)) askers.remember(url, asker, nowMs());
    },
    async redeliver(saved) {
      const age = nowMs() - Date.parse(saved.firstTriedAt);
      if (age > settings.urlLifetimeMs) {
        // Slack no longer honours the URL: straight to the user.
        const how = await sendResponseAnotherWay(saved.response, options.send, logger);
        logger.info("sent a saved reply whose response_url had expired", { how });
        return;
      }
      const { url } = saved.response;
      const { user, channel } = saved.response;
      if (user !== null) askers.remember(url, { user, channel }, nowMs());
      const init = {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(saved.response.body),
      };
      const { outcome, sentAnotherWay } = await deliver(saved, init, false);
      if (outcome.kind === "delivered") await outcome.response.arrayBuffer().catch(() => undefined);
      logger.info("redelivered a saved response_url reply", {
        outcome: sentAnotherWay ? "sent another way" : outcome.kind,
      });
    },
    async settle(deadline) {
      const left = Math.max(0, deadline.getTime() - Date.now());
      if (posts.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((resolve) => whenIdle.push(resolve)),
          new Promise<void>((resolve) => {
            timer = setTimeout(resolve, left);
          }),
        ]);
        clearTimeout(timer);
      }
      stopped = true;
      const unsent = [...posts].filter((p) => p.keep && !p.fallingBack);
      for (const post of posts) post.abort.abort();
      return unsent.map((p) => p.saved);
    },
    get pending() {
      return posts.size;
    },
  };
}
