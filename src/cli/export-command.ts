import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { format } from "date-fns";
import { z } from "zod";
import { formatProblem } from "../claims/index-problem.ts";
import { loadIndex } from "../claims/load-index.ts";
import { rawId } from "../claims/parse-entries.ts";
import { readDataFolders } from "../claims/read-data-folders.ts";
import { type ClaimLocation, type CuratedExport, exportCurated, toYaml } from "../curation/export-curated.ts";
import { openSqliteCurationStore } from "../store/sqlite-curation-store.ts";
import { STATE_FILE_NAME } from "../store/sqlite-store.ts";
import type { CommandIo } from "./claims-command.ts";

type Env = Record<string, string | undefined>;

export const exportUsage = `usage: npm run claims -- export [--state DIR] [--data DIR ...] [--out DIR]
  Writes the figures approved in Slack that the data folder does not have yet, with their provenance, as
  <out>/{topics,sources,documents,claims}/curated-YYYY-MM-DD.yml (default --out: the --data folder, so the desk
  reviews and commits them), and prints the retired: lines to add by hand to data claims retired in Slack.
  --state is Tally's state folder (default TALLY_STATE_DIR or ./var); --data as for validate.`;

const flagsSchema = (env: Env) =>
  z
    .object({
      state: z
        .string()
        .trim()
        .min(1, "needs a folder")
        .default(env.TALLY_STATE_DIR?.trim() || "./var"),
      data: z
        .array(z.string().trim().min(1, "needs a folder"))
        .default([env.TALLY_DATA_DIR?.trim() || "data"]),
      out: z.string().trim().min(1, "needs a folder").optional(),
    })
    .refine((f) => f.out !== undefined || f.data.length === 1, {
      message: "with several --data folders, give --out to say which one gets the curated files",
    });

const folders = ["topics", "sources", "documents", "claims"] as const;

/** Fields at their default say nothing; leaving them out keeps the written entries like the desk's own. */
function compact(entry: object): Record<string, unknown> {
  const defaults: Record<string, unknown> = { unattributed: false, key: false };
  return Object.fromEntries(
    Object.entries(entry).filter(
      ([k, v]) =>
        v !== undefined && defaults[k] !== v && !(Array.isArray(v) && v.length === 0 && k !== "aliases"),
    ),
  );
}

/** `curated-DAY.yml`, or `curated-DAY-2.yml` …: a second export the same day never overwrites the first. */
function freeName(dir: string, day: string): string {
  for (let n = 1; ; n += 1) {
    const file = path.join(dir, n === 1 ? `curated-${day}.yml` : `curated-${day}-${n}.yml`);
    if (!existsSync(file)) return file;
  }
}

async function claimLocations(dataDirs: readonly string[]): Promise<Map<string, ClaimLocation>> {
  const { entries } = await readDataFolders(dataDirs);
  const where = new Map<string, ClaimLocation>();
  for (const e of entries.claims) {
    const id = rawId(e);
    if (id !== undefined && !where.has(id)) where.set(id, { file: e.file, line: e.line });
  }
  return where;
}

async function writeFolders(
  result: CuratedExport,
  out: string,
  day: string,
  io: CommandIo,
): Promise<string[]> {
  const written: string[] = [];
  for (const folder of folders) {
    const list = result[folder];
    if (list.length === 0) continue;
    const dir = path.join(out, folder);
    await mkdir(dir, { recursive: true });
    const file = freeName(dir, day);
    const header = `# Approved in Slack, written by \`npm run claims -- export\` on ${day}. Review, then commit.\n\n`;
    const body = list.map((entry) => toYaml([compact(entry)])).join("\n");
    await writeFile(file, header + body, { flag: "wx" });
    io.out(`wrote ${file}: ${list.length} ${folder}`);
    written.push(file);
  }
  return written;
}

