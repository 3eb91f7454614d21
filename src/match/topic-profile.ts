import type { Topic } from "../claims/schema.ts";
import { tokenizeQuestion } from "./normalize-question.ts";
import { periodMarks } from "./read-terms.ts";
import { monthNumbers } from "./stopwords.ts";
import type { TextTerms } from "./text-terms.ts";

export type FieldName = "subject" | "measure" | "place" | "thing" | "period" | "unit";
export const fieldNames: readonly FieldName[] = ["subject", "measure", "place", "thing", "period", "unit"];

/** How the units Tally knows are asked for: "%" is a share, "$" dollars. */
const unitWords: Readonly<Record<string, string>> = Object.freeze({
  percent: "percent",
  usd: "dollars usd",
  eur: "euros eur",
  gbp: "pounds gbp",
  ratio: "ratio",
  km: "km",
  people: "people",
});

/** What the matcher knows about a topic: the terms of each field, and every term its phrasings use. */
export interface TopicProfile {
  topic: Topic;
  /** Terms of each field the desk filled in. */
  fields: Record<FieldName, Set<string>>;
  /** Name terms of the subject. */
  subjectNames: Set<string>;
  /** The subject's names one by one ("Spain and Portugal" has two; "Democratic Alliance" one). */
  subjectParts: Array<Set<string>>;
  /** Every term of the fields, title, aliases and unit: what the topic explains. */
  all: Set<string>;
  /** The title's and each alias's terms, to compare a question with as a whole phrase. */
  phrasings: Array<Set<string>>;
  /** Days the topic's own definition names ("the night of 21-22 March", "1 May"), as "MM-DD". */
  definitionDays: Set<string>;
  /** Source ids with figures on the topic. */
  sources: Set<string>;
  /** The story the topic belongs to (see story-groups.ts). */
  story: number;
  /** The unit is money, so "how much" asks for it. */
  money: boolean;
  /** Lists read off the fields once, so scoring a question allocates nothing per topic. */
  lists: {
    measures: string[];
    vocabularyMeasures: string[];
    measureParts: string[];
    subjectGroups: string[];
    periodKinds: string[];
    years: string[];
    months: string[];
    allMonths: string[];
  };
}

const moneyUnits = new Set(["usd", "eur", "gbp"]);

/** The text without its asides: "turnout (share of registered voters who voted)" is "turnout". */
const withoutAsides = (text: string): string => (text.includes("(") ? text.replace(/\([^)]*\)/g, " ") : text);

/** What a topic's words say, read off its text alone: shared by every topic, in any build, worded the same. */
export type TopicReading = Omit<TopicProfile, "topic" | "sources" | "story">;

/** Every field `readTopic` reads, as one string: topics that agree on it read the same. */
export const topicTextKey = (t: Topic): string =>
  JSON.stringify([t.title, t.subject, t.measure, t.place, t.thing, t.period, t.unit, t.aliases]);

/**
 * Reads one topic; `terms` reads each distinct text once across the topics of a build, and a topic worded as
 * one the last build read (a reload after an edit elsewhere) is not read again. The reading is shared, never
 * changed after it is made.
 */
export function buildTopicProfile(
  topic: Topic,
  terms: TextTerms,
  sources: Set<string>,
  story: number,
  key: string = topicTextKey(topic),
): TopicProfile {
  const reading = terms.topic(key, () => readTopic(topic, terms));
  return { topic, ...reading, sources, story };
}

