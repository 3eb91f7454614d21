import type { App, BlockButtonAction } from "@slack/bolt";
import { ACTION } from "../action-ids.ts";
import { historyMessage } from "../blocks/history-blocks.ts";
import { copy } from "../copy.ts";
import type { AppDeps } from "../deps.ts";
import { readButtonPress } from "./button-press.ts";
import { resolveAnswer } from "./resolve-answer.ts";

/** "Show history": the topic's figures over time, by source, just for whoever pressed it. */
export function registerShowHistory(app: App, deps: AppDeps): void {
  app.action<BlockButtonAction>(ACTION.history, async ({ ack, body, action, respond }) => {
    await ack();
    const press = await readButtonPress(deps, body, action, respond, "history");
    if (!press) return;
    const match = resolveAnswer(deps.core, press.value);
    const curation = deps.curation.reviewChannel !== null;
    const message = match ? historyMessage(match, { curation }) : { text: copy.history.gone };
    await respond({
      response_type: "ephemeral",
      replace_original: false,
      ...(press.threadTs ? { thread_ts: press.threadTs } : {}),
      ...message,
    });
  });
}
