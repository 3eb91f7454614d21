import type { App, BlockButtonAction } from "@slack/bolt";
import { SUGGESTION_ACTION } from "../action-ids.ts";
import { copy } from "../copy.ts";
import type { AppDeps } from "../deps.ts";
import { replyForAnswer } from "../reply-for-answer.ts";
import { readButtonPress } from "./button-press.ts";

/**
 * A "did you mean" button: the no-match message becomes the answer to the suggested topic, staying
 * private if it was private.
 */
export function registerAnswerSuggestion(app: App, deps: AppDeps): void {
  app.action<BlockButtonAction>(SUGGESTION_ACTION, async ({ ack, body, action, respond }) => {
    await ack();
    const press = await readButtonPress(deps, body, action, respond, "suggestion");
    if (!press) return;
    const answer = press.value.t === null ? null : deps.core.answerTopic(press.value.t);
    if (!answer) {
      await respond({ response_type: "ephemeral", replace_original: false, text: copy.history.gone });
      return;
    }
    press.logger.info("answered a suggestion", { question: press.value.q, topic: press.value.t });
    const message = replyForAnswer(answer, {
      surface: press.isEphemeral ? "ephemeral" : "visible",
      question: press.value.q,
      staleDays: deps.config.staleDays,
    });
    await respond({
      response_type: press.isEphemeral ? "ephemeral" : "in_channel",
      replace_original: true,
      ...message,
    });
  });
}
