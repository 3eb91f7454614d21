import type { QuestionReading } from "./read-question.ts";
import type { TopicProfile } from "./topic-profile.ts";

/** The weighted overlap of the question's terms with the topic's closest phrasing (title or alias). */
export function bestPhrasing(
  p: TopicProfile,
  q: QuestionReading,
  weight: (t: string) => number,
  unknown: number,
): number {
  const keys = new Set(q.terms.map((t) => t.key));
  let qWeight = unknown;
  for (const k of keys) qWeight += weight(k);
  let best = 0;
  const totals = phrasingTotals(p, weight);
  p.phrasings.forEach((phrasing, i) => {
    let inter = 0;
    for (const k of keys) if (phrasing.has(k)) inter += weight(k);
    const union = qWeight + (totals[i] ?? 0) - inter;
    if (union > 0 && inter / union > best) best = inter / union;
  });
  return best;
}

/** Each phrasing's total term weight, computed once per topic and weighting. */
const totalsCache = new WeakMap<TopicProfile, { weight: (t: string) => number; totals: number[] }>();
function phrasingTotals(p: TopicProfile, weight: (t: string) => number): number[] {
  const cached = totalsCache.get(p);
  if (cached?.weight === weight) return cached.totals;
  const totals = p.phrasings.map((ph) => [...ph].reduce((n, t) => n + weight(t), 0));
  totalsCache.set(p, { weight, totals });
  return totals;
}
