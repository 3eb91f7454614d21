import type { IndexStats } from "./index-stats.ts";
import type { TopicProfile } from "./topic-profile.ts";

/**
 * Every phrasing's overlap with one question, summed over inverted lists of phrasings, so the closest phrasing
 * of thousands of topics costs a few array reads each rather than set lookups all over memory. It gives what
 * `bestPhrasing` (phrasing-similarity.ts) gives, to the last bit: the same weights added in the same order.
 * One per matcher, reused by every question (matching is synchronous): `add` each question term, read, `clear`.
 */
export class PhrasingOverlaps {
  readonly #profiles: readonly TopicProfile[];
  readonly #byTerm: ReadonlyMap<string, readonly number[]>;
  /** Topic i's phrasings are positions start[i] to start[i + 1] - 1. */
  readonly #start: Int32Array;
  /** Each phrasing's total weight (`phrasingWeights`, 0 where it has none). */
  readonly #weight: Float64Array;
  /** Each phrasing's overlap with the question so far. */
  readonly #shared: Float64Array;
  /** Per term, the phrasings that use it: worked out on the term's first question, kept after. */
  readonly #phrasedBy = new Map<string, Int32Array>();
  /** The lists added since the last `clear`: what it has to zero. */
  readonly #added: Int32Array[] = [];

  constructor(
    profiles: readonly TopicProfile[],
    byTerm: ReadonlyMap<string, readonly number[]>,
    stats: IndexStats,
  ) {
    this.#profiles = profiles;
    this.#byTerm = byTerm;
    this.#start = new Int32Array(profiles.length + 1);
    for (let i = 0; i < profiles.length; i++)
      this.#start[i + 1] = (this.#start[i] as number) + (profiles[i] as TopicProfile).phrasings.length;
    const total = this.#start[profiles.length] as number;
    this.#weight = new Float64Array(total);
    this.#shared = new Float64Array(total);
    for (let i = 0; i < profiles.length; i++) {
      const totals = stats.phrasingWeights.get((profiles[i] as TopicProfile).topic.id) ?? [];
      const from = this.#start[i] as number;
      for (let j = from; j < (this.#start[i + 1] as number); j++) this.#weight[j] = totals[j - from] ?? 0;
    }
  }

  /** One term of the question, of weight `w`, added to every phrasing that uses it. */
  add(term: string, w: number): void {
    const list = this.#phrasedBy.get(term) ?? this.#phrasingsOf(term);
    this.#added.push(list);
    const shared = this.#shared;
    for (let n = 0; n < list.length; n++) {
      const j = list[n] as number;
      shared[j] = (shared[j] as number) + w;
    }
  }

  /**
   * Topic i's closest phrasing: the largest share of phrasing and question (of total weight `asked`) that they
   * have in common, as `bestPhrasing` computes it.
   */
  similarity(i: number, asked: number): number {
    const shared = this.#shared;
    const weight = this.#weight;
    let best = 0;
    for (let j = this.#start[i] as number; j < (this.#start[i + 1] as number); j++) {
      const inter = shared[j] as number;
      if (inter === 0) continue;
      const union = asked + (weight[j] as number) - inter;
      if (union > 0 && inter / union > best) best = inter / union;
    }
    return best;
  }

  /** Back to no question: only the phrasings `add` reached, however many topics the question touched. */
  clear(): void {
    const shared = this.#shared;
    for (const list of this.#added) for (let n = 0; n < list.length; n++) shared[list[n] as number] = 0;
    this.#added.length = 0;
  }

  #phrasingsOf(term: string): Int32Array {
    const out: number[] = [];
    // A phrasing's terms are among its topic's (`all`), so only the topics using the term are looked at.
    for (const i of this.#byTerm.get(term) ?? []) {
      const phrasings = (this.#profiles[i] as TopicProfile).phrasings;
      const from = this.#start[i] as number;
      for (let j = 0; j < phrasings.length; j++) if (phrasings[j]?.has(term)) out.push(from + j);
    }
    const list = Int32Array.from(out);
    this.#phrasedBy.set(term, list);
    return list;
  }
}
