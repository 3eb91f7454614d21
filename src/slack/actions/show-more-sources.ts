import type { App, BlockButtonAction } from "@slack/bolt";
import { ACTION } from "../action-ids.ts";
import { pickedFrom } from "../blocks/button-value.ts";
import { moreSourcesMessage } from "../blocks/more-sources-blocks.ts";
import { copy } from "../copy.ts";
import type { AppDeps } from "../deps.ts";
import { readButtonPress } from "./button-press.ts";
import { resolveAnswer } from "./resolve-answer.ts";

/** "Show N more": the sources an answer had no room for, just for whoever pressed it. */
export function registerShowMoreSources(app: App, deps: AppDeps): void {
  app.action<BlockButtonAction>(ACTION.more, async ({ ack, body, action, respond }) => {
    await ack();
    const press = await readButtonPress(deps, body, action, respond, "more-sources");
    if (!press) return;
    const match = resolveAnswer(deps.core, press.value);
    const message = match
      ? moreSourcesMessage(match, press.value.q, press.value.o ?? 0, pickedFrom(press.value))
      : { text: copy.history.gone };
    await respond({
      response_type: "ephemeral",
      replace_original: false,
      ...(press.threadTs ? { thread_ts: press.threadTs } : {}),
      ...message,
    });
  });
}
