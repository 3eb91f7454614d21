import { type ParseArgsConfig, parseArgs } from "node:util";
import { z } from "zod";

/**
 * A script's `--flags`, read strictly (node's parseArgs: no unknown flag, no stray word) and checked with
 * `schema`. Anything wrong is said on stderr as "command: --flag: problem", and the script exits 2.
 */
export function readFlags<S extends z.ZodType>(
  command: string,
  options: NonNullable<ParseArgsConfig["options"]>,
  schema: S,
): z.output<S> {
  try {
    const { values } = parseArgs({ options, strict: true });
    return schema.parse(values);
  } catch (error) {
    const message =
      error instanceof z.ZodError
        ? error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ")
        : (error as Error).message;
    process.stderr.write(`${command}: ${message}\n`);
    process.exit(2);
  }
}
