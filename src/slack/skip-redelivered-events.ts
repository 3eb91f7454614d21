import type { App } from "@slack/bolt";
import type { AppDeps } from "./deps.ts";

/**
 * Slack redelivers an event it thinks was not acknowledged in time (X-Slack-Retry-Num, same event_id),
 * and Bolt does not de-duplicate. Each event id is acted on once; the store remembers the ids, so this
 * holds across restarts and across processes sharing the database.
 */
export function registerSkipRedeliveredEvents(app: App, deps: AppDeps): void {
  app.use(async ({ body, context, next }) => {
    const eventId =
      "event_id" in body && typeof body.event_id === "string" && body.type === "event_callback"
        ? body.event_id
        : null;
    if (eventId !== null) {
      let firstTime = true;
      try {
        firstTime = await deps.store.markEventSeen(eventId, deps.now());
      } catch (error) {
        // Better to risk a duplicate answer than to drop a question because the store hiccuped.
        deps.logger.error("could not record an event id", { error, eventId });
      }
      if (!firstTime) {
        deps.logger.info("skipped a redelivered event", { eventId, retryNum: context.retryNum ?? null });
        return;
      }
    }
    await next();
  });
}
