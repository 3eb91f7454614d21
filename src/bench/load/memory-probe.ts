/**
 * Loaded into the app's process by the load run (`node --import`), and only there: answers the run's requests
 * over the IPC channel for the process's memory, after a full garbage collection when node runs with
 * --expose-gc, and keeps the peak resident set size between two asks.
 */
import { loadConfig } from "./load-config.ts";

interface ProbeRequest {
  type: "tally-load:memory";
  id: number;
}

let peak = process.memoryUsage.rss();
setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, loadConfig.rssSampleMs).unref();

process.on("message", (message: unknown) => {
  const request = message as Partial<ProbeRequest> | null;
  if (request?.type !== "tally-load:memory") return;
  const peakRss = Math.max(peak, process.memoryUsage.rss());
  // `gc` exists only under --expose-gc; without it the figures include garbage not yet collected.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const usage = process.memoryUsage();
  peak = usage.rss;
  process.send?.({ type: "tally-load:memory", id: request.id, usage, peakRss, collected: gc !== undefined });
});
// The channel must not keep the app alive on its own: SIGTERM still ends it as it would in production.
process.channel?.unref();
