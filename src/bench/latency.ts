/** Latency figures of a list of timings, in ms, rounded to microseconds. */
export interface Latency {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

/** Nearest-rank percentiles of the timings. */
export function latencyOf(times: readonly number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (share: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? 0;
  return { p50Ms: round(at(0.5)), p99Ms: round(at(0.99)), maxMs: round(sorted[sorted.length - 1] ?? 0) };
}

export const ms = (n: number): number => Math.round(n * 10) / 10;
export const mb = (bytes: number): number => Math.round(bytes / 1024 / 102.4) / 10;
