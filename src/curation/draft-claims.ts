import type { ClaimsIndex } from "../claims/claims-index.ts";
import type { FoundFigure } from "../flag/find-figures.ts";
import { buildFlagVocabulary, type FlagVocabulary } from "../flag/flag-vocabulary.ts";
import { stripSlackMarkup } from "../flag/strip-slack-markup.ts";
import { articleFigures } from "./draft/article-figures.ts";
import { readArticleHeader } from "./draft/article-header.ts";
import { Attributions } from "./draft/attribute-figure.ts";
import { dateNear } from "./draft/dates.ts";
import { draftConfig } from "./draft/draft-config.ts";
import { createKnownSources, type KnownSources } from "./draft/known-sources.ts";
import { proposeTopic, unitFits, writtenUnit } from "./draft/proposed-topic.ts";
import { quoteFor } from "./draft/quote.ts";
import { type Sentence, splitSentences } from "./draft/sentences.ts";
import { topicQueries } from "./draft/topic-queries.ts";
import type { DraftClaim, FigureReading } from "./figure-input.ts";

export interface DraftArticle {
  text: string;
  url?: string;
  /** YYYY-MM-DD; read from a dateline under the headline when not given. */
  published?: string;
}

export interface DraftDeps {
  index: ClaimsIndex;
  /** The best existing topic for a sentence, or null (the answer core's matcher, in production). */
  matchTopic: (sentence: string) => { topicId: string; confidence: number } | null;
  now: Date;
}

interface Prepared {
  vocabulary: FlagVocabulary;
  known: KnownSources;
}
// The vocabulary is built once per index, not once per article: the shortcut drafts from every message.
const prepared = new WeakMap<ClaimsIndex, Prepared>();

function prepare(index: ClaimsIndex): Prepared {
  let p = prepared.get(index);
  if (!p) {
    p = { vocabulary: buildFlagVocabulary(index), known: createKnownSources(index.sourceById.values()) };
    prepared.set(index, p);
  }
  return p;
}

// Slack's own markup: a message's text has links, mentions and entities to take out before reading.
const slackMarkup = /<(?:https?:|mailto:|[@#!])|&(?:amp|lt|gt);/;

/**
 * Every figure an article (or a Slack message) gives, as a draft claim: the sentence it is in as the quote,
 * who gives it, when it stood, and the topic it belongs to or the one it would need. For the desk to check:
 * drafting proposes, it never decides.
 */
export function draftClaims(article: DraftArticle, deps: DraftDeps): DraftClaim[] {
  const { vocabulary, known } = prepare(deps.index);
  const raw = slackMarkup.test(article.text) ? stripSlackMarkup(article.text).text : article.text;
  const header = readArticleHeader(raw, deps.now);
  const published = article.published ?? header.published;
  const body = header.body;
  const sentences = splitSentences(
    header.headline === null ? body : raw.slice(0, header.headlineEnd) + body.slice(header.headlineEnd),
  );
  // The headline is drafted too (its figures are the article's), as a sentence of its own.
  const prose =
    header.headline === null ? body : raw.slice(0, header.headlineEnd) + body.slice(header.headlineEnd);
  const figures = articleFigures(prose, vocabulary);
  const attributions = new Attributions(sentences, known, issuerOf(raw, sentences, known));
  const drafts: DraftClaim[] = [];
  const starts: number[] = [];
  for (const figure of figures) {
    const i = sentenceAt(sentences, figure.start);
    const sentence = sentences[i];
    if (!sentence) continue;
    const quote = quoteFor(sentence, figure.start, figure.end);
    if (quote.length < draftConfig.minQuote) continue;
    const at = figure.start - sentence.start;
    const reading = readingOf(figure);
    const inSentence = figures.filter((f) => f.start >= sentence.start && f.end <= sentence.end);
    const match = bestMatch(topicQueries(body, sentence, figure, inSentence), deps.matchTopic);
    const topic = match ? deps.index.topicById.get(match.topicId) : undefined;
    starts.push(figure.start);
    drafts.push({
      figureText: figure.text,
      reading,
      sentence: quote,
      source: attributions.sourceOf(i, at, figure.end - sentence.start),
      asOf: dateNear(sentence.text, at, published ?? null) ?? published ?? null,
      topic:
        match && topic && unitFits(topic, figure, reading)
          ? { id: match.topicId, confidence: match.confidence }
          : { proposed: proposeTopic(body, figure, vocabulary, reading) },
    });
  }
  return headlineSources(drafts, starts, header.headlineEnd);
}

// "MEDIA RELEASE", "FOR IMMEDIATE RELEASE": a line near the top that makes the text its issuer's own.
const releaseLine =
  /^\s*(?:(?:media|press|news)\s+(?:release|statement)|for\s+immediate\s+release)\s*:?\s*$/im;

/** The loaded source a press release is from: the first one its headline, or else its first sentence, names. */
function issuerOf(text: string, sentences: readonly Sentence[], known: KnownSources): string | null {
  const top = text.split("\n").slice(0, draftConfig.releaseLineWithin).join("\n");
  if (!releaseLine.test(top)) return null;
  for (const s of sentences.slice(0, 2)) {
    const first = known.mentions(s.text)[0];
    if (first) return first.id;
  }
  return null;
}

/** A headline figure takes the source the body gives the same figure; else it is the outlet's (null). */
function headlineSources(drafts: DraftClaim[], starts: readonly number[], headlineEnd: number): DraftClaim[] {
  const inHeadline = (i: number) => (starts[i] ?? Number.POSITIVE_INFINITY) < headlineEnd;
  const same = (a: FigureReading, b: FigureReading) =>
    a.value === b.value && a.low === b.low && a.high === b.high;
  return drafts.map((d, i) => {
    if (!inHeadline(i)) return d;
    const body = drafts.find((b, j) => !inHeadline(j) && same(b.reading, d.reading));
    return { ...d, source: body ? body.source : null, ...(body ? { asOf: body.asOf } : {}) };
  });
}

function readingOf(f: FoundFigure): FigureReading {
  return {
    ...(f.value !== undefined ? { value: f.value } : { low: f.low ?? 0, high: f.high ?? 0 }),
    ...(f.qualifier ? { qualifier: f.qualifier } : {}),
    unit: writtenUnit(f),
  };
}

function sentenceAt(sentences: readonly Sentence[], at: number): number {
  const i = sentences.findIndex((s) => at >= s.start && at < s.end);
  return i >= 0 ? i : sentences.findIndex((s) => at < s.end);
}

/** The most confident topic any of the queries finds. */
function bestMatch(queries: readonly string[], matchTopic: DraftDeps["matchTopic"]) {
  let best: ReturnType<DraftDeps["matchTopic"]> = null;
  for (const q of queries) {
    const m = matchTopic(q);
    if (m && (!best || m.confidence > best.confidence)) best = m;
  }
  return best;
}
