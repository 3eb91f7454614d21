import { z } from "zod";
import type { AppDeps } from "../deps.ts";
import { flagCopy as copy } from "../flag-copy.ts";
import { slackTextToPlain } from "../slack-text.ts";
import type { SubcommandHandler } from "./subcommands.ts";

const FlagArgsSchema = z.union([z.literal(""), z.enum(["on", "quiet", "off"])]);

/**
 * `/tally flag` shows whether Tally flags unsourced figures in this channel; `/tally flag on|quiet|off`
 * changes it. A change is announced to the channel, since it changes what everyone there sees.
 */
export function flagSubcommand(deps: AppDeps): SubcommandHandler {
  return {
    usage: "flag [on|quiet|off]",
    description:
      "Flag unsourced figures here: `on` replies in the thread, `quiet` tells only the author, `off` stops.",
    async run({ args, command, respond, logger }) {
      const ephemeral = (text: string) =>
        respond({ response_type: "ephemeral", replace_original: false, text });
      const parsed = FlagArgsSchema.safeParse(slackTextToPlain(args).trim().toLowerCase());
      if (!parsed.success) {
        await ephemeral(copy.usage);
        return;
      }
      const channel = command.channel_id;
      if (channel.startsWith("D")) {
        await ephemeral(copy.notInChannel);
        return;
      }
      if (parsed.data === "") {
        await ephemeral(copy.modeIs(await deps.store.flagMode(channel)));
        return;
      }
      try {
        await deps.store.setFlagMode(channel, parsed.data);
      } catch (error) {
        logger.error("could not save the flag mode", { error, channel });
        await ephemeral(copy.storeFailed);
        return;
      }
      logger.info("flag mode set", { channel, mode: parsed.data, by: command.user_id });
      await respond({
        response_type: "in_channel",
        replace_original: false,
        text: copy.modeSet(parsed.data),
      });
    },
  };
}
