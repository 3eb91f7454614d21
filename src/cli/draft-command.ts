import type { CommandIo } from "./claims-command.ts";

/** `claims draft`: not built yet. */
export async function runDraftCommand(
  _argv: readonly string[],
  _env: Record<string, string | undefined>,
  io: CommandIo,
): Promise<number> {
  io.err("claims draft: not built yet");
  return 2;
}
