import { stemWord, tokenizeQuestion } from "../match/normalize-question.ts";
import { readTerms } from "../match/read-terms.ts";
import { isConcept, Vocabulary } from "../match/vocabulary.ts";
import type { GapRecord } from "./proposal.ts";

/** Tuning for grouping the questions nobody could answer; chosen on reporter phrasings (see the tests). */
export const gapGroupingConfig = Object.freeze({
  /** A question joins a group when its wording is at least this similar to one already in it (0 … 1). */
  minSimilarity: 0.45,
  /**
   * Weight of a measure, group, period or scope word against a plain word: two questions about one quantity
   * in two places ("turnout in X", "turnout in Y") share only the measure, and are two gaps.
   */
  conceptWeight: 0.5,
  /** A word that ends another ("quake" in "earthquake") matches it when it is at least this long (stemmed). */
  minCompoundPart: 4,
});
export type GapGroupingConfig = { readonly [K in keyof typeof gapGroupingConfig]: number };

export interface GapGroup {
  /** The wording to show: the most often asked, else the latest. */
  wording: string;
  /** Every distinct wording, the most asked first. */
  wordings: string[];
  count: number;
  /** Distinct users who asked, in the order they first asked. */
  askers: string[];
  kinds: { noMatch: number; notWhatIAsked: number };
  /** The topics Tally answered with when the asker said "Not what I asked", first answered first. */
  answeredTopicIds: string[];
  /** ISO instants. */
  firstAt: string;
  lastAt: string;
}

export interface GroupGapsOptions {
  /** The newsroom vocabulary: "dead", "deaths" and "death toll" are one word to it. */
  vocabulary?: Vocabulary;
  config?: Partial<GapGroupingConfig>;
}

interface Term {
  key: string;
  weight: number;
}

/** How one wording is shown and counted: case, spacing and the trailing "?" do not make another wording. */
const wordingKey = (q: string): string =>
  q
    .trim()
    .replace(/\s+/g, " ")
    .replace(/[\s?!.]+$/, "")
    .toLowerCase();

function termsOf(question: string, vocabulary: Vocabulary, config: GapGroupingConfig): Term[] {
  const stems = tokenizeQuestion(question).map(stemWord);
  const keys = [...new Set(readTerms(stems, vocabulary).map((t) => t.key))];
  return keys.map((key) => {
    const kind = vocabulary.kind(key);
    const light = kind === "measure" || kind === "group" || kind === "period" || kind === "scope";
    return { key, weight: light ? config.conceptWeight : 1 };
  });
}

/**
 * Whether two terms are one: equal, or a compound and its head ("quake", "earthquake"). Measures only match
 * themselves: counting "toll" close to "killed" would also bring "homes destroyed" close to it.
 */
function termMatch(a: string, b: string, config: GapGroupingConfig): number {
  if (a === b) return 1;
  if (isConcept(a) || isConcept(b)) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= config.minCompoundPart && long.endsWith(short) ? 1 : 0;
}

/** Weighted Jaccard of two term sets, pairing each term with its best partner at most once. */
function similarity(a: Term[], b: Term[], config: GapGroupingConfig): number {
  const total = [...a, ...b].reduce((sum, t) => sum + t.weight, 0);
  if (total === 0) return 0;
  const pairs = a.flatMap((x, i) =>
    b.map((y, j) => ({ i, j, score: termMatch(x.key, y.key, config) * ((x.weight + y.weight) / 2) })),
  );
  pairs.sort((p, q) => q.score - p.score);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let shared = 0;
  for (const p of pairs) {
    if (p.score <= 0 || usedA.has(p.i) || usedB.has(p.j)) continue;
    usedA.add(p.i);
    usedB.add(p.j);
    shared += p.score;
  }
  return shared / (total - shared);
}

interface Cluster {
  gaps: GapRecord[];
  /** The distinct wordings in it, each read once. */
  readings: Map<string, Term[]>;
}

function summarise(cluster: Cluster): GapGroup {
  const byWording = new Map<string, { text: string; count: number; lastAt: string }>();
  for (const g of cluster.gaps) {
    const key = wordingKey(g.question);
    const seen = byWording.get(key);
    // Gaps are in time order: the last one seen is the latest way it was written.
    byWording.set(key, { text: g.question.trim(), count: (seen?.count ?? 0) + 1, lastAt: g.at });
  }
  const ranked = [...byWording.values()].sort(
    (a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt),
  );
  const unique = <T>(xs: Array<T | null>): T[] => [...new Set(xs.filter((x): x is T => x !== null))];
  const first = cluster.gaps[0];
  const last = cluster.gaps[cluster.gaps.length - 1];
  return {
    wording: ranked[0]?.text ?? "",
    wordings: ranked.map((w) => w.text),
    count: cluster.gaps.length,
    askers: unique(cluster.gaps.map((g) => g.user)),
    kinds: {
      noMatch: cluster.gaps.filter((g) => g.kind === "no-match").length,
      notWhatIAsked: cluster.gaps.filter((g) => g.kind === "not-what-i-asked").length,
    },
    answeredTopicIds: unique(cluster.gaps.map((g) => (g.kind === "not-what-i-asked" ? g.topicId : null))),
    firstAt: first?.at ?? "",
    lastAt: last?.at ?? "",
  };
}

/**
 * Groups what reporters asked that the index could not answer by similar wording, most asked first (ties: the
 * most recently asked first). Greedy: in time order, each question joins the group holding the wording most
 * like its own, when that is similar enough, else starts one.
 */
export function groupGaps(gaps: readonly GapRecord[], options: GroupGapsOptions = {}): GapGroup[] {
  const config: GapGroupingConfig = { ...gapGroupingConfig, ...options.config };
  const vocabulary = options.vocabulary ?? new Vocabulary([]);
  const ordered = [...gaps].sort((a, b) => a.at.localeCompare(b.at));
  const clusters: Cluster[] = [];
  const readings = new Map<string, Term[]>();
  for (const gap of ordered) {
    const key = wordingKey(gap.question);
    let terms = readings.get(key);
    if (!terms) {
      terms = termsOf(gap.question, vocabulary, config);
      readings.set(key, terms);
    }
    let best: { cluster: Cluster; score: number } | null = null;
    for (const cluster of clusters) {
      for (const [otherKey, other] of cluster.readings) {
        // The same wording is the same question, even when it has no content words ("how many?").
        const score = otherKey === key ? 1 : similarity(terms, other, config);
        if (score >= config.minSimilarity && (best === null || score > best.score)) best = { cluster, score };
      }
    }
    const target = best?.cluster ?? { gaps: [], readings: new Map<string, Term[]>() };
    if (!best) clusters.push(target);
    target.gaps.push(gap);
    target.readings.set(key, terms);
  }
  return clusters.map(summarise).sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt));
}
