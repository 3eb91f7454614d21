import type { AckStats } from "./load/burst.ts";
import { runLoad } from "./load/run-load.ts";

export type AckFigures = { commands: AckStats; messages: AckStats } | { skipped: string };

/**
 * Slash-command acknowledgements through the HTTP app and the fake Slack: `npm run load` in its small mode,
 * one burst with no faults, on `dataDir`.
 */
export async function benchAcks(dataDir: string): Promise<AckFigures> {
  try {
    const report = await runLoad({
      dataDir,
      documentsDir: null,
      small: true,
      rounds: 1,
      faults: false,
      seed: 11,
      logLevel: "warn",
    });
    const run = report.runs[0];
    if (!run) return { skipped: "the load run reported no burst" };
    return { commands: run.acks.commands, messages: run.acks.messages };
  } catch (error) {
    return { skipped: `the app did not run: ${(error as Error).message.split("\n")[0]}` };
  }
}
