import type { types } from "@slack/bolt";

export type KnownBlock = types.KnownBlock;
export type Button = types.Button;

/** What every Tally reply is: blocks, plus the `text` Slack shows in notifications and screen readers. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}
