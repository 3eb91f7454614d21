import type { IndexStats } from "./index-stats.ts";
import { bestPhrasing } from "./phrasing-similarity.ts";
import type { QuestionReading } from "./read-question.ts";
import type { TopicProfile } from "./topic-profile.ts";

/** The matcher's inverted indexes, by position in `profiles`. */
export interface CandidateIndex {
  profiles: readonly TopicProfile[];
  /** Term → topics using it. */
  byTerm: ReadonlyMap<string, readonly number[]>;
  /** Source id → topics it has figures on. */
  bySource: ReadonlyMap<string, readonly number[]>;
  stats: IndexStats;
}

/** A bound this much above a phrasing still counts as reaching it: sums taken in another order differ in the last bits. */
const boundMargin = 1 + 1e-9;

/**
 * Topics worth scoring: those that use a term of the question, or have a figure from a source it names, the
 * `keep` that share the most with it. A topic that shares nothing with the question cannot explain any of it,
 * so its score would be nil anyway. One gatherer per matcher: it keeps zeroed per-topic arrays between
 * questions (matching is synchronous), so gathering allocates nothing per topic.
 */
export class CandidateTopics {
  readonly #index: CandidateIndex;
  readonly #overlap: Float64Array;
  readonly #seen: Uint8Array;
  /** Per topic, the weight of its lightest phrasing (NaN until first needed, -Infinity when unknown). */
  readonly #lightest: Float64Array;

  constructor(index: CandidateIndex) {
    this.#index = index;
    this.#overlap = new Float64Array(index.profiles.length);
    this.#seen = new Uint8Array(index.profiles.length);
    this.#lightest = new Float64Array(index.profiles.length).fill(Number.NaN);
  }

  gather(reading: QuestionReading, keep: number): TopicProfile[] {
    const { byTerm, bySource, stats } = this.#index;
    // How much of the question each topic could explain at best: the weights of the terms it uses (and 1 for
    // each named source it has figures from), summed in the question's order.
    const touched: number[] = [];
    let asked = 0;
    for (const key of new Set(reading.terms.map((t) => t.key))) {
      const w = stats.weight(key);
      asked += w;
      this.#add(touched, byTerm.get(key), w);
    }
    for (const id of reading.sources) this.#add(touched, bySource.get(id), 1);
    try {
      return this.#bestPlaced(touched, reading, keep, asked);
    } finally {
      for (const i of touched) {
        this.#overlap[i] = 0;
        this.#seen[i] = 0;
      }
    }
  }

  #add(touched: number[], list: readonly number[] | undefined, w: number): void {
    if (!list) return;
    const overlap = this.#overlap;
    const seen = this.#seen;
    for (let n = 0; n < list.length; n++) {
      const i = list[n] as number;
      if (seen[i] === 0) {
        seen[i] = 1;
        touched.push(i);
      }
      overlap[i] = (overlap[i] as number) + w;
    }
  }

  /**
   * Only the best-placed few are scored in full; at tens of thousands of topics that keeps answers instant.
   * Near neighbours often share as much of a question (the same measure in another place or year), so the cut
   * falls among equals. Those are ordered by content, never by file order: the one whose closest phrasing is
   * closest to the question (no place or year it does not name), then by id.
   */
  #bestPlaced(
    touched: readonly number[],
    reading: QuestionReading,
    keep: number,
    asked: number,
  ): TopicProfile[] {
    const { profiles, stats } = this.#index;
    const overlap = this.#overlap;
    // Their order does not matter: the ranking sorts them on score, key and id, a total order.
    if (touched.length <= keep) return touched.map((i) => profiles[i] as TopicProfile);
    const sorted = Float64Array.from(touched, (i) => overlap[i] as number).sort();
    const edge = sorted[sorted.length - keep] as number;
    const above: TopicProfile[] = [];
    const tied: number[] = [];
    for (const i of touched) {
      const w = overlap[i] as number;
      if (w > edge) above.push(profiles[i] as TopicProfile);
      else if (w === edge) tied.push(i);
    }
    const room = keep - above.length;
    // Thousands may tie at 100,000 claims, and reading each one's phrasings is what costs (their sets lie all
    // over memory). Each tie's phrasing is bounded from two numbers instead; those with the best bounds are
    // scored first, then only those whose bound reaches the last kept, so the few kept are those a full sort on
    // (phrasing, id) would put first.
    const bounds = Float64Array.from(tied, (i) => this.#bound(i, asked));
    const seedAt = Float64Array.from(bounds).sort()[bounds.length - room] as number;
    let kept: Array<{ p: TopicProfile; phrasing: number }> = [];
    const score = (i: number) => {
      const p = profiles[i] as TopicProfile;
      kept = insertBest(kept, { p, phrasing: bestPhrasing(p, reading, stats, 0) }, room, byPhrasing);
    };
    tied.forEach((i, n) => {
      if ((bounds[n] as number) >= seedAt) score(i);
    });
    tied.forEach((i, n) => {
      const bound = bounds[n] as number;
      const last = kept[room - 1]?.phrasing ?? Number.NEGATIVE_INFINITY;
      if (bound < seedAt && bound * boundMargin >= last) score(i);
    });
    return [...above, ...kept.map((t) => t.p)];
  }

  /**
   * At least the topic's `bestPhrasing`: no phrasing shares more of the question than the topic does (its
   * overlap), and the share x / (asked + weight - x) is largest for the phrasing whose weight is nearest it.
   */
  #bound(i: number, asked: number): number {
    const shared = this.#overlap[i] as number;
    const lightest = this.#lightestPhrasing(i);
    if (!(asked > 0) || lightest === Number.NEGATIVE_INFINITY) return Number.POSITIVE_INFINITY;
    const bound = lightest >= shared ? shared / (asked + lightest - shared) : shared / asked;
    return Number.isNaN(bound) ? Number.POSITIVE_INFINITY : bound;
  }

  #lightestPhrasing(i: number): number {
    let lightest = this.#lightest[i] as number;
    if (Number.isNaN(lightest)) {
      const p = this.#index.profiles[i] as TopicProfile;
      const totals = this.#index.stats.phrasingWeights.get(p.topic.id) ?? [];
      // Without a weight for every phrasing nothing bounds it.
      lightest = totals.length < p.phrasings.length ? Number.NEGATIVE_INFINITY : Math.min(...totals);
      this.#lightest[i] = lightest;
    }
    return lightest;
  }
}

const byPhrasing = (
  a: { p: TopicProfile; phrasing: number },
  b: { p: TopicProfile; phrasing: number },
): number => b.phrasing - a.phrasing || a.p.topic.id.localeCompare(b.p.topic.id);

/** `item` placed in `kept` (sorted by `order`, at most `n` long), the last dropped when it overflows. */
function insertBest<T>(kept: T[], item: T, n: number, order: (a: T, b: T) => number): T[] {
  if (n <= 0 || (kept.length === n && order(item, kept[n - 1] as T) >= 0)) return kept;
  let at = kept.length;
  while (at > 0 && order(item, kept[at - 1] as T) < 0) at--;
  kept.splice(at, 0, item);
  if (kept.length > n) kept.pop();
  return kept;
}
