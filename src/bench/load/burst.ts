/** Sends a run's requests, `concurrency` at a time, and times each acknowledgement. */
import { loadConfig } from "./load-config.ts";
import { channelMessage, type SignedRequest, sendSigned, slashCommand } from "./signed-requests.ts";
import type { Work } from "./traffic.ts";

export interface AckStats {
  sent: number;
  acked: number;
  /** Answered with another status, or not at all within the request timeout. */
  failed: number;
  acksPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface BurstResult {
  all: AckStats;
  commands: AckStats;
  messages: AckStats;
  ms: number;
}

/** The value below which `share` of the sorted values fall (nearest rank). */
export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function stats(latencies: number[], sent: number, ms: number): AckStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    sent,
    acked: sorted.length,
    failed: sent - sorted.length,
    acksPerSecond: Math.round((sorted.length / Math.max(ms, 1)) * 1000),
    p50Ms: round1(percentile(sorted, 0.5)),
    p99Ms: round1(percentile(sorted, 0.99)),
    maxMs: round1(sorted.at(-1) ?? 0),
  };
}

export async function runBurst(options: {
  work: readonly Work[];
  concurrency: number;
  eventsUrl: string;
  signingSecret: string;
  responseUrl: (id: string) => string;
}): Promise<BurstResult> {
  const { work } = options;
  const latencies = { command: [] as number[], message: [] as number[] };
  let next = 0;
  const request = (w: Work): SignedRequest =>
    w.kind === "command"
      ? slashCommand({
          text: w.text,
          responseUrl: options.responseUrl(w.responseId),
          channelId: w.channel,
          userId: w.user,
        })
      : channelMessage({ eventId: w.eventId, channel: w.channel, user: w.user, text: w.text, ts: w.ts });
  const worker = async () => {
    for (;;) {
      const w = work[next++];
      if (!w) return;
      const started = performance.now();
      const status = await sendSigned(
        options.eventsUrl,
        options.signingSecret,
        request(w),
        loadConfig.requestTimeoutMs,
      );
      if (status === 200) {
        latencies[w.kind].push(performance.now() - started);
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  const ms = performance.now() - started;
  const commands = work.filter((w) => w.kind === "command").length;
  return {
    all: stats([...latencies.command, ...latencies.message], work.length, ms),
    commands: stats(latencies.command, commands, ms),
    messages: stats(latencies.message, work.length - commands, ms),
    ms: Math.round(ms),
  };
}
