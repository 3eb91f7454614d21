/**
 * The shapes shared by reply delivery (per-channel lanes, retries, timeouts) and graceful shutdown (what is
 * still undelivered is kept in the outbox, and the next start sends it). Types only.
 */

/** One Web API call that puts a message in front of someone: what the outbox keeps if shutdown comes first. */
export interface OutgoingMessage {
  method: "chat.postMessage" | "chat.postEphemeral";
  /** The Web API arguments, JSON-serialisable (channel, text, blocks, thread_ts, user…). */
  args: { channel: string } & Record<string, unknown>;
  /** What it is, for logs: "mention-reply", "flag-reply", "summary"… */
  purpose: string;
}

export type DeliveryResult =
  | { ok: true; ts: string | null }
  /** `final`: Slack refused it for good (not_in_channel…); false when it was cut short by shutdown. */
  | { ok: false; error: string; final: boolean };

export interface ReplyDelivery {
  /** Queues the message in its channel's lane; resolves once delivered, refused for good, or drained. */
  send(message: OutgoingMessage): Promise<DeliveryResult>;
  /** Adds a reaction in its own lane: it never waits in front of a reply, and a failure is only logged. */
  react(args: { channel: string; timestamp: string; name: string }): void;
  /**
   * For shutdown: takes no new work, lets what is queued and in flight finish (with its retries) until
   * `deadline`, then resolves with the messages still undelivered, which no lane will send any more.
   */
  drain(deadline: Date): Promise<OutgoingMessage[]>;
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
