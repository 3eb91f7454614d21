import type { ClaimsIndex } from "../claims/claims-index.ts";
import { matchConfig } from "../match/config.ts";
import { TopicMatcher } from "../match/topic-matcher.ts";
import { beforeFirstFigure, buildMatch } from "./build-match.ts";
import { type TopicChecks, topicsDueForReview } from "./topic-review.ts";
import type { Answer, Suggestion, TallyCore } from "./types.ts";

const round = (n: number): number => Math.round(n * 1000) / 1000;

/** The core over one claims index: questions in, answers out. Pure apart from the injected clock. */
export function createCore(
  index: ClaimsIndex,
  now: () => Date,
  options: {
    abstainBelow?: number;
    englishWords?: ReadonlySet<string>;
    /** Curators' latest check of each topic, read at every answer (checks change without a rebuild). */
    checks?: () => TopicChecks;
  } = {},
): TallyCore {
  const checks = options.checks ?? (() => new Map());
  const matcher = new TopicMatcher(index, options.englishWords ? { englishWords: options.englishWords } : {});
  const abstainBelow = options.abstainBelow ?? matchConfig.answer.abstainBelow;
  return {
    ask(question: string): Answer {
      const query = question;
      const at = now();
      if (question.trim() === "") return { query, match: null, suggestions: [] };
      const { ranked, related, slots } = matcher.match(question, at);
      const best = ranked[0];
      const suggestionsFrom = (start: number): Suggestion[] =>
        related()
          .slice(start)
          .filter(
            (r) =>
              r.confidence >= matchConfig.answer.suggestBelow &&
              (index.claimsByTopic.get(r.topic.id)?.length ?? 0) > 0,
          )
          .slice(0, matchConfig.answer.maxSuggestions)
          .map((r) => ({ topic: { id: r.topic.id, title: r.topic.title }, confidence: round(r.confidence) }));
      if (!best || best.confidence < abstainBelow) {
        return { query, match: null, suggestions: suggestionsFrom(0) };
      }
      const match = buildMatch(
        { topic: best.topic, confidence: round(best.confidence), sources: slots.sources, asOf: slots.asOf },
        index,
        at,
        checks(),
      );
      if (match) return { query, match, suggestions: [] };
      // Still an abstention (the figure then is not in the index), but one that can say why and what it has.
      const reason = beforeFirstFigure(best.topic, slots.asOf, index, at);
      if (!reason) return { query, match: null, suggestions: suggestionsFrom(0) };
      return {
        query,
        match: null,
        suggestions: suggestionsFrom(0).filter((s) => s.topic.id !== best.topic.id),
        reason,
      };
    },
    answerTopic(topicId: string, options: { asOf?: string } = {}): Answer | null {
      const topic = index.topicById.get(topicId);
      if (!topic) return null;
      const asOf = options.asOf ?? null;
      const match = buildMatch({ topic, confidence: 1, sources: [], asOf }, index, now(), checks());
      return { query: topic.title, match, suggestions: [] };
    },
    topics: () => index.topics,
    index: () => index,
    dueForReview: () => topicsDueForReview(index, now(), checks()),
  };
}
