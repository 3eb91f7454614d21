import type { App } from "@slack/bolt";
import { answerQuestion, failureMessageFor } from "../answer-question.ts";
import { helpReply } from "../blocks/help-reply.ts";
import type { AppDeps } from "../deps.ts";
import type { SubcommandHandler } from "./subcommands.ts";

/**
 * `/tally …`: acks first (Slack gives up after 3 seconds), then answers through the response_url,
 * ephemerally, so that only the asker sees it until they share it.
 */
export function registerTallyCommand(
  app: App,
  deps: AppDeps,
  subcommands: Record<string, SubcommandHandler>,
): void {
  app.command("/tally", async ({ command, ack, respond, client }) => {
    await ack();
    const logger = deps.logger.child({
      surface: "slash-command",
      channel: command.channel_id,
      user: command.user_id,
    });
    const text = (command.text ?? "").trim();
    const [first = ""] = text.split(/\s+/, 1);
    const word = first.toLowerCase();
    try {
      if (word === "" || word === "help") {
        await respond({
          response_type: "ephemeral",
          replace_original: false,
          ...helpReply(deps, subcommands),
        });
        return;
      }
      const args = text.slice(first.length).trim();
      const subcommand = Object.hasOwn(subcommands, word) ? subcommands[word] : undefined;
      if (subcommand && (subcommand.accepts?.(args) ?? true)) {
        logger.info("running a subcommand", { subcommand: word });
        await subcommand.run({
          args,
          command,
          respond,
          client,
          deps,
          logger,
        });
        return;
      }
      const reply = answerQuestion(deps, text, {
        surface: "ephemeral",
        gap: { user: command.user_id, channel: command.channel_id },
      });
      const message = reply.kind === "help" ? helpReply(deps, subcommands) : reply.message;
      await respond({ response_type: "ephemeral", replace_original: false, ...message });
    } catch (error) {
      logger.error("the /tally command failed", { error, text });
      // Named when the state database failed it: the person must not take a lost write for done.
      const message = failureMessageFor(error);
      await respond({ response_type: "ephemeral", replace_original: false, ...message }).catch(
        (respondError: unknown) =>
          logger.error("could not tell the user about the failure", { error: respondError }),
      );
    }
  });
}
