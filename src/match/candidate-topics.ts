import type { IndexStats } from "./index-stats.ts";
import { PhrasingOverlaps } from "./phrasing-overlaps.ts";
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

/** The topics worth scoring in full, each with its closest phrasing's similarity to the question. */
export interface Candidates {
  profiles: TopicProfile[];
  /** `bestPhrasing` of each, with the question's unknown words counted at the weight `gather` was given. */
  similarity: number[];
}

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
  readonly #phrasings: PhrasingOverlaps;
  /** The topics the question touches (the first `#touchedCount`), and room for their overlaps. */
  readonly #touched: Int32Array;
  #touchedCount = 0;
  readonly #scratch: Float64Array;

  constructor(index: CandidateIndex) {
    this.#index = index;
    this.#overlap = new Float64Array(index.profiles.length);
    this.#seen = new Uint8Array(index.profiles.length);
    this.#touched = new Int32Array(index.profiles.length);
    this.#scratch = new Float64Array(index.profiles.length);
    this.#phrasings = new PhrasingOverlaps(index.profiles, index.byTerm, index.stats);
  }

  /** `unknown`: the weight the question's unknown words add to it, as scoring counts them. */
  gather(reading: QuestionReading, keep: number, unknown = 0): Candidates {
    const { byTerm, bySource, stats } = this.#index;
    // How much of the question each topic could explain at best: the weights of the terms it uses (and 1 for
    // each named source it has figures from), summed in the question's order; and as much for each phrasing.
    let asked = 0;
    let askedWithUnknown = unknown;
    for (const key of new Set(reading.terms.map((t) => t.key))) {
      const w = stats.weight(key);
      asked += w;
      askedWithUnknown += w;
      this.#add(byTerm.get(key), w);
      this.#phrasings.add(key, w);
    }
    for (const id of reading.sources) this.#add(bySource.get(id), 1);
    const touched = this.#touched.subarray(0, this.#touchedCount);
    try {
      const kept = this.#bestPlaced(touched, keep, asked);
      return {
        profiles: kept.map((i) => this.#index.profiles[i] as TopicProfile),
        similarity: kept.map((i) => this.#phrasings.similarity(i, askedWithUnknown)),
      };
    } finally {
      this.#phrasings.clear();
      for (const i of touched) {
        this.#overlap[i] = 0;
        this.#seen[i] = 0;
      }
      this.#touchedCount = 0;
    }
  }

  #add(list: readonly number[] | undefined, w: number): void {
    if (!list) return;
    const overlap = this.#overlap;
    const seen = this.#seen;
    for (let n = 0; n < list.length; n++) {
      const i = list[n] as number;
      if (seen[i] === 0) {
        seen[i] = 1;
        this.#touched[this.#touchedCount++] = i;
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
  #bestPlaced(touched: Int32Array, keep: number, asked: number): number[] {
    const { profiles } = this.#index;
    const overlap = this.#overlap;
    // Their order does not matter: the ranking sorts them on score, key and id, a total order.
    if (touched.length <= keep) return Array.from(touched);
    const values = this.#scratch;
    for (let n = 0; n < touched.length; n++) values[n] = overlap[touched[n] as number] as number;
    const edge = kthLargest(values, touched.length, keep);
    const above: number[] = [];
    for (const i of touched) if ((overlap[i] as number) > edge) above.push(i);
    // Thousands may tie at 100,000 claims: each one's closest phrasing is a few array reads (phrasing-overlaps.ts).
    let kept: Array<{ i: number; p: TopicProfile; phrasing: number }> = [];
    const room = keep - above.length;
    for (const i of touched) {
      if (overlap[i] !== edge) continue;
      const phrasing = this.#phrasings.similarity(i, asked);
      const last = kept.length === room ? kept[room - 1] : undefined;
      // Most ties fall short of the last kept: known before anything is made for them.
      if (last && last.phrasing > phrasing) continue;
      kept = insertBest(kept, { i, p: profiles[i] as TopicProfile, phrasing }, room, byPhrasing);
    }
    for (const t of kept) above.push(t.i);
    return above;
  }
}

/**
 * The k-th largest of the first n values (which it reorders): quickselect, since only the cut is wanted, not
 * the order of thousands of overlaps.
 */
function kthLargest(values: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) > pivot) i++;
      while ((values[j] as number) < pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i] = values[j] as number;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return values[target] as number;
  }
  return values[target] as number;
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
