/** Every tunable number of reply delivery (per-channel lanes, retries, timeouts), in one frozen place. */
export const deliveryConfig = Object.freeze({
  attempt: Object.freeze({
    /**
     * One Web API call gives up after this long. Longer than the 10 s stalls Slack has been seen to have:
     * a post that timed out may still have landed, and retrying it would post it twice.
     */
    timeoutMs: 15_000,
    /** Tries of a reply (the first and its retries) on 5xx, network errors and timeouts. */
    maxReply: 4,
    /** Tries of a reaction: it is decoration, so it gets one retry. */
    maxReaction: 2,
  }),
  backoff: Object.freeze({
    /** The wait before the first retry; it doubles for each retry after that, up to `maxMs`. */
    baseMs: 500,
    maxMs: 8_000,
    /** The wait is drawn between (1 - jitter) and 1 times the doubled wait, so retries do not march in step. */
    jitter: 0.5,
  }),
  rateLimit: Object.freeze({
    /** A 429 whose Retry-After is longer than this is not waited out: the message fails (not for good). */
    maxInlineWaitMs: 60_000,
    /** 429s one message waits out before it fails (they do not count against the tries above). */
    maxWaits: 5,
  }),
  lane: Object.freeze({
    /**
     * Calls in flight at once per channel: a stalled call (until its timeout) leaves room for the channel's
     * next replies, while a burst in one channel still goes out a few at a time, as Slack paces a channel.
     */
    maxInFlight: 3,
  }),
  pacing: Object.freeze({
    /** Calls a lane may start back to back; after that, one per `refillMs` (Slack allows about 1/s a channel). */
    burst: 10,
    refillMs: 1_000,
  }),
  client: Object.freeze({
    /**
     * The delivery client's own queue must never be what holds a reply back: the lanes bound concurrency
     * per channel, so this only caps the total of sockets open at once.
     */
    maxRequestConcurrency: 1_000,
  }),
});

/** The same shape with any numbers, for tests that shorten waits. */
export interface DeliveryConfig {
  attempt: { timeoutMs: number; maxReply: number; maxReaction: number };
  backoff: { baseMs: number; maxMs: number; jitter: number };
  rateLimit: { maxInlineWaitMs: number; maxWaits: number };
  lane: { maxInFlight: number };
  pacing: { burst: number; refillMs: number };
  client: { maxRequestConcurrency: number };
}
