/**
 * A lane per channel for Web API calls: a 429 pauses only its own lane for Retry-After; 5xx, network errors
 * and timeouts are retried with backoff without holding a place in the lane; a few calls run at once per
 * lane, so one stalled call does not hold up the channel's next reply. Lanes of idle channels are dropped.
 * Time passes only through the injected `sleep`, so tests drive every wait with a fake one.
 */
import { setMaxListeners } from "node:events";
import type { LogFields, Logger } from "../../log/logger.ts";
import { classifySlackFailure, DeliveryTimeoutError, type SlackFailure } from "./classify-slack-failure.ts";
import type { DeliveryConfig } from "./delivery-config.ts";

/** Resolves after `ms`, or at once when `signal` aborts (it never rejects). */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });

export interface LaneTask<T> {
  /** One try of the call; rejects with what the Web API client threw. */
  call(): Promise<T>;
  /** Tries on passing faults; waiting out a 429 is not a try. */
  maxAttempts: number;
  /** What and where, for the logs. */
  fields: LogFields;
}

export type LaneOutcome<T> = { ok: true; value: T } | { ok: false; error: string; final: boolean };

/** The error of a task cut short by `close()`. */
export const SHUTTING_DOWN = "shutting_down";

export interface ChannelLanes {
  /** Queues the task in the lane named `key` (a channel id); resolves once it is done, one way or another. */
  run<T>(key: string, task: LaneTask<T>): Promise<LaneOutcome<T>>;
  /** Starts nothing more: every task not yet done resolves at once as cut short by shutdown. */
  close(): void;
  /** Lanes held in memory: only those with work, a pause or pacing still running. */
  readonly size: number;
}

interface Job {
  task: LaneTask<unknown>;
  tries: number;
  waits: number;
  done: boolean;
  settle(outcome: LaneOutcome<unknown>): void;
}

interface Lane {
  key: string;
  queue: Job[];
  inFlight: number;
  /** Jobs sleeping out a backoff; they rejoin the front of the queue after it. */
  backingOff: number;
  paused: boolean;
  /** Which pause is current: a later 429 replaces an earlier one's Retry-After. */
  pause: number;
  /** Calls the lane may start now (pacing). */
  tokens: number;
  refilling: boolean;
}

export interface ChannelLanesOptions {
  config: DeliveryConfig;
  logger: Logger;
  sleep?: Sleep;
  /** For the backoff's jitter; injected so tests know each wait. */
  random?: () => number;
}

