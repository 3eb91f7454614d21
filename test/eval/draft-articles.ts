/**
 * Loads the labelled article set (test/eval/articles/{dev,heldout,fresh}/<slug>/) and drafts each article against
 * an index of its own sources.yml plus the shipped figure words (copied into test/curation/fixtures/), never
 * the live data/ folder. Shared by the gate test; run it directly for the numbers and the misses:
 *   npx tsx test/eval/draft-articles.ts dev
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { buildClaimsIndex } from "../../src/claims/claims-index.ts";
import { loadIndex } from "../../src/claims/load-index.ts";
import { SourceSchema } from "../../src/claims/schema.ts";
import { draftClaims } from "../../src/curation/draft-claims.ts";
import {
  type DraftScore,
  evaluateDrafts,
  type FigureLabel,
  totalScore,
} from "../../src/curation/evaluate-drafts.ts";

export const ARTICLES_DIR = path.resolve(import.meta.dirname, "articles");
const VOCABULARY_DIR = path.resolve(import.meta.dirname, "../curation/fixtures/draft-story");

/** dev: tuned on; heldout: only its totals seen while tuning; fresh: written after tuning, never tuned on. */
export type ArticleSet = "dev" | "heldout" | "fresh";

export async function scoreSet(set: ArticleSet): Promise<{ slugs: string[]; scores: DraftScore[] }> {
  const { index: vocabulary } = await loadIndex({ dataDirs: [VOCABULARY_DIR] });
  const root = path.join(ARTICLES_DIR, set);
  const slugs = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const scores = slugs.map((slug) => {
    const dir = path.join(root, slug);
    const article = readFileSync(path.join(dir, "article.txt"), "utf8");
    const labels = parse(readFileSync(path.join(dir, "labels.yml"), "utf8")) as { figures: FigureLabel[] };
    const sources = (parse(readFileSync(path.join(dir, "sources.yml"), "utf8")) as unknown[]).map((s) =>
      SourceSchema.parse(s),
    );
    const index = buildClaimsIndex([], sources, [], [], [...vocabulary.concepts]);
    const drafts = draftClaims(
      { text: article },
      { index, matchTopic: () => null, now: new Date("2026-06-01") },
    );
    return evaluateDrafts(article, labels.figures, drafts);
  });
  return { slugs, scores };
}

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const set = (process.argv[2] ?? "dev") as ArticleSet;
  const { slugs, scores } = await scoreSet(set);
  const total = totalScore(scores);
  console.log(
    `${set}: recall ${pct(total.recall)} (${total.found}/${total.figures}), right source ${pct(total.rightSourceRate)} (${total.rightSource}/${total.found}), precision ${pct(total.precision)} (${total.matchedDrafts}/${total.drafts})`,
  );
  if (set === "dev" || process.argv.includes("--misses")) {
    scores.forEach((s, i) => {
      console.log(
        `\n== ${slugs[i]}: ${s.found}/${s.figures} found, ${s.rightSource} right source, ${s.drafts} drafts`,
      );
      for (const m of s.misses)
        console.log(
          `  ${m.kind}: "${m.label.text}" [${m.label.source_id ?? m.label.source}] got ${JSON.stringify(m.drafted)} | ${m.label.sentence.slice(0, 90)}`,
        );
      for (const d of s.extra) console.log(`  extra: "${d.figureText}" | ${d.sentence.slice(0, 90)}`);
    });
  }
}
