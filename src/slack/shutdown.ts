import type { Logger } from "../log/logger.ts";
import type { OutboxStore } from "../store/store.ts";
import type { ReplyDelivery, UndeliveredReply } from "./delivery/delivery-types.ts";
import type { ResponseUrlDelivery } from "./delivery/response-url-fetch.ts";
import type { InFlight } from "./in-flight.ts";

export const SHUTDOWN_SETTINGS = Object.freeze({
  /** After the grace period: how long saving the undelivered and closing may take before giving up (ms). */
  closeTimeoutMs: 5_000,
});

/** What a graceful shutdown needs, passed in so that it can be tested without a process. */
export interface ShutdownParts {
  /** How long replies in progress get to finish, from the signal (TALLY_SHUTDOWN_GRACE_MS). */
  graceMs: number;
  logger: Logger;
  /** Takes no new requests; requests in progress finish. */
  stopAccepting(): Promise<void>;
  /** Stops work the app starts itself: the summary scheduler, reminders, the curation follower. */
  stopBackground(): Promise<void>;
  inFlight: Pick<InFlight, "idle" | "count">;
  responses: Pick<ResponseUrlDelivery, "settle">;
  delivery: Pick<ReplyDelivery, "drain">;
  outbox: Pick<OutboxStore, "saveUndelivered">;
  /** Closes the rest (connections, the core, the state database), after the undelivered are saved. */
  close(): Promise<void>;
  /** The wall clock the grace period is measured on. */
  clock?: () => Date;
}

export interface ShutdownReport {
  /** Every listener run had finished within the grace period. */
  finished: boolean;
  /** Replies still undelivered at the end of the grace period, and how many of them were saved. */
  undelivered: number;
  saved: number;
}

const TIMED_OUT = Symbol("timed out");

/** `work`'s value, or TIMED_OUT when `deadline` comes first (the work itself is left running). */
async function by<T>(work: Promise<T>, deadline: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<typeof TIMED_OUT>((resolve) => {
        timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, deadline - Date.now()));
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * SIGTERM: stop taking work, let what is in progress finish with its retries until the grace period ends,
 * then save whatever is still undelivered to the outbox (the next start sends it) and close. Nothing waits
 * past the grace period but the save and the close, which get `closeTimeoutMs` more.
 */
export async function shutDownGracefully(parts: ShutdownParts): Promise<ShutdownReport> {
  const { logger } = parts;
  const clock = parts.clock ?? (() => new Date());
  const deadlineMs = clock().getTime() + parts.graceMs;
  const deadline = new Date(deadlineMs);
  const step = async <T>(name: string, work: () => Promise<T>, until = deadlineMs) => {
    try {
      const result = await by(work(), until);
      if (result === TIMED_OUT) logger.warn("shutdown step ran out of time", { step: name });
      return result;
    } catch (error) {
      logger.error("shutdown step failed", { step: name, error });
      return TIMED_OUT;
    }
  };

  await step("stop accepting requests", () => parts.stopAccepting());
  await step("stop background work", () => parts.stopBackground());
  const running = parts.inFlight.count;
  const finished = (await step("finish requests in progress", () => parts.inFlight.idle(deadline))) === true;
  // After the listeners: a run still going may yet post, and its post should be kept.
  const responses = await step("finish response_url posts", () => parts.responses.settle(deadline));
  const messages = await step("drain reply delivery", () => parts.delivery.drain(deadline));
  const now = clock();
  const undelivered: UndeliveredReply[] = [
    ...(responses === TIMED_OUT ? [] : responses),
    ...(messages === TIMED_OUT ? [] : messages).map(
      (message): UndeliveredReply => ({ kind: "message", message, firstTriedAt: now.toISOString() }),
    ),
  ];
  if (!finished) {
    logger.warn("the grace period ended with requests still in progress", {
      stillRunning: parts.inFlight.count,
      graceMs: parts.graceMs,
    });
  }

  const closeBy = Date.now() + SHUTDOWN_SETTINGS.closeTimeoutMs;
  let saved = 0;
  if (undelivered.length > 0) {
    const result = await step(
      "save undelivered replies",
      () => parts.outbox.saveUndelivered(undelivered, now),
      closeBy,
    );
    if (result === TIMED_OUT) {
      // The log is then the only copy: an operator can still send them by hand.
      logger.error("could not save undelivered replies; they are lost", { replies: undelivered });
    } else {
      saved = undelivered.length;
      logger.info("saved undelivered replies for the next start", { count: saved });
    }
  }
  await step("close", () => parts.close(), closeBy);
  logger.info("stopped", { runningAtSignal: running, finished, undelivered: undelivered.length, saved });
  return { finished, undelivered: undelivered.length, saved };
}
