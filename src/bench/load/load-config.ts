/** Every tunable number of `npm run load`, in one frozen place: the full run and the small one CI runs. */
export const loadConfig = Object.freeze({
  full: Object.freeze({
    commands: 2_000,
    messages: 10_000,
    concurrency: 50,
    /** A stalled Slack call answers after this long. */
    stallMs: 10_000,
  }),
  small: Object.freeze({
    commands: 100,
    messages: 400,
    concurrency: 10,
    stallMs: 1_000,
  }),
  /** In the fault run, this share of Slack calls fails: a third 429, a third 5xx, a third stall. */
  faultRate: 0.1,
  /** A 429 asks the caller to wait this many seconds, drawn from the range. */
  retryAfterSeconds: Object.freeze([1, 2] as const),
  /** Messages per channel: enough that some channels reach the per-channel flag limit. */
  messagesPerChannel: 25,
  /** Of the channel messages, the share with an unsourced figure and the share with a sourced one. */
  unsourcedShare: 0.2,
  sourcedShare: 0.1,
  /** Replies are waited for until none arrives for this long beyond a stall (or all have come). */
  quietAfterStallMs: 5_000,
  /** And never longer than this after the burst. */
  maxSettleMs: 180_000,
  /** How often the app process notes its resident set size for the peak. */
  rssSampleMs: 50,
  /** How long the app may take to start answering /healthz. */
  startTimeoutMs: 60_000,
  /** A request the app has not answered in this long counts as not acknowledged. */
  requestTimeoutMs: 30_000,
  /** Slack's own bound on an acknowledgement: the target for the 99th percentile. */
  ackTargetMs: 1_000,
});

export type LoadSize = typeof loadConfig.full;
