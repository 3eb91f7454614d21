/**
 * `npm run load`: the app over HTTP (dist/main.js, as `npm start` runs it, in its own process) against a fake
 * Slack on 127.0.0.1. A burst of signed slash commands and channel messages, then the same with the fake
 * failing a share of calls; each run's acknowledgements, replies and memory, as one report.
 */
import { loadIndex } from "../../claims/load-index.ts";
import { flagConfig } from "../../flag/flag-config.ts";
import { buildFlagVocabulary } from "../../flag/flag-vocabulary.ts";
import { openSqliteStore } from "../../store/sqlite-store.ts";
import { type AppLogCounts, type AppMemory, type AppProcess, startAppProcess } from "./app-process.ts";
import { type AckStats, runBurst } from "./burst.ts";
import {
  type CommandReplyCount,
  countCommandReplies,
  countFlagReplies,
  type FlagReplyCount,
  flaggableByChannel,
} from "./count-replies.ts";
import { CountingFakeSlack, type SlackCounts } from "./counting-fake-slack.ts";
import { loadConfig } from "./load-config.ts";
import { seededRandom } from "./seeded-random.ts";
import { buildTraffic, type Work } from "./traffic.ts";

export interface LoadOptions {
  dataDir: string;
  documentsDir: string | null;
  small: boolean;
  /** No-fault bursts to run, one after another, with the app's memory read after each. */
  rounds: number;
  /** Whether to end with the fault run. */
  faults: boolean;
  commands?: number | undefined;
  messages?: number | undefined;
  concurrency?: number | undefined;
  stallMs?: number | undefined;
  faultRate?: number | undefined;
  seed: number;
  logLevel: "debug" | "info" | "warn" | "error";
}

export interface RunReport {
  name: string;
  faults: { rate: number; stallMs: number; injected: SlackCounts["injected"] } | null;
  acks: { all: AckStats; commands: AckStats; messages: AckStats };
  replies: { commands: CommandReplyCount; flags: FlagReplyCount; reactions: number };
  peakRssMB: number;
  memoryAfter: AppMemory;
  durationMs: { burst: number; untilLastReply: number; total: number };
  appLog: AppLogCounts;
}

