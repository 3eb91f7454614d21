import type { CommandIo } from "./claims-command.ts";

/** `claims export`: not built yet. */
export async function runExportCommand(
  _argv: readonly string[],
  _env: Record<string, string | undefined>,
  io: CommandIo,
): Promise<number> {
  io.err("claims export: not built yet");
  return 2;
}
