import type { IndexStats } from "./index-stats.ts";
import type { QuestionReading } from "./read-question.ts";
import type { TopicProfile } from "./topic-profile.ts";

/** The weighted overlap of the question's terms with the topic's closest phrasing (title or alias). */
export function bestPhrasing(
  p: TopicProfile,
  q: QuestionReading,
  stats: IndexStats,
  unknown: number,
): number {
  const keys = new Set(q.terms.map((t) => t.key));
  let qWeight = unknown;
  for (const k of keys) qWeight += stats.weight(k);
  const totals = stats.phrasingWeights.get(p.topic.id) ?? [];
  let best = 0;
  p.phrasings.forEach((phrasing, i) => {
    let inter = 0;
    for (const k of keys) if (phrasing.has(k)) inter += stats.weight(k);
    const union = qWeight + (totals[i] ?? 0) - inter;
    if (union > 0 && inter / union > best) best = inter / union;
  });
  return best;
}
