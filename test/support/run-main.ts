/**
 * Runs the app from its sources (node --import tsx src/main.ts: `npm start` runs the same compiled, see
 * src/build/app-build.ts) as a child process, as a newcomer or a server would: signals reach the node process
 * itself.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface MainProcess {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** Slack and Tally settings from the outer environment must not leak into the child. */
function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !key.startsWith("SLACK_") && !key.startsWith("TALLY_") && key !== "PORT",
    ),
  );
  return { ...base, ...env };
}

export function runMain(env: Record<string, string>): MainProcess {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "src", "main.ts")], {
    cwd: ROOT,
    env: cleanEnv(env),
    stdio: "pipe",
  });
  let out = "";
  let err = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Resolves once `text` has appeared in the stream's output so far (checked on every chunk). */
export function waitForOutput(
  process: MainProcess,
  stream: "stdout" | "stderr",
  match: RegExp,
): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const found = match.exec(stream === "stdout" ? process.stdout() : process.stderr());
      if (found) {
        process.child[stream].off("data", check);
        resolve(found);
      }
    };
    process.child[stream].on("data", check);
    process.exited.then(() => {
      check();
      reject(
        new Error(`the process ended without printing ${match}: ${process.stdout()}\n${process.stderr()}`),
      );
    });
    check();
  });
}