export interface LoadReport {
  settings: {
    dataDir: string;
    small: boolean;
    commands: number;
    messages: number;
    concurrency: number;
    channels: number;
    faultRate: number;
    stallMs: number;
    retryAfterSeconds: readonly number[];
    flagLimitPerChannel: number;
    seed: number;
  };
  runs: RunReport[];
  /** The app's memory at start and after each run, after a full collection (`afterGc`). */
  memory: Array<{ after: string } & AppMemory>;
  targets: { ackP99Under1s: boolean; everyReplyOnce: boolean };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits for the replies: until all expected have come and none for a while, or none has come for longer. */
async function settle(options: {
  fake: CountingFakeSlack;
  complete: () => boolean;
  quietMs: number;
  graceMs: number;
}): Promise<void> {
  const started = Date.now();
  for (;;) {
    await sleep(100);
    const last = Math.max(options.fake.lastReplyAt, started);
    const quiet = Date.now() - last;
    if (options.complete() ? quiet >= options.graceMs : quiet >= options.quietMs) return;
    if (Date.now() - started > loadConfig.maxSettleMs) return;
  }
}

/** Slots the app granted in these channels since `since`, from its own state database. */
async function grantedByApp(
  stateDir: string,
  channels: Iterable<string>,
  since: Date,
): Promise<number | null> {
  try {
    const store = openSqliteStore(stateDir);
    try {
      let n = 0;
      for (const channel of channels)
        n += (await store.flagsSince(channel, since)).filter((f) => f.outcome !== "rate-limited").length;
      return n;
    } finally {
      await store.close();
    }
  } catch {
    return null;
  }
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const size = options.small ? loadConfig.small : loadConfig.full;
  const commands = options.commands ?? size.commands;
  const messages = options.messages ?? size.messages;
  const concurrency = options.concurrency ?? size.concurrency;
  const stallMs = options.stallMs ?? size.stallMs;
  const faultRate = options.faultRate ?? loadConfig.faultRate;

  const { index } = await loadIndex({
    dataDirs: [options.dataDir],
    documentsDirs: options.documentsDir ? [options.documentsDir] : undefined,
  });
  if (index.topics.length === 0) throw new Error(`no topics in ${options.dataDir}: nothing to ask about`);
  // The detector reads the same index with the same words as the app, to know which messages it should flag.
  const vocabulary = buildFlagVocabulary(index);

  const fake = await CountingFakeSlack.start();
  let app: AppProcess | null = null;
  try {
    app = await startAppProcess({
      dataDir: options.dataDir,
      documentsDir: options.documentsDir,
      slackApiUrl: fake.apiUrl,
      logLevel: options.logLevel,
    });
    const memory: LoadReport["memory"] = [{ after: "start", ...(await app.memory()) }];
    const runs: RunReport[] = [];
    const plan = [
      ...Array.from({ length: options.rounds }, (_, i) => ({
        name: options.rounds > 1 ? `no-faults round ${i + 1}` : "no-faults",
        faulty: false,
      })),
      ...(options.faults ? [{ name: "faults", faulty: true }] : []),
    ];
    for (const [run, step] of plan.entries()) {
      const random = seededRandom(options.seed + run);
      const work = buildTraffic(index, { commands, messages, run: run + 1, random });
      const report = await oneRun({
        app,
        fake,
        work,
        name: step.name,
        faults: step.faulty
          ? { rate: faultRate, stallMs, random: seededRandom(options.seed * 31 + run) }
          : null,
        concurrency,
        vocabulary,
      });
      runs.push(report);
      memory.push({ after: step.name, ...report.memoryAfter });
    }
    return {
      settings: {
        dataDir: options.dataDir,
        small: options.small,
        commands,
        messages,
        concurrency,
        channels: Math.max(1, Math.ceil(messages / loadConfig.messagesPerChannel)),
        faultRate,
        stallMs,
        retryAfterSeconds: loadConfig.retryAfterSeconds,
        flagLimitPerChannel: flagConfig.maxFlagsPerChannel,
        seed: options.seed,
      },
      runs,
      memory,
      targets: {
        ackP99Under1s: runs.every(
          (r) => r.acks.all.p99Ms < loadConfig.ackTargetMs && r.acks.all.failed === 0,
        ),
        everyReplyOnce: runs.every(
          (r) =>
            r.replies.commands.lost === 0 &&
            r.replies.commands.duplicates === 0 &&
            r.replies.flags.lost === 0 &&
            r.replies.flags.duplicates === 0 &&
            r.replies.flags.unexpected === 0,
        ),
      },
    };
  } finally {
    await app?.stop();
    await fake.close();
  }
}

/** Commands whose reply has come. */
function answered(counts: SlackCounts): number {
  let n = 0;
  for (const posts of counts.responsePosts.values()) if (posts.replies > 0) n++;
  return n;
}

async function oneRun(options: {
  app: AppProcess;
  fake: CountingFakeSlack;
  work: Work[];
  name: string;
  faults: { rate: number; stallMs: number; random: () => number } | null;
  concurrency: number;
  vocabulary: ReturnType<typeof buildFlagVocabulary>;
}): Promise<RunReport> {
  const { app, fake, work, faults } = options;
  const flaggable = flaggableByChannel(work, options.vocabulary);
  const expectedCommands = work.filter((w) => w.kind === "command").length;
  const expectedFlags = [...flaggable.values()].reduce(
    (n, c) => n + Math.min(c, flagConfig.maxFlagsPerChannel),
    0,
  );
  fake.reset(faults);
  app.takeLogCounts();
  const since = new Date();
  const started = performance.now();
  const burst = await runBurst({
    work,
    concurrency: options.concurrency,
    eventsUrl: `${app.baseUrl}/slack/events`,
    signingSecret: app.signingSecret,
    responseUrl: (id) => fake.responseUrl(id),
  });
  const counts = fake.counts;
  await settle({
    fake,
    complete: () => answered(counts) >= expectedCommands && counts.threadReplies.size >= expectedFlags,
    quietMs: (faults ? faults.stallMs : 0) + loadConfig.quietAfterStallMs,
    graceMs: faults ? faults.stallMs + loadConfig.quietAfterStallMs : 1_000,
  });
  const total = Math.round(performance.now() - started);
  const untilLastReply = fake.lastReplyAt > 0 ? Math.max(0, fake.lastReplyAt - since.getTime()) : 0;
  const channels = new Set(work.filter((w) => w.kind === "message").map((w) => w.channel));
  const memoryAfter = await app.memory();
  return {
    name: options.name,
    faults: faults ? { rate: faults.rate, stallMs: faults.stallMs, injected: { ...counts.injected } } : null,
    acks: { all: burst.all, commands: burst.commands, messages: burst.messages },
    replies: {
      commands: countCommandReplies(work, counts),
      flags: countFlagReplies({
        flaggable,
        limitPerChannel: flagConfig.maxFlagsPerChannel,
        windowExceeded: untilLastReply >= flagConfig.rateWindowMs,
        grantedByApp: await grantedByApp(app.stateDir, channels, since),
        counts,
      }),
      reactions: counts.reactions,
    },
    peakRssMB: memoryAfter.peakRssMB,
    memoryAfter,
    durationMs: { burst: burst.ms, untilLastReply, total },
    appLog: app.takeLogCounts(),
  };
}
