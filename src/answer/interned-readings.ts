import type { KeptReadings } from "../match/text-terms.ts";
import type { FieldName, TopicReading } from "../match/topic-profile.ts";
import type { TopicWords } from "../match/wording-parts.ts";

/**
 * The readings as a build makes them, from ones read back from disk: V8's deserializer makes a string of
 * every occurrence (a term in 9,000 topics is 9,000 strings; 10 MB more heap at 100,000 claims), where a
 * build shares one per word. Sets and lists stay shared as the file shared them, each made once, in the same
 * order (a set's order is the order its terms are scored in).
 */
export function internedReadings(kept: KeptReadings): KeptReadings {
  const strings = new Map<string, string>();
  const str = (s: string): string => {
    const found = strings.get(s);
    if (found !== undefined) return found;
    strings.set(s, s);
    return s;
  };
  const sets = new Map<ReadonlySet<string>, Set<string>>();
  const set = (from: ReadonlySet<string>): Set<string> => {
    let made = sets.get(from);
    if (!made) {
      made = new Set<string>();
      for (const s of from) made.add(str(s));
      sets.set(from, made);
    }
    return made;
  };
  const lists = new Map<readonly string[], string[]>();
  const list = (from: readonly string[]): string[] => {
    let made = lists.get(from);
    if (!made) {
      made = from.map(str);
      lists.set(from, made);
    }
    return made;
  };
  const reading = (r: TopicReading): TopicReading => {
    const fields = {} as Record<FieldName, Set<string>>;
    for (const [name, terms] of Object.entries(r.fields)) fields[name as FieldName] = set(terms);
    const l = r.lists;
    return {
      lists: {
        measures: list(l.measures),
        vocabularyMeasures: list(l.vocabularyMeasures),
        measureParts: list(l.measureParts),
        subjectGroups: list(l.subjectGroups),
        periodKinds: list(l.periodKinds),
        years: list(l.years),
        months: list(l.months),
        allMonths: list(l.allMonths),
      },
      fields,
      subjectNames: set(r.subjectNames),
      subjectParts: r.subjectParts.map(set),
      definitionDays: set(r.definitionDays),
      all: set(r.all),
      phrasings: r.phrasings.map(set),
      money: r.money,
    };
  };
  const words = (w: TopicWords): TopicWords => ({
    words: list(w.words),
    own: list(w.own),
    codes: list(w.codes),
  });
  const each = <T>(map: ReadonlyMap<string, T>, f: (v: T) => T) => {
    const out = new Map<string, T>();
    for (const [k, v] of map) out.set(k, f(v));
    return out;
  };
  return {
    headlines: each(kept.headlines, list),
    topics: each(kept.topics, reading),
    topicWords: each(kept.topicWords, words),
    wording: kept.wording,
  };
}
