/**
 * `npm run load` in its small mode, as CI runs it: untimed. The report must have its shape, and with no faults
 * every command must get its one reply and every flag the limit allows its one thread reply. The fault run's
 * delivery depends on retries not built yet, so only its shape is asserted.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { WAR_STORY_DIR } from "../support/war-story.ts";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");

const Acks = z.object({
  sent: z.number().int().positive(),
  acked: z.number().int().min(0),
  failed: z.number().int().min(0),
  acksPerSecond: z.number().min(0),
  p50Ms: z.number().min(0),
  p99Ms: z.number().min(0),
  maxMs: z.number().min(0),
});
const Replies = z.object({
  expected: z.number().int().min(0),
  delivered: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  lost: z.number().int().min(0),
});
const Memory = z.object({
  rssMB: z.number().positive(),
  heapUsedMB: z.number().positive(),
  heapTotalMB: z.number().positive(),
  externalMB: z.number().min(0),
  arrayBuffersMB: z.number().min(0),
  peakRssMB: z.number().positive(),
  afterGc: z.boolean(),
});
const Run = z.object({
  name: z.string(),
  faults: z
    .object({
      rate: z.number(),
      stallMs: z.number(),
      injected: z.object({ rateLimited: z.number(), serverErrors: z.number(), stalls: z.number() }),
    })
    .nullable(),
  acks: z.object({ all: Acks, commands: Acks, messages: Acks }),
  replies: z.object({
    commands: Replies.extend({ failureNotices: z.number().int().min(0) }),
    flags: Replies.extend({
      flaggableMessages: z.number().int().min(0),
      grantedByApp: z.number().int().min(0).nullable(),
      unexpected: z.number().int().min(0),
    }),
    reactions: z.number().int().min(0),
  }),
  peakRssMB: z.number().positive(),
  memoryAfter: Memory,
  durationMs: z.object({ burst: z.number(), untilLastReply: z.number(), total: z.number() }),
  appLog: z.object({ warn: z.number(), error: z.number(), last: z.array(z.string()) }),
});
const Report = z.object({
  settings: z.object({ small: z.literal(true), commands: z.number(), messages: z.number() }).passthrough(),
  runs: z.array(Run).length(2),
  memory: z.array(Memory.extend({ after: z.string() })).length(3),
  targets: z.object({ ackP99Under1s: z.boolean(), everyReplyOnce: z.boolean() }),
});

const load = (...args: string[]) =>
  run(process.execPath, ["--import", "tsx", "src/cli/load.ts", ...args], {
    cwd: ROOT,
    maxBuffer: 10 * 1024 * 1024,
    timeout: 150_000,
  });

describe("npm run load --small", () => {
  it("reports both runs, and with no faults every reply arrives once", { timeout: 180_000 }, async () => {
    const { stdout } = await load("--small", "--data", WAR_STORY_DIR);
    const report = Report.parse(JSON.parse(stdout));
    const [clean, faulty] = report.runs;
    if (!clean || !faulty) throw new Error("two runs expected");

    expect(clean.faults).toBeNull();
    expect(clean.acks.all).toMatchObject({ sent: 500, acked: 500, failed: 0 });
    expect(clean.replies.commands).toEqual({
      expected: 100,
      delivered: 100,
      duplicates: 0,
      lost: 0,
      failureNotices: 0,
    });
    // Some messages carry unsourced figures, and the limit holds some back: both paths ran.
    const flags = clean.replies.flags;
    expect(flags.expected).toBeGreaterThan(0);
    expect(flags.flaggableMessages).toBeGreaterThan(flags.expected);
    expect(flags).toMatchObject({ delivered: flags.expected, duplicates: 0, lost: 0, unexpected: 0 });
    expect(flags.grantedByApp).toBe(flags.expected);
    expect(clean.replies.reactions).toBe(flags.expected);

    // The fault run: its shape, and that faults were injected at all.
    expect(faulty.faults?.rate).toBe(0.1);
    const injected = faulty.faults?.injected;
    expect(
      (injected?.rateLimited ?? 0) + (injected?.serverErrors ?? 0) + (injected?.stalls ?? 0),
    ).toBeGreaterThan(0);
    expect(report.memory.map((m) => m.after)).toEqual(["start", "no-faults", "faults"]);
    expect(report.memory.every((m) => m.afterGc)).toBe(true);
  });

  it("refuses a bad flag with a message and exit code 2", async () => {
    const failed = await load("--rounds", "0").then(
      () => null,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toMatch(/--rounds/);
  });
});
