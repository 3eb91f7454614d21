import type { App } from "@slack/bolt";
import type { ClaimsIndex } from "../../claims/claims-index.ts";
import { createChannelRateLimiter } from "../../flag/channel-rate-limit.ts";
import { flagConfig } from "../../flag/flag-config.ts";
import { buildFlagVocabulary, type FlagVocabulary } from "../../flag/flag-vocabulary.ts";
import { planFlagReply } from "../../flag/plan-flag-reply.ts";
import type { Logger } from "../../log/logger.ts";
import type { FlagMode, FlagRecord } from "../../store/store.ts";
import type { AppDeps } from "../deps.ts";
import { flagCopy } from "../flag-copy.ts";
import { isHumanMessage } from "./is-human-message.ts";

/** Conversations whose messages Tally checks: public and private channels, never DMs or group DMs. */
const CHANNEL_TYPES = new Set(["channel", "group"]);

/**
 * Reads every person's new message in the channels Tally is in, and flags unsourced figures: one thread
 * reply plus a reaction ("on", the default), or a reaction plus a note only the author sees ("quiet").
 * Retried deliveries never get here twice: skip-redelivered-events.ts marks each event id in the store
 * before any listener runs, which holds across restarts; and a message is flagged once even when it comes
 * under two event ids, as (channel, ts) is claimed in the store too. Every flag is recorded, rate-limited
 * ones too; the per-channel limit is counted in the store, so it holds across instances sharing the database.
 * The reply goes first; the reaction has a lane of its own and is never waited for.
 */
export function registerFlagMessages(app: App, deps: AppDeps): void {
  const limiter = createChannelRateLimiter({
    limit: flagConfig.maxFlagsPerChannel,
    windowMs: flagConfig.rateWindowMs,
    store: deps.store,
  });
  // The detector reads the index's sources and words; rebuilt only when a reload brings a new index.
  let built: { index: ClaimsIndex; vocabulary: FlagVocabulary } | null = null;
  const vocabularyOf = (index: ClaimsIndex): FlagVocabulary => {
    if (built?.index !== index) built = { index, vocabulary: buildFlagVocabulary(index) };
    return built.vocabulary;
  };

  app.message(async ({ message, context }) => {
    if (!CHANNEL_TYPES.has(message.channel_type)) return;
    if (!isHumanMessage(message, context.botUserId)) return;
    // isHumanMessage has checked these exist; the union type of `message` cannot know that.
    const {
      text = "",
      user,
      channel,
      ts,
    } = message as { text?: string; user: string; channel: string; ts: string };
    // A message to Tally is a question for the mentions listener, not a claim to check.
    if (context.botUserId && text.includes(`<@${context.botUserId}`)) return;
    const threadTs =
      "thread_ts" in message && typeof message.thread_ts === "string" ? message.thread_ts : null;
    const logger = deps.logger.child({ surface: "flag", channel, user });

    const mode = await readMode(deps, channel, logger);
    if (mode === "off") return;
    const plan = planFlagReply(text, deps.core, vocabularyOf(deps.core.index()));
    if (!plan) return;
    if (!(await claimMessage(deps, logger, channel, ts))) return;

    const flag: FlagRecord = {
      channel,
      messageTs: ts,
      threadTs,
      user,
      figures: plan.figures.map((f) => f.figure.text),
      outcome: mode === "on" ? "flagged" : "quiet",
      at: deps.now().toISOString(),
    };
    // Taking the slot records the flag with the outcome it is about to have.
    let taken: boolean;
    try {
      taken = await limiter.tryTake(flag);
    } catch (error) {
      // Without the count, stay silent rather than risk flooding the channel.
      logger.error("could not check the flag limit", { error });
      return;
    }
    if (!taken) {
      logger.info("flag rate-limited", { figures: plan.figures.length });
      await saveFlag(deps, logger, { ...flag, outcome: "rate-limited" });
      return;
    }
    const delivered = deps.delivery.send(
      mode === "on"
        ? {
            method: "chat.postMessage",
            args: {
              channel,
              thread_ts: threadTs ?? ts,
              text: flagCopy.threadReply(plan.figures, flagConfig.maxFiguresPerReply),
              unfurl_links: false,
              unfurl_media: false,
            },
            purpose: "flag-reply",
          }
        : {
            method: "chat.postEphemeral",
            args: {
              channel,
              user,
              text: flagCopy.quietNote(plan.figures, flagConfig.maxFiguresPerReply),
              ...(threadTs ? { thread_ts: threadTs } : {}),
            },
            purpose: "flag-note",
          },
    );
    // Queued after the reply, in a lane of its own: already_reacted, no_permission… are only logged.
    deps.delivery.react({ channel, timestamp: ts, name: flagConfig.reaction });
    const result = await delivered;
    if (result.ok) {
      logger.info("flagged unsourced figures", { mode, figures: plan.figures.length });
      return;
    }
    logger.error("could not post a flag", { error: result.error, final: result.final, mode });
    await deps.store
      .setFlagOutcome(channel, ts, "failed")
      .catch((failed: unknown) =>
        logger.error("could not record a flag", { error: failed, outcome: "failed" }),
      );
  });
}

/** The name app.ts and the brief use for a surface's hook. */
export const register = registerFlagMessages;

async function readMode(deps: AppDeps, channel: string, logger: Logger): Promise<FlagMode> {
  try {
    return await deps.store.flagMode(channel);
  } catch (error) {
    // Without the setting, stay silent rather than flag a channel that may have turned it off.
    logger.error("could not read the flag mode", { error });
    return "off" as const;
  }
}

/**
 * The same message can arrive under two event ids (Slack sends some twice, and instances share the work):
 * claims (channel, ts) in the store, so that one of them, on one instance, flags it.
 */
async function claimMessage(deps: AppDeps, logger: Logger, channel: string, ts: string): Promise<boolean> {
  try {
    const first = await deps.store.markEventSeen(`flag:${channel}:${ts}`, deps.now());
    if (!first) logger.info("skipped a message already flagged", { ts });
    return first;
  } catch (error) {
    // Without the claim, stay silent rather than risk flagging twice, as with the limit below.
    logger.error("could not claim a message for flagging", { error, ts });
    return false;
  }
}

async function saveFlag(deps: AppDeps, logger: Logger, flag: FlagRecord): Promise<void> {
  try {
    await deps.store.recordFlag(flag);
  } catch (error) {
    logger.error("could not record a flag", { error, outcome: flag.outcome });
  }
}
