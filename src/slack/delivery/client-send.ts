import type { webApi } from "@slack/bolt";
import type { ReplyDelivery } from "./delivery-types.ts";
import type { SendMessage } from "./response-fallback.ts";

/**
 * Sends a message with a plain Web API client call, for where no `ReplyDelivery` is at hand: Slack's
 * refusal (`{ ok: false, error }`) is final, anything else (network, 5xx after the client's retries) is not.
 */
export function sendThroughClient(client: () => webApi.WebClient): SendMessage {
  return async (message) => {
    try {
      const result = await client().apiCall(message.method, message.args);
      const ts = "ts" in result ? result.ts : null;
      return { ok: true, ts: typeof ts === "string" ? ts : null };
    } catch (error) {
      const code = (error as { data?: { error?: unknown } }).data?.error;
      return typeof code === "string"
        ? { ok: false, error: code, final: true }
        : { ok: false, error: (error as Error).message, final: false };
    }
  };
}

/**
 * The app's reply delivery when it has one (per-channel lanes, retries, a drain at shutdown), else plain
 * client calls. Read loosely so that this works whether or not `AppDeps` carries a delivery yet.
 */
export function replySender(
  deps: object,
  client: () => webApi.WebClient,
): { send: SendMessage; delivery: ReplyDelivery | null } {
  const delivery = (deps as { delivery?: ReplyDelivery }).delivery ?? null;
  return delivery
    ? { send: (message) => delivery.send(message), delivery }
    : { send: sendThroughClient(client), delivery: null };
}
