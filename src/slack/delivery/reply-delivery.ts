/**
 * Replies, flags and their reactions, delivered per channel (see channel-lanes.ts): a slow or rate-limited
 * channel never delays another, and a reaction has lanes of its own, so it never waits in front of a reply.
 */
import type { LogFields, Logger } from "../../log/logger.ts";
import { createChannelLanes, realSleep, SHUTTING_DOWN, type Sleep } from "./channel-lanes.ts";
import { type DeliveryConfig, deliveryConfig } from "./delivery-config.ts";
import type { DeliveryResult, OutgoingMessage, ReplyDelivery } from "./delivery-types.ts";

/** The one Web API method delivery needs; Bolt's WebClient has it (see delivery-client.ts). */
export interface DeliveryClient {
  apiCall(method: string, args: Record<string, unknown>): Promise<unknown>;
}

export interface ReplyDeliveryOptions {
  client: DeliveryClient;
  logger: Logger;
  /** Wall-clock time, read only to measure how long `drain` may still wait. */
  now: () => Date;
  /** Every wait (Retry-After, backoff, pacing, timeouts) goes through this; tests pass a fake. */
  sleep?: Sleep;
  config?: DeliveryConfig;
  /** For the backoff's jitter. */
  random?: () => number;
}

const fieldsOf = (message: OutgoingMessage): LogFields => ({
  method: message.method,
  purpose: message.purpose,
  channel: message.args.channel,
  ...(typeof message.args.thread_ts === "string" ? { threadTs: message.args.thread_ts } : {}),
});

const tsOf = (value: unknown): string | null => {
  const ts = typeof value === "object" && value !== null ? (value as { ts?: unknown }).ts : undefined;
  return typeof ts === "string" ? ts : null;
};

/** Reactions queue apart from messages, per channel, so that neither ever waits behind the other. */
const reactionLane = (channel: string) => `reactions:${channel}`;

export function createReplyDelivery(options: ReplyDeliveryOptions): ReplyDelivery {
  const { client } = options;
  const config = options.config ?? deliveryConfig;
  const logger = options.logger.child({ surface: "delivery" });
  const sleep = options.sleep ?? realSleep;
  const lanes = createChannelLanes({
    config,
    logger,
    sleep,
    ...(options.random ? { random: options.random } : {}),
  });
  /** Messages sent and not yet done: what `drain` hands back if the deadline comes first. */
  const pending = new Set<{ message: OutgoingMessage }>();
  const onEmpty: (() => void)[] = [];
  let draining: Promise<OutgoingMessage[]> | null = null;
  let closed = false;

  async function send(message: OutgoingMessage): Promise<DeliveryResult> {
    if (closed) {
      // Drained already: nothing sends it any more, and the outbox has been written.
      logger.error("a reply came after shutdown and was not sent", fieldsOf(message));
      return { ok: false, error: SHUTTING_DOWN, final: false };
    }
    const entry = { message };
    pending.add(entry);
    try {
      const outcome = await lanes.run(message.args.channel, {
        call: () => client.apiCall(message.method, message.args),
        maxAttempts: config.attempt.maxReply,
        fields: fieldsOf(message),
      });
      return outcome.ok ? { ok: true, ts: tsOf(outcome.value) } : outcome;
    } finally {
      pending.delete(entry);
      if (pending.size === 0) for (const resolve of onEmpty.splice(0)) resolve();
    }
  }

  function react(args: { channel: string; timestamp: string; name: string }): void {
    if (draining) {
      logger.debug("a reaction during shutdown was dropped", { ...args });
      return;
    }
    void lanes
      .run(reactionLane(args.channel), {
        call: () => client.apiCall("reactions.add", { ...args }),
        maxAttempts: config.attempt.maxReaction,
        fields: { method: "reactions.add", channel: args.channel, timestamp: args.timestamp },
      })
      .then((outcome) => {
        // already_reacted: someone (or an earlier try that timed out) put it there; that is what we wanted.
        if (!outcome.ok && outcome.error !== "already_reacted" && outcome.error !== SHUTTING_DOWN) {
          logger.warn("could not add a reaction", { ...args, error: outcome.error });
        }
      });
  }

  async function drainUntil(deadline: Date): Promise<OutgoingMessage[]> {
    const left = deadline.getTime() - options.now().getTime();
    if (pending.size > 0 && left > 0) {
      const stopWaiting = new AbortController();
      await Promise.race([
        new Promise<void>((resolve) => onEmpty.push(resolve)),
        sleep(left, stopWaiting.signal),
      ]);
      stopWaiting.abort();
    }
    closed = true;
    const undelivered = [...pending].map((entry) => entry.message);
    // Cuts short every call and wait still running; their send() calls resolve as shutting_down.
    lanes.close();
    if (undelivered.length > 0)
      logger.warn("replies still undelivered at shutdown", { count: undelivered.length });
    return undelivered;
  }

  return {
    send,
    react,
    drain(deadline) {
      draining ??= drainUntil(deadline);
      return draining;
    },
  };
}
