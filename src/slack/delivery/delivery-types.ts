/**
 * The shapes shared by reply delivery (per-channel lanes, retries, timeouts) and graceful shutdown (what is
 * still undelivered is kept in the outbox, and the next start sends it). Types only.
 */
import type { OutgoingMessage } from "../../store/undelivered-reply.ts";

export type { OutgoingMessage, PendingResponse, UndeliveredReply } from "../../store/undelivered-reply.ts";

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
