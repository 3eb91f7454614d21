import type { App } from "@slack/bolt";
import { answerQuestion, failureMessageFor } from "../answer-question.ts";
import type { SlackMessage } from "../blocks/block-types.ts";
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
    const where = { channel: event.channel, threadTs: event.thread_ts ?? event.ts };
    let message: SlackMessage;
    try {
      const reply = answerQuestion(deps, stripBotMention(event.text, context.botUserId), {
        surface: "visible",
        gap: { user: event.user ?? null, channel: event.channel },
      });
      message = reply.kind === "help" ? helpReply(deps, subcommands) : reply.message;
    } catch (error) {
      // The asker hears what failed (a state database failure by name), not silence.
      logger.error("the mention could not be answered", { error });
      message = failureMessageFor(error);
    }
    await postReply(deps.delivery, logger, where, message, "mention-reply");
  });
}
