import type { Logger } from "../../log/logger.ts";
import type { AppDeps } from "../deps.ts";

/**
 * A press that posts where others see it is acted on once across every instance sharing the store: the
 * same signed request replayed (to another instance, or after a restart, where the edge's memory of
 * signatures does not reach) finds its claim taken. A genuine second press has a new action_ts.
 */
export async function claimPress(
  deps: AppDeps,
  press: { actionTs: string | undefined; userId: string },
  logger: Logger,
): Promise<boolean> {
  // Slack stamps every press; without a stamp there is nothing to tell a replay by.
  if (!press.actionTs) return true;
  try {
    const first = await deps.store.markEventSeen(`press:${press.actionTs}:${press.userId}`, deps.now());
    if (!first) logger.warn("ignored a press already acted on", { actionTs: press.actionTs });
    return first;
  } catch (error) {
    // As with event ids: better a rare duplicate post than a share lost to a store hiccup.
    logger.error("could not record a press", { error });
    return true;
  }
}
