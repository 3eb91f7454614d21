import type { App, BlockButtonAction } from "@slack/bolt";
import { SUGGESTION_ACTION } from "../action-ids.ts";
import { type PickedTopic, pickedFrom } from "../blocks/button-value.ts";
import { copy } from "../copy.ts";
import type { AppDeps } from "../deps.ts";
import { replyForAnswer } from "../reply-for-answer.ts";
import { readButtonPress } from "./button-press.ts";
import { claimPress } from "./claim-press.ts";

/**
 * A "did you mean" button, or the earliest figure offered for a date before it: the no-match message
 * becomes the answer to the topic picked, captioned with that topic, staying private if it was private.
 */
export function registerAnswerSuggestion(app: App, deps: AppDeps): void {
  app.action<BlockButtonAction>(SUGGESTION_ACTION, async ({ ack, body, action, respond }) => {
    await ack();
    const press = await readButtonPress(deps, body, action, respond, "suggestion");
    if (!press) return;
    // On a message in the channel the answer is posted for everyone to see: once per press.
    const claim = { actionTs: action.action_ts, userId: press.userId };
    if (!press.isEphemeral && !(await claimPress(deps, claim, press.logger))) return;
    // Buttons made before values said how they were picked are all suggestions.
    const picked: PickedTopic = pickedFrom(press.value) ?? { kind: "suggestion" };
    const answer =
      press.value.t === null
        ? null
        : deps.core.answerTopic(press.value.t, picked.asOf ? { asOf: picked.asOf } : {});
    if (!answer) {
      await respond({ response_type: "ephemeral", replace_original: false, text: copy.history.gone });
      return;
    }
    press.logger.info("answered a suggestion", {
      question: press.value.q,
      topic: press.value.t,
      picked: picked.kind,
    });
    const message = replyForAnswer(answer, {
      surface: press.isEphemeral ? "ephemeral" : "visible",
      question: press.value.q,
      staleDays: deps.config.staleDays,
      picked,
    });
    await respond({
      response_type: press.isEphemeral ? "ephemeral" : "in_channel",
      replace_original: true,
      ...message,
    });
  });
}
