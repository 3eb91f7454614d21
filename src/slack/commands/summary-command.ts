import type { KnownBlock } from "../blocks/block-types.ts";
import { LIMITS } from "../blocks/limits.ts";
import type { AppDeps } from "../deps.ts";
import { slackTextToPlain } from "../slack-text.ts";
import { summaryCommandCopy as copy } from "../summary-copy.ts";
import { createSummaryPoster, type PostOutcome, type SummaryPoster } from "../summary-poster.ts";
import type { SubcommandHandler } from "./subcommands.ts";

export function posterFor(deps: AppDeps): SummaryPoster {
  return createSummaryPoster({
    core: deps.core,
    store: deps.store,
    now: deps.now,
    logger: deps.logger.child({ surface: "summary" }),
    staleDays: deps.config.staleDays,
    defaultTimeZone: deps.config.timeZone,
  });
}

/** What to tell the person who ran `/tally summary post`. */
export function postOutcomeText(outcome: PostOutcome): string {
  if (outcome.ok) {
    if (outcome.pin.kind === "pinned") return copy.posted(true);
    if (outcome.pin.kind === "too_many_pins") return copy.tooManyPins;
    return copy.pinFailed(outcome.pin.error);
  }
  switch (outcome.failure) {
    case "not_in_channel":
      return copy.notInChannel;
    case "channel_not_found":
      return copy.channelNotFound;
    case "is_archived":
      return copy.archived;
    case "rate_limited":
      return copy.rateLimited;
    default:
      return copy.failed(outcome.error);
  }
}

/**
 * `/tally summary` previews this channel's summary, to the asker only; `/tally summary post` posts it
 * and pins it now. An on-demand post does not count as the day's scheduled summary.
 */
export function summarySubcommand(deps: AppDeps): SubcommandHandler {
  const poster = posterFor(deps);
  return {
    usage: "summary [post]",
    accepts: (args) => /^(post)?$/i.test(args.trim()),
    description: "Preview this channel's summary of key figures; `post` posts and pins it here.",
    async run({ args, command, respond, client, logger }) {
      const word = slackTextToPlain(args).trim().toLowerCase();
      const channel = command.channel_id;
      if (word === "") {
        const preview = await poster.preview(channel);
        const note: KnownBlock = { type: "context", elements: [{ type: "mrkdwn", text: copy.previewNote }] };
        // The note replaces the footer when the summary already uses every block.
        const blocks = [...preview.blocks.slice(0, LIMITS.blocks - 1), note];
        await respond({ response_type: "ephemeral", replace_original: false, text: preview.text, blocks });
        return;
      }
      if (word !== "post") {
        await respond({ response_type: "ephemeral", replace_original: false, text: copy.postUsage });
        return;
      }
      const outcome = await poster.post(client, channel);
      logger.info("summary posted on demand", {
        ok: outcome.ok,
        ...(outcome.ok ? {} : { error: outcome.error }),
      });
      await respond({ response_type: "ephemeral", replace_original: false, text: postOutcomeText(outcome) });
    },
  };
}
