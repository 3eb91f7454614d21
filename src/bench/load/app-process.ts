/**
 * The app under load: the app in its own process, exactly as `npm start` runs it over HTTP (built into dist/,
 * then `node dist/main.js`), pointed at
 * the fake Slack, with a state folder of its own. Its memory is its own, apart from the load and the fake, and
 * is read through memory-probe.ts.
 */
import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { appBuild, buildApp, compileInto } from "../../build/app-build.ts";
import { loadConfig } from "./load-config.ts";

export interface AppMemory {
  rssMB: number;
  heapUsedMB: number;
  heapTotalMB: number;
  externalMB: number;
  arrayBuffersMB: number;
  /** Highest resident set size since the last reading. */
  peakRssMB: number;
  /** Whether a full collection ran first (node --expose-gc). */
  afterGc: boolean;
}

export interface AppLogCounts {
  warn: number;
  error: number;
  /** The last few warnings and errors, for reading a bad run. */
  last: string[];
}

export interface AppProcess {
  /** The app's own process id, for reading its memory from outside (/proc/<pid>/status). */
  pid: number;
  baseUrl: string;
  signingSecret: string;
  stateDir: string;
  memory(): Promise<AppMemory>;
  /** Warnings and errors logged since the last call. */
  takeLogCounts(): AppLogCounts;
  stop(): Promise<void>;
}

const MB = 1024 * 1024;
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;
const root = path.resolve(import.meta.dirname, "../../..");
/** Where the bench's own memory probe is compiled to: node loads it beside the app, which is JavaScript now. */
const probeDir = path.join(appBuild.outDir, "bench");

/**
 * What `npm start` does before it starts the app (`prestart`: `npm run build`), and the probe compiled beside
 * it. Done before a start is timed: a deploy builds once, and every start after runs the same files.
 */
export async function buildAppProcess(): Promise<void> {
  await buildApp(root);
  await compileInto(root, [path.relative(root, path.join(import.meta.dirname, "memory-probe.ts"))], probeDir);
}

/** A port nothing listens on now: the app is told it, since it logs the one it took only at info. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== "object" || address === null) throw new Error("no free port");
  return address.port;
}

/** The environment without any Tally or Slack setting of the shell it runs in: the app sees only the run's. */
function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || /^(TALLY_|SLACK_|DATABASE_URL$|PORT$|HOST$|NODE_OPTIONS$)/.test(key)) continue;
    env[key] = value;
  }
  return env;
}

export async function startAppProcess(options: {
  dataDir: string;
  documentsDir: string | null;
  slackApiUrl: string;
  logLevel: string;
  /**
   * A state folder to start on, kept at `stop` (a second start finds what the first left); without it, a fresh
   * one, removed at `stop`.
   */
  stateDir?: string;
  /** How long the app may take to answer /healthz (default loadConfig.startTimeoutMs). */
  startTimeoutMs?: number;
  /** How often /healthz is tried while the app starts (default 100 ms). */
  healthPollMs?: number;
  /** True when `buildAppProcess` already ran (a timed start); otherwise it runs first. */
  built?: boolean;
}): Promise<AppProcess> {
  const ownState = options.stateDir === undefined;
  const stateDir = options.stateDir ?? (await mkdtemp(path.join(tmpdir(), "tally-load-")));
  const signingSecret = randomBytes(16).toString("hex");
  const port = await freePort();
  if (options.built !== true) await buildAppProcess();
  const child: ChildProcess = fork(path.join(root, appBuild.main), [], {
    cwd: root,
    execArgv: [...appBuild.nodeArgs, "--expose-gc", "--import", path.join(root, probeDir, "memory-probe.js")],
    env: {
      ...cleanEnv(),
      SLACK_BOT_TOKEN: "xoxb-load-run",
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: options.slackApiUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      TALLY_DATA_DIR: path.resolve(options.dataDir),
      TALLY_STATE_DIR: stateDir,
      TALLY_LOG_LEVEL: options.logLevel,
      ...(options.documentsDir ? { TALLY_DOCUMENTS_DIR: path.resolve(options.documentsDir) } : {}),
    },
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  let exited: string | null = null;
  child.on("exit", (code, signal) => {
    exited = `exited with ${signal ?? code}`;
  });

  // The log is read as it comes (a full pipe would stop the app) and only counted.
  let counts: AppLogCounts = { warn: 0, error: 0, last: [] };
  const startupLines: string[] = [];
  if (child.stderr) {
    createInterface({ input: child.stderr }).on("line", (line) => {
      if (startupLines.length < 20) startupLines.push(line);
      const level = /"level":"(warn|error)"/.exec(line)?.[1] as "warn" | "error" | undefined;
      if (!level) return;
      counts[level]++;
      counts.last.push(line.slice(0, 400));
      if (counts.last.length > 5) counts.last.shift();
    });
  }

  const baseUrl = `http://127.0.0.1:${port}`;
  const startTimeoutMs = options.startTimeoutMs ?? loadConfig.startTimeoutMs;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (exited) throw new Error(`the app ${exited} before it started:\n${startupLines.join("\n")}`);
    const ok = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the app did not answer /healthz within ${startTimeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.healthPollMs ?? 100));
  }

  let asked = 0;
  return {
    pid: child.pid ?? 0,
    baseUrl,
    signingSecret,
    stateDir,
    memory() {
      const id = ++asked;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("the app did not report its memory")), 30_000);
        const onMessage = (message: unknown) => {
          const m = message as {
            type?: string;
            id?: number;
            usage: NodeJS.MemoryUsage;
            peakRss: number;
            collected: boolean;
          };
          if (m?.type !== "tally-load:memory" || m.id !== id) return;
          clearTimeout(timer);
          child.off("message", onMessage);
          resolve({
            rssMB: mb(m.usage.rss),
            heapUsedMB: mb(m.usage.heapUsed),
            heapTotalMB: mb(m.usage.heapTotal),
            externalMB: mb(m.usage.external),
            arrayBuffersMB: mb(m.usage.arrayBuffers),
            peakRssMB: mb(m.peakRss),
            afterGc: m.collected,
          });
        };
        child.on("message", onMessage);
        child.send({ type: "tally-load:memory", id });
      });
    },
    takeLogCounts() {
      const taken = counts;
      counts = { warn: 0, error: 0, last: [] };
      return taken;
    },
    async stop() {
      if (!exited) {
        const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
        await gone;
        clearTimeout(timer);
      }
      if (ownState) await rm(stateDir, { recursive: true, force: true });
    },
  };
}
