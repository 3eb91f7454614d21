import type { App } from "@slack/bolt";
import { answerQuestion } from "../answer-question.ts";
import { helpReply } from "../blocks/help-reply.ts";
import type { SubcommandHandler } from "../commands/subcommands.ts";
import type { AppDeps } from "../deps.ts";
import { stripBotMention } from "../slack-text.ts";
import { isHumanMessage } from "./is-human-message.ts";
import { postReply } from "./post-reply.ts";

/** `@Tally how many …?` in a channel: the answer goes in a thread under the mention (or its thread). */
export function registerMentions(
  app: App,
  deps: AppDeps,
  subcommands: Record<string, SubcommandHandler>,
): void {
  app.event("app_mention", async ({ event, context }) => {
    // A DM that mentions Tally is answered as a DM; answering the mention too would answer twice.
    if (event.channel.startsWith("D")) return;
    if (!isHumanMessage(event, context.botUserId)) return;
    const logger = deps.logger.child({ surface: "mention", channel: event.channel, user: event.user });
    const reply = answerQuestion(deps, stripBotMention(event.text, context.botUserId), {
      surface: "visible",
      gap: { user: event.user ?? null, channel: event.channel },
    });
    const message = reply.kind === "help" ? helpReply(deps, subcommands) : reply.message;
    await postReply(
      deps.delivery,
      logger,
      { channel: event.channel, threadTs: event.thread_ts ?? event.ts },
      message,
      "mention-reply",
    );
  });
}