/** `claims export`: approved figures from the state database into YAML in the data layout; returns the exit code. */
export async function runExportCommand(argv: readonly string[], env: Env, io: CommandIo): Promise<number> {
  let values: Record<string, unknown>;
  try {
    const parsed = parseArgs({
      args: [...argv],
      options: {
        state: { type: "string" },
        data: { type: "string", multiple: true },
        out: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (parsed.values.help) {
      io.out(exportUsage);
      return 0;
    }
    values = parsed.values;
  } catch (e) {
    io.err(`claims export: ${(e as Error).message}\n${exportUsage}`);
    return 2;
  }
  const flags = flagsSchema(env).safeParse(values);
  if (!flags.success) {
    const said = flags.error.issues.map((i) =>
      i.path.length > 0 ? `--${String(i.path[0])} ${i.message}` : i.message,
    );
    io.err(`claims export: ${said.join("; ")}`);
    return 2;
  }
  const { state, data } = flags.data;
  const out = flags.data.out ?? data[0] ?? "data";

  const dbFile = path.join(state, STATE_FILE_NAME);
  if (!existsSync(dbFile)) {
    io.err(
      `claims export: no state database at ${dbFile}: give --state (or set TALLY_STATE_DIR) to the folder Tally runs with`,
    );
    return 1;
  }
  // A separate --out folder holds earlier exports: what it has is not written again.
  const outIsData = data.some((d) => path.resolve(d) === path.resolve(out));
  const outHasData = folders.some((f) => existsSync(path.join(out, f)));
  const known = outIsData || !outHasData ? data : [...data, out];
  const loaded = await loadIndex({ dataDirs: known });
  if (loaded.problems.length > 0) {
    for (const p of loaded.problems) io.err(formatProblem(p));
    io.err(
      `claims export: the data folder has ${loaded.problems.length} problem(s); fix them first (claims validate)`,
    );
    return 1;
  }

  const store = openSqliteCurationStore(state);
  let approved: Awaited<ReturnType<typeof store.listProposals>>;
  let retirements: Awaited<ReturnType<typeof store.listRetirements>>;
  try {
    approved = await store.listProposals({ status: "approved" });
    retirements = await store.listRetirements();
  } catch (e) {
    io.err(`claims export: cannot read ${dbFile}: ${(e as Error).message}`);
    return 1;
  } finally {
    await store.close();
  }

  const result = exportCurated({
    index: loaded.index,
    approved,
    retirements,
    claimLocations: await claimLocations(known),
  });
  for (const s of result.skipped.filter((s) => s.reason === "conflict" || s.reason === "no-decision"))
    io.err(`not exported: ${s.claimId} (proposal ${s.proposal}): ${s.detail}`);
  for (const id of result.unknownRetirements)
    io.err(`retired in Slack but in neither the data folder nor an approved proposal: ${id}`);
  const present = result.skipped.filter((s) => s.reason === "in-data" || s.reason === "same-figure").length;
  if (present > 0) io.out(`${present} approved figure(s) already in the data folder`);

  const day = format(new Date(), "yyyy-MM-dd");
  const written = await writeFolders(result, out, day, io);
  if (result.retiredInData.length > 0) {
    io.out("retired in Slack: add these lines to each claim's entry in the data folder by hand:");
    for (const r of result.retiredInData) {
      io.out(`  ${r.where ? `${r.where.file}:${r.where.line} ` : ""}${r.claimId}:`);
      for (const line of r.lines) io.out(`    ${line}`);
    }
  }
  if (written.length === 0 && result.retiredInData.length === 0) {
    io.out("nothing to export");
    return 0;
  }
  if (written.length === 0) return 0;

  // The desk commits these files: check they load with the data folder, as it will be once the hand edits
  // above are made, before saying they are ready.
  const check = await loadIndex({
    dataDirs: outIsData ? data : [...data, out],
    retire: new Map(result.retiredInData.map((r) => [r.claimId, r.retired])),
  });
  if (check.problems.length > 0) {
    for (const p of check.problems) io.err(formatProblem(p));
    io.err(
      "claims export: the written files do not load cleanly with the data folder; fix them before committing",
    );
    return 1;
  }
  return 0;
}
