import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { buildClaimsIndex, type ClaimsIndex } from "./claims-index.ts";
import type { IndexProblem } from "./index-problem.ts";
import { readYamlList, type YamlItem } from "./read-yaml-list.ts";
import {
  type Claim,
  ClaimSchema,
  type Seed,
  SeedSchema,
  type Source,
  SourceSchema,
  type Topic,
  TopicSchema,
} from "./schema.ts";

export interface LoadIndexOptions {
  dataDir: string;
  /** Where the seed articles are, to check that every quote is really in its seed; skipped when absent. */
  seedsDir?: string | undefined;
}

export interface LoadedIndex {
  index: ClaimsIndex;
  problems: IndexProblem[];
  /** Files read, relative names, for the "validated N files" line. */
  files: string[];
}

const collapse = (s: string): string => s.replace(/\s+/g, " ").trim();

function parseItems<S extends z.ZodType>(
  items: YamlItem[],
  schema: S,
  file: string,
  problems: IndexProblem[],
): Array<{ value: z.infer<S>; line: number }> {
  const out: Array<{ value: z.infer<S>; line: number }> = [];
  for (const item of items) {
    const id =
      (item.value as { id?: unknown; file?: unknown } | null)?.id ??
      (item.value as { file?: unknown } | null)?.file;
    const result = schema.safeParse(item.value);
    if (result.success) {
      out.push({ value: result.data, line: item.line });
      continue;
    }
    for (const issue of result.error.issues) {
      const field = issue.path.map(String).join(".");
      const key = issue.path[0];
      problems.push({
        file,
        line: (typeof key === "string" ? item.keyLines.get(key) : undefined) ?? item.line,
        ...(typeof id === "string" ? { claimId: id } : {}),
        message: field ? `${field}: ${issue.message}` : issue.message,
      });
    }
  }
  return out;
}

async function readList(dir: string, name: string, problems: IndexProblem[]): Promise<YamlItem[]> {
  const full = path.join(dir, name);
  let text: string;
  try {
    text = await readFile(full, "utf8");
  } catch {
    problems.push({ file: full, message: "file not found" });
    return [];
  }
  const { items, problems: p } = readYamlList(text, full);
  problems.push(...p);
  return items;
}

function checkDuplicates<T extends { id: string }>(
  entries: Array<{ value: T; line: number; file: string }>,
  kind: string,
  problems: IndexProblem[],
): Array<{ value: T; line: number; file: string }> {
  const seen = new Map<string, { file: string; line: number }>();
  const kept: Array<{ value: T; line: number; file: string }> = [];
  for (const e of entries) {
    const first = seen.get(e.value.id);
    if (first) {
      problems.push({
        file: e.file,
        line: e.line,
        claimId: e.value.id,
        message: `duplicate ${kind} id (first defined at ${first.file}:${first.line})`,
      });
      continue;
    }
    seen.set(e.value.id, { file: e.file, line: e.line });
    kept.push(e);
  }
  return kept;
}

/**
 * Reads data/ (topics.yml, sources.yml, seeds.yml, claims/*.yml) and returns every valid entry plus every problem,
 * each with file, line and id. Never throws on bad data: an invalid claim is left out, the rest still serves.
 */
