import type { Logger } from "../../src/log/logger.ts";
import { createDeliveryClient } from "../../src/slack/delivery/delivery-client.ts";
import type { ReplyDelivery } from "../../src/slack/delivery/delivery-types.ts";
import { createReplyDelivery } from "../../src/slack/delivery/reply-delivery.ts";

/**
 * Reply delivery to a fake Slack, wired as main.ts wires it. On the wall clock, not a test's frozen one:
 * delivery only reads the clock to know how long a drain may wait.
 */
export function testDelivery(apiUrl: string, logger: Logger, botToken = "xoxb-test-token"): ReplyDelivery {
  return createReplyDelivery({
    client: createDeliveryClient({ botToken, apiUrl, logger }),
    logger,
    now: () => new Date(),
  });
}
