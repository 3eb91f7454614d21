import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createCore } from "../answer/create-core.ts";
import { loadIndex } from "../claims/load-index.ts";
import { AsOfSchema } from "../claims/schema.ts";
import { readArticleHeader } from "../curation/draft/article-header.ts";
import { draftsToYaml, suggestDocument } from "../curation/draft/draft-yaml.ts";
import { draftClaims } from "../curation/draft-claims.ts";
import { topicMatcherOf } from "../curation/match-topic.ts";
import type { CommandIo } from "./claims-command.ts";

type Env = Record<string, string | undefined>;

export const draftUsage =
  "usage: npm run claims -- draft ARTICLE.txt [--url URL] [--published YYYY-MM-DD] [--data DIR ...] [--out FILE]";

const flagsSchema = (env: Env) =>
  z.object({
    article: z.string().trim().min(1, "needs an article file"),
    url: z.string().url("must be a full URL (https://…)").optional(),
    published: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a day, YYYY-MM-DD")
      .pipe(AsOfSchema)
      .optional(),
    data: z.array(z.string().trim().min(1, "needs a folder")).default([env.TALLY_DATA_DIR?.trim() || "data"]),
    out: z.string().trim().min(1, "needs a file").optional(),
  });

/**
 * `claims draft ARTICLE.txt`: every figure in the article as a candidate claim, printed as YAML in the claims
 * format (or written to --out) for the desk to edit and commit. Returns the exit code.
 */
export async function runDraftCommand(argv: readonly string[], env: Env, io: CommandIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        url: { type: "string" },
        published: { type: "string" },
        data: { type: "string", multiple: true },
        out: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    io.err(`claims draft: ${(e as Error).message}\n${draftUsage}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(draftUsage);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    io.err(`claims draft: give one article file (got ${parsed.positionals.length})\n${draftUsage}`);
    return 2;
  }
  const { help: _help, ...values } = parsed.values;
  const flags = flagsSchema(env).safeParse({ ...values, article: parsed.positionals[0] });
  if (!flags.success) {
    const said = flags.error.issues.map((i) =>
      i.path[0] === "article" ? i.message : `--${String(i.path[0])} ${i.message}`,
    );
    io.err(`claims draft: ${said.join("; ")}`);
    return 2;
  }
  const f = flags.data;
  let text: string;
  try {
    text = await readFile(f.article, "utf8");
  } catch (e) {
    io.err(
      `claims draft: cannot read ${f.article}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
    return 2;
  }
  const { index, problems } = await loadIndex({ dataDirs: f.data });
  if (index.topics.length === 0 && index.sourceById.size === 0 && problems[0]) {
    io.err(`claims draft: no index in ${f.data.join(", ")} (${problems[0].file}: ${problems[0].message})`);
    return 2;
  }
  const now = new Date();
  const core = createCore(index, () => now);
  const matchTopic = topicMatcherOf(core);
  const drafts = draftClaims(
    { text, ...(f.url ? { url: f.url } : {}), ...(f.published ? { published: f.published } : {}) },
    { index, matchTopic, now },
  );
  const header = readArticleHeader(text, now);
  const base = path.basename(f.article);
  const document = suggestDocument({
    url: f.url,
    headline: header.headline,
    published: f.published ?? header.published,
    file: /^[\w][\w.-]*\.txt$/.test(base) ? base : undefined,
  });
  const yaml = draftsToYaml(drafts, document);
  if (f.out) {
    try {
      await writeFile(f.out, yaml);
    } catch (e) {
      io.err(
        `claims draft: cannot write ${f.out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
      return 2;
    }
    io.out(`claims draft: ${drafts.length} candidate figures written to ${f.out}`);
    return 0;
  }
  io.out(yaml.trimEnd());
  return 0;
}