/** The part of a topic's profile its text decides (every field `topicTextKey` holds, and nothing else). */
function readTopic(topic: Topic, terms: TextTerms): TopicReading {
  const vocabulary = terms.vocabulary;
  // Sets read off one text are shared by every topic using that text (near neighbours share most); a set
  // that gets more is a copy.
  const termsOf = (text: string | undefined): Set<string> => terms.keySet(text ?? "");
  const withMore = (set: Set<string>, more: readonly string[]): Set<string> =>
    more.length === 0 ? set : new Set([...set, ...more]);
  /** The set's terms that pass: the set itself when all do, so that shared stays shared. */
  const kept = (set: Set<string>, keep: (t: string) => boolean): Set<string> => {
    const some = [...set].filter(keep);
    return some.length === set.size ? set : new Set(some);
  };
  const none = terms.keySet("");
  // "turnout (share of registered voters who voted)": the aside explains the field, it does not define it.
  const fieldOf = (text: string | undefined) => termsOf(text === undefined ? text : withoutAsides(text));
  const fields: Record<FieldName, Set<string>> = {
    subject: fieldOf(topic.subject),
    measure: fieldOf(topic.measure),
    place: fieldOf(topic.place),
    thing: fieldOf(topic.thing),
    period: withMore(fieldOf(topic.period), periodMarks(terms.words(withoutAsides(topic.period)))),
    unit: termsOf(unitWords[topic.unit] ?? topic.unit),
  };
  // Names say whose figure: the vocabulary's names, and the words a curator capitalises ("Sarvonia",
  // "People's Unity Party"); "protest organisers" names nobody.
  const capitalised = new Set(
    (topic.subject.match(/\p{Lu}[\p{L}'’-]*/gu) ?? []).flatMap((w) => terms.keys(w)),
  );
  const subjectNames = kept(
    fields.subject,
    (t) => vocabulary.kind(t) === "name" || (!t.startsWith("#") && capitalised.has(t)),
  );
  const subjectParts = topic.subject
    .replace(/\([^)]*\)/g, " ")
    .split(/\s+and\s+|,|&|\+|\s+plus\s+/i)
    .map((part) => kept(termsOf(part), (t) => subjectNames.has(t)))
    .filter((part) => part.size > 0);
  // A phrasing that names a day ("arrests on march 21") is narrower than its words.
  const phrasings = [topic.title, ...topic.aliases].map((text) =>
    withMore(
      termsOf(text),
      /\b(19|20)\d\d\b|\b\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{1,2}\b/i.test(
        text,
      )
        ? ["@date"]
        : [],
    ),
  );
  const all = new Set<string>();
  const asides = [topic.subject, topic.measure, topic.place, topic.thing, topic.period].map(termsOf);
  for (const set of [...Object.values(fields), ...asides, ...phrasings, termsOf(topic.unit)])
    for (const t of set) all.add(t);
  // A year or month in the title ("October 2025 floods") is the topic's too.
  for (const m of periodMarks(tokenizeQuestion(`${topic.title} ${topic.aliases.join(" ")}`))) all.add(m);
  // Where a running total starts ("since 24 Feb 2022") is not a day the topic is about.
  const days = daysNamed(
    [topic.title, topic.period, ...topic.aliases]
      .join(" . ")
      .replace(/\b(since|from|after|began|begun|starting)\b[^.,;()]*/gi, " "),
  );
  const kind = (t: string) => vocabulary.kind(t);
  // Most lists are empty or short: one empty list for all, the rest at their length (a filter's grows to 17).
  const list = (set: Set<string>, keep: (t: string) => boolean): string[] => {
    const some = [...set].filter(keep);
    return some.length === 0 ? terms.noTerms : some.slice();
  };
  const lists = {
    measures: list(fields.measure, () => true),
    vocabularyMeasures: list(fields.measure, (t) => kind(t) === "measure"),
    measureParts: list(fields.measure, (t) => kind(t) !== "group" && kind(t) !== "scope"),
    subjectGroups: list(fields.subject, (t) => kind(t) === "group"),
    periodKinds: list(fields.period, (t) => kind(t) === "period"),
    years: list(fields.period, (t) => t.startsWith("@y")),
    months: list(fields.period, (t) => t.startsWith("@m")),
    allMonths: list(all, (t) => t.startsWith("@m")),
  };
  return {
    lists,
    fields,
    subjectNames,
    subjectParts,
    definitionDays: days.size === 0 ? none : days,
    all,
    phrasings,
    money: moneyUnits.has(topic.unit),
  };
}

/** "21-22 March", "March 21", "1 May": every day a text names, as "MM-DD". */
function daysNamed(text: string): Set<string> {
  const out = new Set<string>();
  const add = (month: string, day: string) => {
    const m = monthNumbers[month.slice(0, 3).toLowerCase()];
    const d = Number(day);
    if (m && d >= 1 && d <= 31) out.add(`${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  };
  const months = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*";
  for (const m of text.matchAll(
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*[-–]\\s*(\\d{1,2}))?\\s+${months}`, "gi"),
  )) {
    add(m[3] ?? "", m[1] ?? "");
    if (m[2]) add(m[3] ?? "", m[2]);
  }
  for (const m of text.matchAll(
    new RegExp(`\\b${months}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*[-–]\\s*(\\d{1,2}))?\\b`, "gi"),
  )) {
    add(m[1] ?? "", m[2] ?? "");
    if (m[3]) add(m[1] ?? "", m[3]);
  }
  return out;
}
