import { parseArgs } from "node:util";
import { z } from "zod";
import { formatProblem } from "../claims/index-problem.ts";
import { loadIndex } from "../claims/load-index.ts";

const usage = `usage: npm run claims -- validate [--data DIR] [--seeds DIR]
  Checks every topic, source, seed and claim in DIR (default data/): schema, unknown topic or source,
  duplicate id, bad date, range with low > high, and that each quote appears in its seed article
  (read from --seeds, default TALLY_SEEDS_DIR or ../shared/seeds). Exits 1 when anything is wrong.`;

const FlagsSchema = z.object({
  data: z
    .string()
    .min(1)
    .default(process.env.TALLY_DATA_DIR ?? "data"),
  seeds: z
    .string()
    .min(1)
    .default(process.env.TALLY_SEEDS_DIR ?? "../shared/seeds"),
});

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { data: { type: "string" }, seeds: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (e) {
    console.error(`claims: ${(e as Error).message}\n${usage}`);
    return 2;
  }
  const [command] = parsed.positionals;
  if (parsed.values.help || command === undefined) {
    console.log(usage);
    return command === undefined && !parsed.values.help ? 2 : 0;
  }
  if (command !== "validate") {
    console.error(`claims: unknown command "${command}"\n${usage}`);
    return 2;
  }
  const flags = FlagsSchema.safeParse(parsed.values);
  if (!flags.success) {
    console.error(
      `claims: ${flags.error.issues.map((i) => `--${i.path.join(".")} ${i.message}`).join("; ")}`,
    );
    return 2;
  }
  const { index, problems, files } = await loadIndex({
    dataDir: flags.data.data,
    seedsDir: flags.data.seeds,
  });
  for (const p of problems) console.error(formatProblem(p));
  const summary = `${files.length} files, ${index.topics.length} topics, ${index.sourceById.size} sources, ${index.claims.length} valid claims`;
  if (problems.length > 0) {
    console.error(`${problems.length} problem${problems.length === 1 ? "" : "s"} (${summary})`);
    return 1;
  }
  console.log(`ok: ${summary}, every quote found in its seed`);
  return 0;
}

process.exitCode = await main();
