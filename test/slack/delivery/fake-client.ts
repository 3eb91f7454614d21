/**
 * A Web API client for delivery tests: records each call with the fake time it started, and answers with
 * whatever the test's `answer` returns: a result, or one of the errors @slack/web-api throws.
 */
export interface FakeCall {
  method: string;
  args: Record<string, unknown>;
  at: number;
}

export function fakeClient(
  clock: { ms: number },
  answer: (call: FakeCall, index: number) => Promise<unknown>,
) {
  const calls: FakeCall[] = [];
  return {
    calls,
    callsIn: (channel: string, method = "chat.postMessage") =>
      calls.filter((c) => c.args.channel === channel && c.method === method),
    apiCall(method: string, args: Record<string, unknown>): Promise<unknown> {
      const call = { method, args, at: clock.ms };
      calls.push(call);
      return answer(call, calls.length - 1);
    },
  };
}

let tsCount = 0;
export const posted = () =>
  Promise.resolve({ ok: true, ts: `1700000000.${String(++tsCount).padStart(6, "0")}` });
/** What the client throws for a 429 when it hands rate limits back (`rejectRateLimitedCalls`). */
export const rateLimited = (retryAfterSeconds: number) =>
  Promise.reject(
    Object.assign(new Error("rate limited"), {
      code: "slack_webapi_rate_limited_error",
      retryAfter: retryAfterSeconds,
    }),
  );
/** `{ ok: false, error }` from Slack. */
export const refused = (error: string) =>
  Promise.reject(
    Object.assign(new Error(`An API error occurred: ${error}`), {
      code: "slack_webapi_platform_error",
      data: { ok: false, error },
    }),
  );
export const httpError = (statusCode: number) =>
  Promise.reject(
    Object.assign(new Error(`HTTP ${statusCode}`), { code: "slack_webapi_http_error", statusCode }),
  );
/** A call Slack never answers. */
export const stalled = () => new Promise<never>(() => {});
