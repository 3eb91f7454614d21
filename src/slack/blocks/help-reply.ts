import type { SubcommandHandler } from "../commands/subcommands.ts";
import type { AppDeps } from "../deps.ts";
import type { SlackMessage } from "./block-types.ts";
import { helpMessage } from "./help-blocks.ts";

/** The usage message, listing whichever subcommands are registered and what the index covers. */
export function helpReply(deps: AppDeps, subcommands: Record<string, SubcommandHandler>): SlackMessage {
  const commands = Object.values(subcommands).map((s) => ({ usage: s.usage, description: s.description }));
  let topics: ReturnType<AppDeps["core"]["topics"]> = [];
  try {
    topics = deps.core.topics();
  } catch (error) {
    deps.logger.error("could not list topics for the help", { error });
  }
  return helpMessage(commands, topics);
}
