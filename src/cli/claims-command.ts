import { parseArgs } from "node:util";
import { z } from "zod";
import { formatProblem } from "../claims/index-problem.ts";
import { loadIndex } from "../claims/load-index.ts";
import { documentsDirFromEnv } from "../config.ts";
import { vocabularyClashes } from "../match/vocabulary-clashes.ts";
import { runDraftCommand } from "./draft-command.ts";
import { runExportCommand } from "./export-command.ts";

export const usage = `usage: npm run claims -- validate [--data DIR ...] [--documents DIR ...] [--strict | --strict-when-present]
  Checks every topic, source, document, claim and vocabulary entry in each data folder (default
  TALLY_DATA_DIR or data/; several --data folders merge into one index): schema, unknown or duplicate ids,
  bad dates, ranges with low > high, a different figure from one source on one topic and date, and that each
  quote appears in its document's text copy (looked up in each --documents folder in order, default
  TALLY_DOCUMENTS_DIR or ../shared/seeds). Quotes with no copy to check are listed as unverified.
  Exits 1 on any problem; with --strict also on unverified quotes. --strict-when-present is --strict where
  a documents folder exists; elsewhere it says in one line that quotes were not checked (with CI=true
  that fails: CI must check them).
       npm run claims -- export [--state DIR] [--data DIR] [--out DIR]: Slack-approved figures as YAML
       npm run claims -- draft ARTICLE.txt [--url URL] [--published YYYY-MM-DD] [--data DIR ...] [--out FILE]: an article's figures as candidate claims (YAML)`;

type Env = Record<string, string | undefined>;

const flagsSchema = (env: Env) =>
  z
    .object({
      data: z
        .array(z.string().trim().min(1, "needs a folder"))
        .default([env.TALLY_DATA_DIR?.trim() || "data"]),
      documents: z.array(z.string().trim().min(1, "needs a folder")).default([documentsDirFromEnv(env)]),
      strict: z.boolean().default(false),
      "strict-when-present": z.boolean().default(false),
    })
    .refine((f) => !(f.strict && f["strict-when-present"]), {
      message: "give --strict or --strict-when-present, not both",
    });

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** A `claims <command>`: its own arguments in, an exit code out. */
export type ClaimsSubcommand = (argv: readonly string[], env: Env, io: CommandIo) => Promise<number>;

const subcommands: Record<string, ClaimsSubcommand> = {
  validate: runValidateCommand,
  draft: runDraftCommand,
  export: runExportCommand,
};

/** `npm run claims -- <validate|draft|export> …`; returns the exit code. */
export async function runClaimsCommand(argv: readonly string[], env: Env, io: CommandIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first !== undefined && first !== "validate" && Object.hasOwn(subcommands, first)) {
    const run = subcommands[first];
    if (run) return run(rest, env, io);
  }
  return runValidateCommand(argv, env, io);
}

/** `claims validate`: every problem as `file:line id: message`, then unverified quotes; returns the exit code. */
async function runValidateCommand(argv: readonly string[], env: Env, io: CommandIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        data: { type: "string", multiple: true },
        documents: { type: "string", multiple: true },
        strict: { type: "boolean" },
        "strict-when-present": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    io.err(`claims: ${(e as Error).message}\n${usage}`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || command === undefined) {
    io.out(usage);
    return parsed.values.help ? 0 : 2;
  }
  if (command !== "validate" || rest.length > 0) {
    io.err(`claims: unknown command "${parsed.positionals.join(" ")}"\n${usage}`);
    return 2;
  }
  const { help: _help, ...values } = parsed.values;
  const flags = flagsSchema(env).safeParse(values);
  if (!flags.success) {
    const said = flags.error.issues.map((i) =>
      i.path.length > 0 ? `--${String(i.path[0])} ${i.message}` : i.message,
    );
    io.err(`claims: ${said.join("; ")}`);
    return 2;
  }
  const f = flags.data;
  const { index, problems, unverified, quotesNotChecked, files } = await loadIndex({
    dataDirs: f.data,
    documentsDirs: f.documents,
  });

  for (const p of problems) io.err(formatProblem(p));
  for (const p of unverified) io.out(`unverified: ${formatProblem(p)}`);
  // Warnings, not errors: the index is valid, but these phrases will not read as meant.
  for (const clash of vocabularyClashes(index.concepts)) io.out(`vocabulary: ${clash}`);
  const strict = f.strict || (f["strict-when-present"] && quotesNotChecked === null);
  const ciMustCheck = f["strict-when-present"] && quotesNotChecked !== null && env.CI === "true";
  if (quotesNotChecked !== null)
    io.out(ciMustCheck ? `${quotesNotChecked}, and CI must check them` : quotesNotChecked);

  const merged = [...index.reportsByClaim.values()].filter((r) => r.length > 1).length;
  const summary = [
    plural(files.length, "file", "files"),
    plural(index.topics.length, "topic", "topics"),
    plural(index.sourceById.size, "source", "sources"),
    plural(index.documentById.size, "document", "documents"),
    plural(index.claims.length, "figure", "figures"),
    ...(merged > 0 ? [`${merged} reported by several documents`] : []),
  ].join(", ");
  const unverifiedClaims = unverified.filter((p) => p.message.startsWith("quote unverified")).length;
  const failsOnQuotes = strict && (unverified.length > 0 || quotesNotChecked !== null);
  if (problems.length > 0 || failsOnQuotes || ciMustCheck) {
    const why = [
      ...(problems.length > 0 ? [plural(problems.length, "problem", "problems")] : []),
      ...(failsOnQuotes || ciMustCheck
        ? [
            quotesNotChecked !== null
              ? `quotes not checked (${ciMustCheck ? "CI" : "strict"})`
              : `${plural(unverifiedClaims, "unverified quote", "unverified quotes")} (strict)`,
          ]
        : []),
    ];
    io.err(`${why.join(", ")} (${summary})`);
    return 1;
  }
  const quotes =
    quotesNotChecked !== null
      ? "quotes not checked"
      : unverifiedClaims > 0
        ? `${plural(unverifiedClaims, "quote", "quotes")} unverified, every other quote found in its document`
        : "every quote found in its document";
  io.out(`ok: ${summary}; ${quotes}`);
  return 0;
}
