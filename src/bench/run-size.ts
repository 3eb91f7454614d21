import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { SizeFigures, SizeOptions } from "./size-bench.ts";

const run = promisify(execFile);
const worker = fileURLToPath(new URL("./size-worker.ts", import.meta.url));

/** Runs one size in a fresh Node process (with --expose-gc, through tsx as `npm start` runs the app). */
export async function runSize(options: SizeOptions): Promise<SizeFigures> {
  const { stdout } = await run(
    process.execPath,
    ["--expose-gc", "--import", "tsx", worker, JSON.stringify(options)],
    {
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return JSON.parse(stdout) as SizeFigures;
}
