/**
 * What a failed Web API call means for delivery: wait out a 429, retry a passing fault, or stop. Reads the
 * errors @slack/web-api throws (by their `code`, so a test's fake client can throw the same shapes).
 */
export type SlackFailure =
  /** 429: the channel's lane pauses for Retry-After, then tries again. */
  | { kind: "rate-limited"; error: "ratelimited"; retryAfterMs: number }
  /** 5xx, a network error, a timeout: worth another try after a backoff. */
  | { kind: "transient"; error: string }
  /** Slack refused it for good (not_in_channel, channel_not_found, is_archived, invalid_blocks…). */
  | { kind: "final"; error: string };

/** Thrown by a lane when a call outlives its timeout. */
export class DeliveryTimeoutError extends Error {
  readonly code = "delivery_timeout";
  constructor(ms: number) {
    super(`no answer from Slack within ${ms} ms`);
  }
}

/** Platform errors (HTTP 200, `ok: false`) that mean "Slack had a problem", not "this request is wrong". */
const TRANSIENT_PLATFORM_ERRORS = new Set([
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
  "ratelimited",
  "rate_limited",
]);

interface ErrorLike {
  code?: unknown;
  data?: { error?: unknown };
  retryAfter?: unknown;
  statusCode?: unknown;
  original?: { name?: unknown; message?: unknown };
  message?: unknown;
}

export function classifySlackFailure(error: unknown): SlackFailure {
  const e = (typeof error === "object" && error !== null ? error : {}) as ErrorLike;
  switch (e.code) {
    case "slack_webapi_rate_limited_error": {
      const seconds = typeof e.retryAfter === "number" && e.retryAfter >= 0 ? e.retryAfter : 1;
      return { kind: "rate-limited", error: "ratelimited", retryAfterMs: seconds * 1000 };
    }
    case "slack_webapi_platform_error": {
      const code = typeof e.data?.error === "string" ? e.data.error : "unknown_error";
      return TRANSIENT_PLATFORM_ERRORS.has(code)
        ? { kind: "transient", error: code }
        : { kind: "final", error: code };
    }
    case "slack_webapi_http_error": {
      const status = typeof e.statusCode === "number" ? e.statusCode : 0;
      // Slack answers 200 or 429 on purpose; a 5xx (or 408) is its infrastructure, anything else is ours.
      const transient = status >= 500 || status === 408;
      return { kind: transient ? "transient" : "final", error: `http_${status}` };
    }
    case "slack_webapi_request_error": {
      const name = e.original?.name;
      const timedOut = name === "TimeoutError" || name === "AbortError";
      return { kind: "transient", error: timedOut ? "timeout" : "request_error" };
    }
    case "delivery_timeout":
      return { kind: "transient", error: "timeout" };
    default:
      // Not a Slack answer at all (a 429 without Retry-After, a reset socket): another try may do.
      return { kind: "transient", error: typeof e.code === "string" ? e.code : "unexpected_error" };
  }
}
