import type { App, BlockButtonAction } from "@slack/bolt";
import { ACTION } from "../action-ids.ts";
import { copy } from "../copy.ts";
import type { AppDeps } from "../deps.ts";
import { readButtonPress } from "./button-press.ts";

/** "Not what I asked": kept (question and topic) for the desk that curates the index, and logged. */
export function registerNotWhatIAsked(app: App, deps: AppDeps): void {
  app.action<BlockButtonAction>(ACTION.notWhatIAsked, async ({ ack, body, action, respond }) => {
    await ack();
    const press = await readButtonPress(deps, body, action, respond, "feedback");
    if (!press) return;
    const feedback = {
      channel: press.channelId,
      user: press.userId,
      question: press.value.q,
      topicId: press.value.t,
      kind: "not-what-i-asked" as const,
      at: deps.now().toISOString(),
    };
    try {
      await deps.store.recordFeedback(feedback);
    } catch (error) {
      press.logger.error("could not store feedback", { error });
    }
    await deps.curation.desk
      .recordGap({ ...feedback, kind: "not-what-i-asked" })
      .catch((error: unknown) => press.logger.error("could not record feedback for the desk", { error }));
    press.logger.info("not what I asked", { question: feedback.question, topic: feedback.topicId });
    await respond({
      response_type: "ephemeral",
      replace_original: false,
      ...(press.threadTs ? { thread_ts: press.threadTs } : {}),
      text: copy.feedback.thanks,
    });
  });
}
