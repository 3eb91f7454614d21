import { webApi } from "@slack/bolt";
import type { Logger } from "../../log/logger.ts";
import { boltLogger } from "../bolt-logger.ts";
import { type DeliveryConfig, deliveryConfig } from "./delivery-config.ts";

/**
 * The Web API client replies go out through, apart from Bolt's (which views.open and the rest keep): Bolt's
 * pauses its whole queue on any 429 and retries for half an hour. This one hands every failure back at once
 * (a 429 too, with its Retry-After), so the channel lanes decide what waits, and gives up on a call after
 * the attempt timeout.
 */
export function createDeliveryClient(options: {
  botToken: string;
  apiUrl?: string | null;
  logger: Logger;
  /** The console's in-process fake Slack. */
  fetch?: webApi.FetchFunction;
  config?: DeliveryConfig;
}): webApi.WebClient {
  const config = options.config ?? deliveryConfig;
  return new webApi.WebClient(options.botToken, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: config.attempt.timeoutMs,
    maxRequestConcurrency: config.client.maxRequestConcurrency,
    logger: boltLogger(options.logger),
  });
}