export function createChannelLanes(options: ChannelLanesOptions): ChannelLanes {
  const { config, logger } = options;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const lanes = new Map<string, Lane>();
  const jobs = new Set<Job>();
  // Aborted by close(): every pause, backoff and pacing wait ends at once.
  const stopping = new AbortController();
  // Each wait listens on this one signal; thousands at once are expected, not a leak.
  setMaxListeners(0, stopping.signal);
  let closed = false;

  const laneFor = (key: string): Lane => {
    let lane = lanes.get(key);
    if (!lane) {
      lane = {
        key,
        queue: [],
        inFlight: 0,
        backingOff: 0,
        paused: false,
        pause: 0,
        tokens: config.pacing.burst,
        refilling: false,
      };
      lanes.set(key, lane);
    }
    return lane;
  };

  const live = (lane: Lane) => !closed && lanes.get(lane.key) === lane;

  /** Nothing queued, running, waiting or pacing: the lane holds no state worth keeping. */
  function retireIfIdle(lane: Lane): void {
    const idle =
      lane.queue.length === 0 &&
      lane.inFlight === 0 &&
      lane.backingOff === 0 &&
      !lane.paused &&
      lane.tokens >= config.pacing.burst;
    if (idle && lanes.get(lane.key) === lane) lanes.delete(lane.key);
  }

  function pump(lane: Lane): void {
    while (
      live(lane) &&
      !lane.paused &&
      lane.inFlight < config.lane.maxInFlight &&
      lane.tokens > 0 &&
      lane.queue.length > 0
    ) {
      const job = lane.queue.shift() as Job;
      lane.inFlight += 1;
      lane.tokens -= 1;
      refill(lane);
      void attempt(lane, job);
    }
    retireIfIdle(lane);
  }

  /** A token bucket on one timer per lane: a token comes back every `refillMs` until the bucket is full. */
  function refill(lane: Lane): void {
    if (lane.refilling || lane.tokens >= config.pacing.burst) return;
    lane.refilling = true;
    void sleep(config.pacing.refillMs, stopping.signal).then(() => {
      lane.refilling = false;
      lane.tokens += 1;
      refill(lane);
      pump(lane);
    });
  }

  function withTimeout<T>(call: () => Promise<T>): Promise<T> {
    const { timeoutMs } = config.attempt;
    const cancel = new AbortController();
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      void sleep(timeoutMs, cancel.signal).then(() => {
        if (settled) return;
        settled = true;
        reject(new DeliveryTimeoutError(timeoutMs));
      });
      const finish = (go: () => void) => {
        if (settled) return;
        settled = true;
        cancel.abort();
        go();
      };
      // A client that throws synchronously is a failed try like any other.
      Promise.resolve()
        .then(call)
        .then(
          (value) => finish(() => resolve(value)),
          (error: unknown) => finish(() => reject(error)),
        );
    });
  }

  async function attempt(lane: Lane, job: Job): Promise<void> {
    job.tries += 1;
    let failure: SlackFailure | null = null;
    let value: unknown;
    try {
      value = await withTimeout(() => job.task.call());
    } catch (error) {
      failure = classifySlackFailure(error);
    }
    lane.inFlight -= 1;
    if (!job.done) {
      if (failure === null) job.settle({ ok: true, value });
      else handleFailure(lane, job, failure);
    }
    pump(lane);
  }

  function handleFailure(lane: Lane, job: Job, failure: SlackFailure): void {
    const fields = { ...job.task.fields, error: failure.error, tries: job.tries };
    if (failure.kind === "final") {
      job.settle({ ok: false, error: failure.error, final: true });
      return;
    }
    if (failure.kind === "rate-limited") {
      job.tries -= 1;
      job.waits += 1;
      const { maxInlineWaitMs, maxWaits } = config.rateLimit;
      // Slack asked the whole channel to wait; a Retry-After beyond what is waited in-line is cut to it.
      pauseLane(lane, Math.min(failure.retryAfterMs, maxInlineWaitMs));
      if (failure.retryAfterMs > maxInlineWaitMs || job.waits > maxWaits) {
        logger.warn("rate-limited by Slack for too long; giving up", {
          ...fields,
          retryAfterMs: failure.retryAfterMs,
        });
        job.settle({ ok: false, error: failure.error, final: false });
      } else {
        logger.warn("rate-limited by Slack; pausing the channel", {
          ...fields,
          retryAfterMs: failure.retryAfterMs,
        });
        lane.queue.unshift(job);
      }
      return;
    }
    if (job.tries >= job.task.maxAttempts) {
      logger.warn("Slack call failed; no tries left", fields);
      job.settle({ ok: false, error: failure.error, final: false });
      return;
    }
    const { baseMs, maxMs, jitter } = config.backoff;
    const waitMs = Math.round(Math.min(maxMs, baseMs * 2 ** (job.tries - 1)) * (1 - jitter * random()));
    logger.warn("Slack call failed; retrying", { ...fields, retryInMs: waitMs });
    lane.backingOff += 1;
    void sleep(waitMs, stopping.signal).then(() => {
      lane.backingOff -= 1;
      if (job.done || !live(lane)) return;
      lane.queue.unshift(job);
      pump(lane);
    });
  }

  function pauseLane(lane: Lane, ms: number): void {
    lane.paused = true;
    lane.pause += 1;
    const pause = lane.pause;
    void sleep(ms, stopping.signal).then(() => {
      if (lane.pause !== pause) return;
      lane.paused = false;
      pump(lane);
    });
  }

  return {
    run<T>(key: string, task: LaneTask<T>): Promise<LaneOutcome<T>> {
      if (closed) return Promise.resolve({ ok: false, error: SHUTTING_DOWN, final: false });
      return new Promise<LaneOutcome<T>>((resolve) => {
        const job: Job = {
          task,
          tries: 0,
          waits: 0,
          done: false,
          settle(outcome) {
            if (job.done) return;
            job.done = true;
            jobs.delete(job);
            // The job ran `task`, so a successful value is a T.
            resolve(outcome as LaneOutcome<T>);
          },
        };
        jobs.add(job);
        const lane = laneFor(key);
        lane.queue.push(job);
        pump(lane);
      });
    },
    close() {
      if (closed) return;
      closed = true;
      stopping.abort();
      for (const job of [...jobs]) job.settle({ ok: false, error: SHUTTING_DOWN, final: false });
      lanes.clear();
    },
    get size() {
      return lanes.size;
    },
  };
}
