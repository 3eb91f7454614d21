import { discriminates, type IndexStats } from "./index-stats.ts";
import type { ScoreContext, StoryFields } from "./score-context.ts";
import type { TopicProfile } from "./topic-profile.ts";

/**
 * What scoring reads off a topic that no question changes: its sets as lists (walked without an iterator per
 * element), and which of its details tell it from its story's neighbours. Worked out on the topic's first
 * question and kept, per index (a rebuilt index may reuse a profile, with other statistics).
 */
export interface TopicFacts {
  stats: IndexStats;
  vocabulary: ScoreContext["vocabulary"];
  place: string[];
  thing: string[];
  sources: string[];
  /** Each of the subject's names (`subjectParts`) as a list. */
  subjectParts: string[][];
  subjectTelling: boolean;
  placeTelling: boolean;
  thingTelling: boolean;
  /** Per term of `lists.measureParts`. */
  measurePartsTelling: boolean[];
  /** The period terms that are a detail when not asked: rates, and years or months the story has others of. */
  periods: string[];
  periodDated: boolean[];
}

const known = new WeakMap<TopicProfile, TopicFacts>();

export function topicFacts(p: TopicProfile, ctx: ScoreContext, story: StoryFields): TopicFacts {
  const cached = known.get(p);
  if (cached?.stats === ctx.stats && cached.vocabulary === ctx.vocabulary) return cached;
  const { stats } = ctx;
  const periods: string[] = [];
  const periodDated: boolean[] = [];
  for (const t of p.fields.period) {
    const rate = ctx.vocabulary.kind(t) === "period";
    const year = t.startsWith("@y");
    const dated = year || t.startsWith("@m");
    if ((!rate && !dated) || !discriminates(stats, p.story, t)) continue;
    // A year or month is a detail only where the story has topics of another year or month (the topic's own
    // is one of the story's, so another means more than one).
    if (dated && datedCount(story.period, year ? "@y" : "@m") - (story.period.has(t) ? 1 : 0) === 0) continue;
    periods.push(t);
    periodDated.push(dated);
  }
  const facts: TopicFacts = {
    stats,
    vocabulary: ctx.vocabulary,
    place: [...p.fields.place],
    thing: [...p.fields.thing],
    sources: [...p.sources],
    subjectParts: p.subjectParts.map((part) => [...part]),
    subjectTelling: anyTelling(p.subjectNames, stats, p.story),
    placeTelling: anyTelling(p.fields.place, stats, p.story),
    thingTelling: anyTelling(p.fields.thing, stats, p.story),
    measurePartsTelling: p.lists.measureParts.map((t) => discriminates(stats, p.story, t)),
    periods,
    periodDated,
  };
  known.set(p, facts);
  return facts;
}

/** Some term of the set tells the topic from its story's neighbours. */
function anyTelling(set: Iterable<string>, stats: IndexStats, story: number): boolean {
  for (const t of set) if (discriminates(stats, story, t)) return true;
  return false;
}

/** Per story's period terms: how many are years ("@y") and how many months ("@m"), counted on first use. */
const datedCounts = new WeakMap<ReadonlySet<string>, Map<string, number>>();
function datedCount(period: ReadonlySet<string>, prefix: string): number {
  let counts = datedCounts.get(period);
  if (!counts) {
    counts = new Map();
    for (const o of period) counts.set(o.slice(0, 2), (counts.get(o.slice(0, 2)) ?? 0) + 1);
    datedCounts.set(period, counts);
  }
  return counts.get(prefix) ?? 0;
}
