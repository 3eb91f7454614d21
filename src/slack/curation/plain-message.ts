import type { SlackMessage } from "../blocks/block-types.ts";

/** A one-section message: for the short notes curation sends (already escaped mrkdwn from the copy). */
export const plainMessage = (text: string): SlackMessage => ({
  text,
  blocks: [{ type: "section", text: { type: "mrkdwn", text } }],
});
