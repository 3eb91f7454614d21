import type { Logger } from "../log/logger.ts";
import type { OutboxStore } from "../store/store.ts";
import type { SendMessage } from "./delivery/response-fallback.ts";
import type { ResponseUrlDelivery } from "./delivery/response-url-fetch.ts";

export const REDELIVERY_SETTINGS = Object.freeze({
  /** Replies taken from the outbox at a time; each batch is sent before the next is taken. */
  batch: 100,
});

export interface RedeliveryParts {
  outbox: Pick<OutboxStore, "takeUndelivered">;
  /** Messages go back through reply delivery (its lanes and retries). */
  send: SendMessage;
  /** Responses go back through their response_url, or another way once Slack no longer honours it. */
  responses: Pick<ResponseUrlDelivery, "redeliver">;
  logger: Logger;
  /** True once shutdown has begun: nothing more is taken (what was taken is in delivery's hands). */
  stopping?: () => boolean;
  batch?: number;
}

/**
 * At start-up, once the app is up: sends what the last shutdown left in the outbox. Taking removes the rows,
 * so that two instances starting together never both send a reply.
 */
export async function redeliverOutbox(parts: RedeliveryParts): Promise<{ sent: number; failed: number }> {
  const { logger } = parts;
  const batch = parts.batch ?? REDELIVERY_SETTINGS.batch;
  let sent = 0;
  let failed = 0;
  while (!(parts.stopping?.() ?? false)) {
    const taken = await parts.outbox.takeUndelivered(batch);
    for (const bad of taken.unreadable) {
      logger.warn("dropped an unreadable reply from the outbox", { id: bad.id, reason: bad.reason });
    }
    if (taken.replies.length === 0 && taken.unreadable.length === 0) break;
    const outcomes = await Promise.all(
      taken.replies.map(async (reply) => {
        try {
          if (reply.kind === "response") {
            await parts.responses.redeliver(reply);
            return true;
          }
          const result = await parts.send(reply.message);
          if (!result.ok) {
            logger.error("could not send a saved reply", {
              purpose: reply.message.purpose,
              channel: reply.message.args.channel,
              error: result.error,
            });
          }
          return result.ok;
        } catch (error) {
          logger.error("could not send a saved reply", { kind: reply.kind, error });
          return false;
        }
      }),
    );
    sent += outcomes.filter(Boolean).length;
    failed += outcomes.filter((ok) => !ok).length;
  }
  if (sent + failed > 0) logger.info("sent the replies saved at the last shutdown", { sent, failed });
  return { sent, failed };
}
