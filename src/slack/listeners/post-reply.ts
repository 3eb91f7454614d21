import type { Logger } from "../../log/logger.ts";
import type { SlackMessage } from "../blocks/block-types.ts";
import type { ReplyDelivery } from "../delivery/delivery-types.ts";

/**
 * Posts a reply through the channel's delivery lane (retried, timed out, never stuck behind another
 * channel); a failure (not_in_channel, a revoked token…) is logged with where it was going.
 */
export async function postReply(
  delivery: ReplyDelivery,
  logger: Logger,
  where: { channel: string; threadTs?: string | undefined },
  message: SlackMessage,
  purpose: string,
): Promise<void> {
  const result = await delivery.send({
    method: "chat.postMessage",
    args: {
      channel: where.channel,
      ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
    },
    purpose,
  });
  if (!result.ok) {
    logger.error("could not post a reply", {
      error: result.error,
      final: result.final,
      channel: where.channel,
      threadTs: where.threadTs,
    });
  }
}
