/** The tuning of Tally's HTTP edge (src/slack/http/), in one place. */
export interface EdgeConfig {
  /** Where Slack posts events, commands and interactions. */
  eventsPath: string;
  /** For load balancers: answered by the edge itself, never by Bolt or the database. */
  healthPath: string;
  /** Bodies past this are refused with 413 (Slack's largest payloads, big modals, are far below it). */
  maxBodyBytes: number;
  /** Past maxBodyBytes the rest is read and dropped up to this, so the client hears the 413; then cut. */
  maxDrainBytes: number;
  /** Slack's own rule, applied both ways: a request signed further from now than this is refused. */
  maxClockSkewSeconds: number;
  /** A signature is remembered this long past the window in which it could still be accepted. */
  replayMarginSeconds: number;
  /** At most this many signatures remembered; past it the oldest go first (the store still claims presses). */
  maxRememberedSignatures: number;
  /** A request must arrive whole within this (slow-loris clients are cut off). */
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
}

export const edgeConfig: Readonly<EdgeConfig> = Object.freeze({
  eventsPath: "/slack/events",
  healthPath: "/healthz",
  maxBodyBytes: 1024 * 1024,
  maxDrainBytes: 8 * 1024 * 1024,
  maxClockSkewSeconds: 5 * 60,
  replayMarginSeconds: 60,
  maxRememberedSignatures: 50_000,
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
});
