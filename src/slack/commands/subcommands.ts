import type { RespondFn, SlashCommand, webApi } from "@slack/bolt";
import type { Logger } from "../../log/logger.ts";
import { addSubcommand, gapsSubcommand } from "../curation/curation-commands.ts";
import type { AppDeps } from "../deps.ts";
import { dailySubcommand } from "./daily-command.ts";
import { flagSubcommand } from "./flag-command.ts";
import { summarySubcommand } from "./summary-command.ts";
import { unwatchSubcommand, watchSubcommand } from "./watch-command.ts";

export interface SubcommandContext {
  /** What followed the subcommand word, trimmed, still in Slack's encoding (parse it with zod). */
  args: string;
  command: SlashCommand;
  /** Replies through the command's response_url; already acked, so take your time (30 minutes). */
  respond: RespondFn;
  client: webApi.WebClient;
  deps: AppDeps;
  logger: Logger;
}

/** A `/tally <word> …` command. The router acks before calling `run`. */
export interface SubcommandHandler {
  /** As typed after `/tally`, for the help: "watch <topic>". */
  usage: string;
  /** One line for the help. */
  description: string;
  /**
   * Whether the words after the subcommand are its own. When not, the whole text is a question
   * ("/tally daily deaths in the floods" asks about daily deaths). Absent means always.
   */
  accepts?(args: string): boolean;
  run(ctx: SubcommandContext): Promise<void>;
}

/**
 * The `/tally` subcommands, keyed by their (lower-case) first word. Each later feature adds one entry
 * here, built from deps. "help" is the router's own; any other first word starts a question.
 */
export function buildSubcommands(deps: AppDeps): Record<string, SubcommandHandler> {
  return {
    summary: summarySubcommand(deps),
    daily: dailySubcommand(deps),
    watch: watchSubcommand(deps),
    unwatch: unwatchSubcommand(deps),
    flag: flagSubcommand(deps),
    add: addSubcommand(deps),
    gaps: gapsSubcommand(deps),
  };
}
