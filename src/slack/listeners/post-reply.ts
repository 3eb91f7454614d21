import type { webApi } from "@slack/bolt";
import type { Logger } from "../../log/logger.ts";
import type { SlackMessage } from "../blocks/block-types.ts";

/** Posts a reply; a failure (not_in_channel, a revoked token…) is logged with where it was going. */
export async function postReply(
  client: webApi.WebClient,
  logger: Logger,
  where: { channel: string; threadTs?: string | undefined },
  message: SlackMessage,
): Promise<void> {
  try {
    await client.chat.postMessage({
      channel: where.channel,
      ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
  } catch (error) {
    logger.error("could not post a reply", { error, channel: where.channel, threadTs: where.threadTs });
  }
}
