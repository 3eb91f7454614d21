import type { ClaimsIndex } from "../claims/claims-index.ts";
import { matchConfig } from "../match/config.ts";
import type { WordList } from "../match/english-words.ts";
import type { TextReadings } from "../match/text-terms.ts";
import { TopicMatcher, type TopicMatcherOptions } from "../match/topic-matcher.ts";
import type { StepRunner } from "../schedule/time-slice.ts";
import { beforeFirstFigure, buildMatch } from "./build-match.ts";
import { type TopicChecks, topicsDueForReview } from "./topic-review.ts";
import type { Answer, Suggestion, TallyCore, TopicRef } from "./types.ts";

const round = (n: number): number => Math.round(n * 1000) / 1000;

export interface CoreOptions {
  abstainBelow?: number;
  englishWords?: WordList;
  /** Texts the last build read, kept for the next: a rebuild after an edit reads only what changed. */
  readings?: TextReadings;
  /** Curators' latest check of each topic, read at every answer (checks change without a rebuild). */
  checks?: () => TopicChecks;
}

const matcherOptions = (options: CoreOptions): TopicMatcherOptions => ({
  ...(options.englishWords ? { englishWords: options.englishWords } : {}),
  ...(options.readings ? { readings: options.readings } : {}),
});

/** The core over one claims index: questions in, answers out. Pure apart from the injected clock. */
export function createCore(index: ClaimsIndex, now: () => Date, options: CoreOptions = {}): TallyCore {
  return coreOver(index, now, options, new TopicMatcher(index, matcherOptions(options)));
}

/**
 * `createCore`, with the matcher built by `run`: in slices that give the event loop back, so a rebuild beside
 * a serving core never stalls its answers (see schedule/time-slice.ts).
 */
export async function buildCore(
  index: ClaimsIndex,
  now: () => Date,
  options: CoreOptions,
  run: StepRunner,
): Promise<TallyCore> {
  return coreOver(index, now, options, await TopicMatcher.build(index, matcherOptions(options), run));
}

function coreOver(
  index: ClaimsIndex,
  now: () => Date,
  options: CoreOptions,
  matcher: TopicMatcher,
): TallyCore {
  const checks = options.checks ?? (() => new Map());
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
    searchTopics(query: string, limit: number): TopicRef[] {
      const q = query.trim().toLowerCase();
      if (q === "") return index.topics.slice(0, limit).map((t) => ({ id: t.id, title: t.title }));
      const seen = new Set<string>();
      const found: TopicRef[] = [];
      const add = (t: { id: string; title: string }) => {
        if (seen.has(t.id) || found.length >= limit) return;
        seen.add(t.id);
        found.push({ id: t.id, title: t.title });
      };
      // What the matcher ranks first, then loosely related topics, then titles and ids that contain the words.
      const { ranked, related } = matcher.match(query, now());
      for (const r of ranked) add(r.topic);
      for (const r of related()) if (r.confidence >= matchConfig.answer.suggestBelow) add(r.topic);
      for (const t of index.topics) if (t.title.toLowerCase().includes(q) || t.id.includes(q)) add(t);
      return found;
    },
    topics: () => index.topics,
    index: () => index,
    dueForReview: () => topicsDueForReview(index, now(), checks()),
  };
}
