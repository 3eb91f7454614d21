import type { BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import type { Logger } from "../../log/logger.ts";
import { type ButtonValue, decodeButtonValue } from "../blocks/button-value.ts";
import { copy } from "../copy.ts";
import type { AppDeps } from "../deps.ts";

/** What every Tally button handler needs from a press, checked once. */
export interface ButtonPress {
  value: ButtonValue;
  userId: string;
  channelId: string | null;
  /** The thread the pressed message is in, so that replies land beside it. */
  threadTs: string | undefined;
  isEphemeral: boolean;
  logger: Logger;
}

interface Container {
  is_ephemeral?: boolean;
  thread_ts?: string;
}

/**
 * Reads a button press; when the value is not one Tally made (an old button, a forged payload) it tells
 * the user the button has expired and returns null.
 */
export async function readButtonPress(
  deps: AppDeps,
  body: BlockAction,
  action: ButtonAction,
  respond: RespondFn,
  surface: string,
): Promise<ButtonPress | null> {
  const container = (body.container ?? {}) as Container;
  const channelId = body.channel?.id ?? null;
  const logger = deps.logger.child({ surface, channel: channelId, user: body.user.id });
  const value = decodeButtonValue(action.value);
  if (!value) {
    logger.warn("a button press carried a value Tally did not make", { actionId: action.action_id });
    await respond({ response_type: "ephemeral", replace_original: false, text: copy.problems.expired });
    return null;
  }
  return {
    value,
    userId: body.user.id,
    channelId,
    threadTs: container.thread_ts ?? body.message?.thread_ts,
    isEphemeral: container.is_ephemeral === true,
    logger,
  };
}
