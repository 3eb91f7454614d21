/**
 * `app.message` sees every message subtype: edits, deletions, joins, bot posts, Tally's own replies.
 * Only a person's new message is a question (or, for flagging, a claim to check).
 */
export interface MessageLike {
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
}

/** Subtypes that are still a person writing something new. */
const HUMAN_SUBTYPES = new Set(["thread_broadcast", "file_share"]);

export function isHumanMessage(message: MessageLike, botUserId: string | undefined): boolean {
  if (message.subtype !== undefined && !HUMAN_SUBTYPES.has(message.subtype)) return false;
  if (message.bot_id) return false;
  if (!message.user || message.user === botUserId) return false;
  return typeof message.text === "string" && message.text.trim() !== "";
}
