import type { App } from "@slack/bolt";
import { answerQuestion, failureMessageFor } from "../answer-question.ts";
import type { SlackMessage } from "../blocks/block-types.ts";
import { helpReply } from "../blocks/help-reply.ts";
import type { SubcommandHandler } from "../commands/subcommands.ts";
import type { AppDeps } from "../deps.ts";
import { stripBotMention } from "../slack-text.ts";
import { isHumanMessage } from "./is-human-message.ts";
import { postReply } from "./post-reply.ts";

/** A direct message to Tally is a question, answered in the DM (in its thread, if it was written in one). */
export function registerDirectMessages(
  app: App,
  deps: AppDeps,
  subcommands: Record<string, SubcommandHandler>,
): void {
  app.message(async ({ message, context }) => {
    if (message.channel_type !== "im") return;
    if (!isHumanMessage(message, context.botUserId)) return;
    // isHumanMessage has checked these exist; the union type of `message` cannot know that.
    const { text = "", user, channel } = message as { text?: string; user?: string; channel: string };
    const threadTs =
      "thread_ts" in message && typeof message.thread_ts === "string" ? message.thread_ts : undefined;
    const logger = deps.logger.child({ surface: "dm", channel, user });
    let replyMessage: SlackMessage;
    try {
      const reply = answerQuestion(deps, stripBotMention(text, context.botUserId), {
        surface: "visible",
        gap: { user: user ?? null, channel },
      });
      replyMessage = reply.kind === "help" ? helpReply(deps, subcommands) : reply.message;
    } catch (error) {
      // The asker hears what failed (a state database failure by name), not silence.
      logger.error("the direct message could not be answered", { error });
      replyMessage = failureMessageFor(error);
    }
    await postReply(deps.delivery, logger, { channel, threadTs }, replyMessage, "dm-reply");
  });
}
