import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { benchConfig } from "./bench-config.ts";
import { mb } from "./latency.ts";
import { buildAppProcess, startAppProcess } from "./load/app-process.ts";
import { CountingFakeSlack } from "./load/counting-fake-slack.ts";
import { sendSigned, slashCommand } from "./load/signed-requests.ts";

export interface AppStartFigures {
  /** The first start ever, on a fresh state folder: nothing kept from a run before. */
  coldMs: number;
  /** A start again on the state folder the cold start left (caches kept there are found): a restart. */
  warmMs: number;
  /** Of the warm start, the part after the app listened: from the command sent to its answer. */
  warmAnswerMs: number;
  /** The app process's resident set after its first warm answer, as the kernel counts it (no forced GC). */
  rssMB: number;
  /** The same after a full garbage collection, as the app reports it (memory-probe.ts). */
  rssAfterGcMB: number;
  /** The highest resident set of the warm start, loading included (the kernel's high-water mark). */
  peakRssMB: number;
}

export type AppStartResult = AppStartFigures | { skipped: string };

const sleep = (n: number) => new Promise<void>((resolve) => setTimeout(resolve, n));

/** VmRSS and VmHWM of a process in MB, from /proc (Linux); null elsewhere. */
function kernelMemory(pid: number): { rssMB: number; peakMB: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1]);
    const rss = kb("VmRSS");
    const peak = kb("VmHWM");
    if (!Number.isFinite(rss) || !Number.isFinite(peak)) return null;
    return { rssMB: mb(rss * 1024), peakMB: mb(peak * 1024) };
  } catch {
    return null;
  }
}

/** Waits for the reply to `id` at the fake Slack; resolves with when it came (Date.now()). */
async function replyArrival(fake: CountingFakeSlack, id: string): Promise<number> {
  const deadline = Date.now() + benchConfig.appStart.replyTimeoutMs;
  for (;;) {
    if ((fake.counts.responsePosts.get(id)?.replies ?? 0) > 0) return fake.lastReplyAt;
    if (Date.now() > deadline) throw new Error(`no answer within ${benchConfig.appStart.replyTimeoutMs} ms`);
    await sleep(2);
  }
}

/** One start of the app on `stateDir`, timed from spawning it to its answer to one /tally command. */
async function startToAnswer(
  fake: CountingFakeSlack,
  options: { dataDir: string; question: string; stateDir: string; id: string },
) {
  fake.reset(null);
  const started = Date.now();
  const app = await startAppProcess({
    dataDir: options.dataDir,
    documentsDir: null,
    slackApiUrl: fake.apiUrl,
    logLevel: "warn",
    stateDir: options.stateDir,
    startTimeoutMs: benchConfig.appStart.startTimeoutMs,
    healthPollMs: benchConfig.appStart.healthPollMs,
    built: true,
  });
  try {
    const command = slashCommand({
      text: options.question,
      responseUrl: fake.responseUrl(options.id),
      channelId: "C0BENCH",
      userId: "U0BENCH",
    });
    const askedAt = Date.now();
    const status = await sendSigned(
      `${app.baseUrl}/slack/events`,
      app.signingSecret,
      command,
      benchConfig.appStart.replyTimeoutMs,
    );
    if (status !== 200) throw new Error(`the command was not acknowledged (HTTP ${status})`);
    const answeredAt = await replyArrival(fake, options.id);
    const kernel = kernelMemory(app.pid);
    const probed = await app.memory();
    return {
      ms: answeredAt - started,
      answerMs: answeredAt - askedAt,
      rssMB: kernel?.rssMB ?? probed.rssMB,
      rssAfterGcMB: probed.rssMB,
      peakRssMB: kernel?.peakMB ?? probed.peakRssMB,
    };
  } finally {
    await app.stop();
  }
}

/**
 * `npm start` to answering on `dataDir`: the app as it runs in production (dist/main.js over HTTP, in its own
 * process) against the fake Slack, timed until the answer to a signed /tally command reaches response_url.
 * Twice on one state folder: cold (the first start ever), then warm (a restart, as after a deploy).
 */
export async function benchAppStart(options: { dataDir: string; question: string }): Promise<AppStartResult> {
  const fake = await CountingFakeSlack.start();
  const stateDir = await mkdtemp(path.join(tmpdir(), "tally-bench-state-"));
  try {
    // As `npm start` does first (prestart), and not part of what is timed: a restart runs what was built.
    await buildAppProcess();
    const cold = await startToAnswer(fake, { ...options, stateDir, id: "cold" });
    const warm = await startToAnswer(fake, { ...options, stateDir, id: "warm" });
    return {
      coldMs: cold.ms,
      warmMs: warm.ms,
      warmAnswerMs: warm.answerMs,
      rssMB: warm.rssMB,
      rssAfterGcMB: warm.rssAfterGcMB,
      peakRssMB: warm.peakRssMB,
    };
  } catch (error) {
    return { skipped: `the app did not answer: ${(error as Error).message.split("\n")[0]}` };
  } finally {
    await fake.close();
    await rm(stateDir, { recursive: true, force: true });
  }
}
