import type { IndexStats } from "./index-stats.ts";
import type { QuestionReading, QuestionTerm } from "./read-question.ts";
import type { TopicProfile } from "./topic-profile.ts";

/** A question's distinct term keys with their weights, read once per question rather than once per topic. */
interface WeightedKeys {
  stats: IndexStats;
  keys: string[];
  weights: number[];
}

/** Keyed by the terms list itself, so a reading whose terms are replaced is read afresh. */
const weighted = new WeakMap<readonly QuestionTerm[], WeightedKeys>();

function weightedKeys(terms: readonly QuestionTerm[], stats: IndexStats): WeightedKeys {
  const known = weighted.get(terms);
  if (known?.stats === stats) return known;
  const keys = [...new Set(terms.map((t) => t.key))];
  const out = { stats, keys, weights: keys.map((k) => stats.weight(k)) };
  weighted.set(terms, out);
  return out;
}

/** Positions of the question's keys a topic uses, reused by every call (scoring is synchronous). */
const present: number[] = [];

/** The weighted overlap of the question's terms with the topic's closest phrasing (title or alias). */
export function bestPhrasing(
  p: TopicProfile,
  q: QuestionReading,
  stats: IndexStats,
  unknown: number,
): number {
  // Scored for every candidate (thousands of tied neighbours at 100,000 claims), so loops, not closures.
  const { keys, weights } = weightedKeys(q.terms, stats);
  let qWeight = unknown;
  for (let k = 0; k < weights.length; k++) qWeight += weights[k] as number;
  // Every phrasing's terms are among the topic's (`all`), so only the keys it uses can be in one: looked for
  // once per topic, then once per phrasing, summed in the question's order as before.
  let used = 0;
  for (let k = 0; k < keys.length; k++) if (p.all.has(keys[k] as string)) present[used++] = k;
  if (used === 0) return 0;
  const totals = stats.phrasingWeights.get(p.topic.id) ?? [];
  let best = 0;
  for (let i = 0; i < p.phrasings.length; i++) {
    const phrasing = p.phrasings[i] as Set<string>;
    let inter = 0;
    for (let u = 0; u < used; u++) {
      const k = present[u] as number;
      if (phrasing.has(keys[k] as string)) inter += weights[k] as number;
    }
    const union = qWeight + (totals[i] ?? 0) - inter;
    if (union > 0 && inter / union > best) best = inter / union;
  }
  return best;
}
