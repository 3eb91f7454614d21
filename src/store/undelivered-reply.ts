/**
 * What the outbox keeps: replies still undelivered when Tally shut down, for the next start to send. Plain
 * data (the Web API method and its arguments, or a response_url and its body), so the store holds it as
 * JSON without knowing Slack; reply delivery (src/slack/delivery/) makes and sends them.
 */

/** One Web API call that puts a message in front of someone: what the outbox keeps if shutdown comes first. */
export interface OutgoingMessage {
  method: "chat.postMessage" | "chat.postEphemeral";
  /** The Web API arguments, JSON-serialisable (channel, text, blocks, thread_ts, user…). */
  args: { channel: string } & Record<string, unknown>;
  /** What it is, for logs: "mention-reply", "flag-reply", "summary"… */
  purpose: string;
}

/** A response_url post not delivered before shutdown (Slack honours a response_url for 30 minutes). */
export interface PendingResponse {
  url: string;
  body: Record<string, unknown>;
  /** Who and where, so that a reply that can no longer go through the URL can be sent another way. */
  user: string | null;
  channel: string | null;
}

/** What the outbox keeps: either kind of undelivered reply, with when it was first attempted. */
export type UndeliveredReply =
  | { kind: "message"; message: OutgoingMessage; firstTriedAt: string }
  | { kind: "response"; response: PendingResponse; firstTriedAt: string };
