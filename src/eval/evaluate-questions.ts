import type { Answer, TallyCore } from "../answer/types.ts";
import type { ClaimsIndex } from "../claims/claims-index.ts";
import { figuresAgree } from "../figures/figures-agree.ts";
import { asOfEnd, asOfSortKey, asOfStart } from "../figures/format-as-of.ts";
import type { EvalQuestion } from "./question-set.ts";

export interface QuestionResult {
  question: EvalQuestion;
  got: string | null;
  confidence: number | null;
  ok: boolean;
  /** Sources whose differing latest figure the answer left out. */
  missingDisagreements: string[];
  why?: string;
}

export interface QuestionReport {
  total: number;
  answerable: number;
  unanswerable: number;
  /** Answerable questions whose headline is right (topic, and the named source's or named date's figure). */
  headlineAccuracy: number;
  /** Unanswerable questions on which Tally abstained. */
  abstentionAccuracy: number;
  /** Source- and date-named questions answered right. */
  namedAccuracy: number;
  /** Right-topic answers that listed every disagreeing source. */
  completeness: number;
  failures: QuestionResult[];
}

/**
 * Sources whose latest figure (as of the named date) differs from the headline, worked out independently of the
 * answer builder, so a dropped disagreement shows up here.
 */
function expectedDisagreeingSources(index: ClaimsIndex, answer: Answer, asOf: string | null): string[] {
  const m = answer.match;
  if (!m) return [];
  const cutoff = asOf ? asOfEnd(asOf).getTime() : Number.POSITIVE_INFINITY;
  const claims = (index.claimsByTopic.get(m.topic.id) ?? []).filter(
    (c) => asOfStart(c.as_of).getTime() <= cutoff,
  );
  const latest = new Map<string, (typeof claims)[number]>();
  for (const c of claims) {
    const prev = latest.get(c.source);
    if (!prev || asOfSortKey(c.as_of) > asOfSortKey(prev.as_of)) latest.set(c.source, c);
  }
  const h = m.headline.claim;
  return [...latest.values()]
    .filter((c) => c.source !== h.source && !figuresAgree(c, h))
    .map((c) => c.source);
}

export function evaluateQuestions(
  core: TallyCore,
  index: ClaimsIndex,
  questions: EvalQuestion[],
): QuestionReport {
  const results: QuestionResult[] = questions.map((question) => {
    const answer = core.ask(question.q);
    const m = answer.match;
    const got = m?.topic.id ?? null;
    const base = { question, got, confidence: m?.confidence ?? null, missingDisagreements: [] as string[] };
    if (question.topic === null) return { ...base, ok: got === null, ...(got ? { why: "answered" } : {}) };
    if (got !== question.topic) return { ...base, ok: false, why: got ? "wrong topic" : "abstained" };
    const shown = new Set(m?.disagreements.map((d) => d.claim.source));
    const missing = expectedDisagreeingSources(index, answer, question.as_of).filter((s) => !shown.has(s));
    const h = m?.headline.claim;
    if (question.source && h?.source !== question.source) {
      return { ...base, missingDisagreements: missing, ok: false, why: `headline source ${h?.source}` };
    }
    if (question.as_of && h) {
      // Right when the headline is the latest figure said by then.
      const cutoff = asOfEnd(question.as_of).getTime();
      const byThen = (index.claimsByTopic.get(question.topic) ?? []).filter(
        (c) => asOfStart(c.as_of).getTime() <= cutoff && (!question.source || c.source === question.source),
      );
      const newest = Math.max(...byThen.map((c) => asOfSortKey(c.as_of)));
      if (byThen.length > 0 && asOfSortKey(h.as_of) !== newest) {
        return { ...base, missingDisagreements: missing, ok: false, why: `headline as of ${h.as_of}` };
      }
    }
    return { ...base, missingDisagreements: missing, ok: true };
  });
  const answerable = results.filter((r) => r.question.topic !== null);
  const unanswerable = results.filter((r) => r.question.topic === null);
  const named = answerable.filter((r) => r.question.source || r.question.as_of);
  const rightTopic = answerable.filter((r) => r.got === r.question.topic);
  const ratio = (n: number, d: number) => (d === 0 ? 1 : Math.round((n / d) * 1000) / 1000);
  return {
    total: results.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    headlineAccuracy: ratio(answerable.filter((r) => r.ok).length, answerable.length),
    abstentionAccuracy: ratio(unanswerable.filter((r) => r.ok).length, unanswerable.length),
    namedAccuracy: ratio(named.filter((r) => r.ok).length, named.length),
    completeness: ratio(
      rightTopic.filter((r) => r.missingDisagreements.length === 0).length,
      rightTopic.length,
    ),
    failures: results.filter((r) => !r.ok || r.missingDisagreements.length > 0),
  };
}
