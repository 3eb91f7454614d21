import type { App, BlockButtonAction } from "@slack/bolt";
import { ACTION } from "../action-ids.ts";
import { answerMessage } from "../blocks/answer-blocks.ts";
import { pickedView } from "../blocks/button-value.ts";
import { copy } from "../copy.ts";
import type { AppDeps } from "../deps.ts";
import { readButtonPress } from "./button-press.ts";
import { claimPress } from "./claim-press.ts";
import { resolveAnswer } from "./resolve-answer.ts";

/**
 * "Share in channel" on an ephemeral answer: posts the same answer visibly and removes the private copy.
 * Both go through the response_url, which works in every conversation the command could be typed in,
 * including channels Tally is not a member of. Each press posts once, however often its request arrives.
 */
export function registerShareAnswer(app: App, deps: AppDeps): void {
  app.action<BlockButtonAction>(ACTION.share, async ({ ack, body, action, respond }) => {
    await ack();
    const press = await readButtonPress(deps, body, action, respond, "share");
    if (!press) return;
    if (!(await claimPress(deps, { actionTs: action.action_ts, userId: press.userId }, press.logger))) return;
    const match = resolveAnswer(deps.core, press.value);
    if (!match) {
      await respond({ response_type: "ephemeral", replace_original: false, text: copy.history.gone });
      return;
    }
    const message = answerMessage(match, {
      surface: "visible",
      question: press.value.q,
      staleDays: deps.config.staleDays,
      askedBy: press.userId,
      ...pickedView(press.value),
    });
    await respond({ response_type: "in_channel", replace_original: false, ...message });
    press.logger.info("shared an answer", { topic: match.topic.id });
    await respond({ delete_original: true }).catch((error: unknown) =>
      press.logger.warn("could not remove the private copy after sharing", { error }),
    );
  });
}
