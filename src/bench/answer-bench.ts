import { createCore } from "../answer/create-core.ts";
import type { ClaimsIndex } from "../claims/claims-index.ts";
import { syntheticIndex } from "./synthetic-index.ts";

export interface LatencyFigures {
  claims: number;
  topics: number;
  questions: number;
  buildMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (n: number): number => Math.round(n * 1000) / 1000;

/** Time to answer each question once (after one warm-up pass) with the index grown to `claimCount` claims. */
export function benchAnswers(base: ClaimsIndex, claimCount: number, questions: string[]): LatencyFigures {
  const index = syntheticIndex(base, claimCount);
  const t0 = performance.now();
  const core = createCore(index, () => new Date("2026-11-22T12:00:00Z"));
  const buildMs = performance.now() - t0;
  for (const q of questions) core.ask(q);
  const times: number[] = [];
  for (const q of questions) {
    const start = performance.now();
    core.ask(q);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    claims: index.claims.length,
    topics: index.topics.length,
    questions: questions.length,
    buildMs: round(buildMs),
    p50Ms: round(percentile(times, 50)),
    p99Ms: round(percentile(times, 99)),
    maxMs: round(times[times.length - 1] ?? 0),
  };
}
