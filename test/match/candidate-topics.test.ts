import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Topic } from "../../src/claims/schema.ts";
import { CandidateTopics } from "../../src/match/candidate-topics.ts";
import { indexStatsSteps } from "../../src/match/index-stats.ts";
import { bestPhrasing } from "../../src/match/phrasing-similarity.ts";
import type { QuestionReading } from "../../src/match/read-question.ts";
import { TextTerms } from "../../src/match/text-terms.ts";
import { buildTopicProfile, type TopicProfile } from "../../src/match/topic-profile.ts";
import { Vocabulary } from "../../src/match/vocabulary.ts";
import { runToEnd } from "../../src/schedule/time-slice.ts";

/*
 * The topics scored in full are those sharing most of the question; among those tied at the cut, the closest
 * phrasing, then the id. Phrasings are compared over inverted lists and the cut is found without sorting, so
 * the pick is checked against scoring and sorting every tie with `bestPhrasing`, and each candidate's
 * similarity against `bestPhrasing` itself.
 */
const words = ["flood", "deaths", "rain", "homes", "river", "north", "south", "bridge", "roads", "crops"];
const terms = new TextTerms(new Vocabulary([]));

function topicOf(i: number, title: string[], aliases: string[][]): Topic {
  return {
    id: `topic-${String((i * 37) % 101).padStart(3, "0")}-${i}`,
    title: title.join(" "),
    subject: "people",
    measure: "counted",
    period: "so far",
    unit: "people",
    aliases: aliases.map((a) => a.join(" ")),
    related: [],
    key: false,
    review_days: 30,
  };
}

/** Only the terms and sources of a reading are read when gathering candidates. */
const readingOf = (keys: string[]): QuestionReading =>
  ({ terms: keys.map((key) => ({ key, role: "plain" })), sources: [] }) as unknown as QuestionReading;

/** The cut as it was first written: every topic touched, sorted by overlap, ties scored and sorted in full. */
function referenceCut(profiles: TopicProfile[], reading: QuestionReading, keep: number): string[] {
  const stats = runToEnd(indexStatsSteps(profiles));
  const keys = [...new Set(reading.terms.map((t) => t.key))];
  const overlap = new Map<TopicProfile, number>();
  for (const k of keys)
    for (const p of profiles) if (p.all.has(k)) overlap.set(p, (overlap.get(p) ?? 0) + stats.weight(k));
  const byOverlap = [...overlap].sort((a, b) => b[1] - a[1]);
  if (byOverlap.length <= keep) return byOverlap.map(([p]) => p.topic.id).sort();
  const edge = byOverlap[keep - 1]?.[1] ?? 0;
  const above = byOverlap.filter(([, w]) => w > edge).map(([p]) => p);
  const tied = byOverlap
    .filter(([, w]) => w === edge)
    .map(([p]) => ({ p, phrasing: bestPhrasing(p, reading, stats, 0) }))
    .sort((a, b) => b.phrasing - a.phrasing || a.p.topic.id.localeCompare(b.p.topic.id));
  return [...above, ...tied.slice(0, keep - above.length).map((t) => t.p)].map((p) => p.topic.id).sort();
}

function gathered(
  profiles: TopicProfile[],
  reading: QuestionReading,
  keep: number,
  unknown: number,
): string[] {
  const byTerm = new Map<string, number[]>();
  profiles.forEach((p, i) => {
    for (const t of p.all) byTerm.set(t, [...(byTerm.get(t) ?? []), i]);
  });
  const stats = runToEnd(indexStatsSteps(profiles));
  const gatherer = new CandidateTopics({ profiles, byTerm, bySource: new Map(), stats });
  // Twice: the arrays it keeps between questions must come back clean.
  gatherer.gather(reading, keep, unknown);
  const got = gatherer.gather(reading, keep, unknown);
  // Exactly, not nearly: the similarity goes into every score.
  expect(got.similarity).toEqual(got.profiles.map((p) => bestPhrasing(p, reading, stats, unknown)));
  return got.profiles.map((p) => p.topic.id).sort();
}

describe("the topics scored in full", () => {
  it("are those a full sort of every tie at the cut would keep", () => {
    const phrase = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(phrase, fc.array(phrase, { minLength: 1, maxLength: 4 })), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(0, 0.8, 2.37),
        (topics, picks, keep, unknown) => {
          const profiles = topics.map(([title, aliases], i) =>
            buildTopicProfile(topicOf(i, title, aliases), terms, new Set(), 0),
          );
          // The question asks for terms the topics use, as the reader would have keyed them.
          const known = [...new Set(profiles.flatMap((p) => [...p.all]))].sort();
          const reading = readingOf(picks.map((n) => known[n % known.length] ?? ""));
          expect(gathered(profiles, reading, keep, unknown)).toEqual(referenceCut(profiles, reading, keep));
        },
      ),
      { numRuns: 300 },
    );
  });
});