export async function loadIndex(options: LoadIndexOptions): Promise<LoadedIndex> {
  const { dataDir } = options;
  const problems: IndexProblem[] = [];
  const files: string[] = [];

  const topicFile = path.join(dataDir, "topics.yml");
  const sourceFile = path.join(dataDir, "sources.yml");
  const seedFile = path.join(dataDir, "seeds.yml");
  files.push(topicFile, sourceFile, seedFile);

  const topics = checkDuplicates(
    parseItems(await readList(dataDir, "topics.yml", problems), TopicSchema, topicFile, problems).map(
      (t) => ({
        ...t,
        file: topicFile,
      }),
    ),
    "topic",
    problems,
  );
  const sources = checkDuplicates(
    parseItems(await readList(dataDir, "sources.yml", problems), SourceSchema, sourceFile, problems).map(
      (s) => ({
        ...s,
        file: sourceFile,
      }),
    ),
    "source",
    problems,
  );
  const seeds = parseItems(await readList(dataDir, "seeds.yml", problems), SeedSchema, seedFile, problems);

  const claimsDir = path.join(dataDir, "claims");
  let claimFiles: string[] = [];
  try {
    claimFiles = (await readdir(claimsDir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    problems.push({ file: claimsDir, message: "claims folder not found" });
  }
  // Claims are checked twice over: the schema, and the references and quote even when the schema failed, so
  // that one run lists everything wrong with a claim.
  const rawClaims: Array<{
    raw: Record<string, unknown>;
    value: Claim | null;
    line: number;
    file: string;
    keyLines: Map<string, number>;
  }> = [];
  for (const name of claimFiles) {
    const file = path.join(claimsDir, name);
    files.push(file);
    const items = await readList(claimsDir, name, problems);
    for (const item of items) {
      const [parsed] = parseItems([item], ClaimSchema, file, problems);
      const raw = item.value && typeof item.value === "object" ? (item.value as Record<string, unknown>) : {};
      rawClaims.push({ raw, value: parsed?.value ?? null, line: item.line, file, keyLines: item.keyLines });
    }
  }

  const topicIds = new Set(topics.map((t) => t.value.id));
  for (const t of topics) {
    for (const r of t.value.related) {
      if (!topicIds.has(r))
        problems.push({
          file: topicFile,
          line: t.line,
          claimId: t.value.id,
          message: `related: unknown topic "${r}"`,
        });
    }
  }
  const sourceIds = new Set(sources.map((s) => s.value.id));
  const seedFiles = new Set(seeds.map((s) => s.value.file));
  const seedTexts = new Map<string, string>();
  const seedsDir = options.seedsDir;
  const canCheckQuotes = seedsDir !== undefined && existsSync(seedsDir);
  if (seedsDir !== undefined && !canCheckQuotes) {
    problems.push({
      file: seedsDir,
      message: "seeds folder not found: quotes not checked (set TALLY_SEEDS_DIR)",
    });
  }
  if (canCheckQuotes) {
    for (const s of seeds) {
      try {
        seedTexts.set(s.value.file, collapse(await readFile(path.join(seedsDir, s.value.file), "utf8")));
      } catch {
        problems.push({
          file: seedFile,
          line: s.line,
          claimId: s.value.file,
          message: `seed file not found in ${seedsDir}`,
        });
      }
    }
  }

  const claims: Claim[] = [];
  const firstById = new Map<string, { file: string; line: number }>();
  const firstBySourceDate = new Map<string, string>();
  for (const c of rawClaims) {
    const id = typeof c.raw.id === "string" ? c.raw.id : undefined;
    const at = (key: string) => ({
      file: c.file,
      line: c.keyLines.get(key) ?? c.line,
      ...(id ? { claimId: id } : {}),
    });
    const before = problems.length;
    if (id !== undefined) {
      const first = firstById.get(id);
      if (first)
        problems.push({
          ...at("id"),
          message: `duplicate claim id (first defined at ${first.file}:${first.line})`,
        });
      else firstById.set(id, { file: c.file, line: c.line });
    }
    const { topic, source, seed, quote } = c.raw;
    if (typeof topic === "string" && !topicIds.has(topic))
      problems.push({ ...at("topic"), message: `unknown topic "${topic}"` });
    if (typeof source === "string" && !sourceIds.has(source))
      problems.push({ ...at("source"), message: `unknown source "${source}"` });
    if (typeof seed === "string" && !seedFiles.has(seed)) {
      problems.push({ ...at("seed"), message: `unknown seed "${seed}" (add it to seeds.yml)` });
    }
    const seedText = typeof seed === "string" ? seedTexts.get(seed) : undefined;
    if (seedText !== undefined && typeof quote === "string" && !seedText.includes(collapse(quote))) {
      problems.push({
        ...at("quote"),
        message: `quote does not appear in ${seed}: "${quote.slice(0, 60)}…"`,
      });
    }
    // One figure per source per topic per date: two would make "the source's latest figure" ambiguous.
    if (c.value) {
      const key = `${c.value.source}|${c.value.topic}|${c.value.as_of}`;
      const same = firstBySourceDate.get(key);
      if (same && same !== id) {
        problems.push({
          ...at("as_of"),
          message: `${c.value.source} already has a figure on ${c.value.topic} as of ${c.value.as_of} (${same})`,
        });
      } else firstBySourceDate.set(key, id ?? "");
    }
    if (c.value && problems.length === before) claims.push(c.value);
  }

  const index = buildClaimsIndex(
    topics.map((t) => t.value) as Topic[],
    sources.map((s) => s.value) as Source[],
    seeds.map((s) => s.value) as Seed[],
    claims,
  );
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { index, problems, files };
}
