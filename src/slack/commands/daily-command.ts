import { parseDailyArgs } from "../../schedule/parse-daily-args.ts";
import type { AppDeps } from "../deps.ts";
import { slackTextToPlain } from "../slack-text.ts";
import { dailyCopy as copy } from "../summary-copy.ts";
import type { SubcommandHandler } from "./subcommands.ts";

/**
 * `/tally daily HH:MM [Area/City]` subscribes the channel to a daily summary, posted and pinned at that
 * local time from its next occurrence; `/tally daily` shows the subscription; `/tally daily off` ends it.
 * Bad input changes nothing and says what was wrong.
 */
export function dailySubcommand(deps: AppDeps): SubcommandHandler {
  return {
    usage: "daily HH:MM [Area/City]",
    // "off", nothing, or something that starts like a time ("7:30", "25:00" gets its error message).
    accepts: (args) => args === "" || /^(off|\d{1,2}[:.h]?\d{0,2})(\s|$)/i.test(args),
    description:
      "Post and pin the summary here every day at that time; `daily` shows it, `daily off` stops it.",
    async run({ args, command, respond, logger }) {
      const reply = (text: string) => respond({ response_type: "ephemeral", replace_original: false, text });
      const channel = command.channel_id;
      const parsed = parseDailyArgs(slackTextToPlain(args), deps.config.timeZone);
      switch (parsed.kind) {
        case "show": {
          const sub = await deps.store.getSubscription(channel);
          await reply(sub ? copy.show(sub) : copy.none);
          return;
        }
        case "off": {
          const ended = await deps.store.deleteSubscription(channel);
          if (ended) logger.info("daily summary ended", { channel });
          await reply(ended ? copy.off : copy.alreadyOff);
          return;
        }
        case "set": {
          const sub = await deps.store.upsertSubscription(
            { channel, time: parsed.time, timeZone: parsed.timeZone, subscribedBy: command.user_id },
            deps.now(),
          );
          logger.info("daily summary set", { channel, time: sub.time, timeZone: sub.timeZone });
          await reply(copy.subscribed(sub.time, sub.timeZone));
          return;
        }
        case "invalid": {
          const message =
            parsed.problem === "time-format"
              ? copy.timeFormat(parsed.input)
              : parsed.problem === "time-range"
                ? copy.timeRange(parsed.input)
                : parsed.problem === "zone"
                  ? copy.zone(parsed.input)
                  : copy.usage;
          await reply(message);
          return;
        }
      }
    },
  };
}
