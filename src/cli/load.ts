/**
 * `npm run load`: Tally over HTTP under a burst of signed slash commands and channel messages, with and without
 * a fake Slack that fails a tenth of its calls. Prints one JSON report; exits 0 whether or not the targets are
 * met (they are in the report), and 2 on bad flags.
 *
 *   npm run -s load -- [--data DIR] [--documents DIR] [--small] [--rounds N] [--no-faults]
 *                      [--commands N] [--messages N] [--concurrency N] [--stall-ms N] [--fault-rate X] [--seed N]
 *
 * The app runs as `npm start` runs it, in a process of its own started with --expose-gc, so its memory is read
 * after a full collection and apart from the load's and the fake Slack's. `--rounds N` repeats the no-fault
 * burst N times to see whether that memory settles. (`-s` keeps npm's banner out of the JSON.)
 */
import { z } from "zod";
import { runLoad } from "../bench/load/run-load.ts";
import { readFlags } from "./read-flags.ts";

const count = z.coerce.number().int().positive();
const Flags = z.object({
  data: z.string().min(1).default("data"),
  documents: z.string().min(1).optional(),
  small: z.boolean().default(false),
  rounds: count.max(100).default(1),
  "no-faults": z.boolean().default(false),
  commands: count.optional(),
  messages: count.optional(),
  concurrency: count.max(1_000).optional(),
  "stall-ms": z.coerce.number().int().min(0).optional(),
  "fault-rate": z.coerce.number().min(0).max(1).optional(),
  seed: z.coerce.number().int().default(11),
  "log-level": z.enum(["debug", "info", "warn", "error"]).default("info"),
});

const flags = readFlags(
  "load",
  {
    data: { type: "string" },
    documents: { type: "string" },
    small: { type: "boolean" },
    rounds: { type: "string" },
    "no-faults": { type: "boolean" },
    commands: { type: "string" },
    messages: { type: "string" },
    concurrency: { type: "string" },
    "stall-ms": { type: "string" },
    "fault-rate": { type: "string" },
    seed: { type: "string" },
    "log-level": { type: "string" },
  },
  Flags,
);

const report = await runLoad({
  dataDir: flags.data,
  documentsDir: flags.documents ?? null,
  small: flags.small,
  rounds: flags.rounds,
  faults: !flags["no-faults"],
  commands: flags.commands,
  messages: flags.messages,
  concurrency: flags.concurrency,
  stallMs: flags["stall-ms"],
  faultRate: flags["fault-rate"],
  seed: flags.seed,
  logLevel: flags["log-level"],
});
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
