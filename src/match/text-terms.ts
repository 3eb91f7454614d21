import type { Concept } from "../claims/schema.ts";
import { stemWord, tokenizeQuestion } from "./normalize-question.ts";
import { readTerms } from "./read-terms.ts";
import type { TopicReading } from "./topic-profile.ts";
import type { Vocabulary } from "./vocabulary.ts";
import type { TopicWords, WordingParts } from "./wording-parts.ts";

/**
 * The words, stems and term keys of the index's texts, each distinct text read once while a matcher is built:
 * near-neighbour topics share most of their wording ("people displaced", "Castrelia (nationwide)"), so at
 * 100,000 claims most reads are repeats. Results are shared: callers copy before they change one. What a build
 * made of a topic's or headline's text is kept for the next build (see TextReadings).
 */
export class TextTerms {
  readonly vocabulary: Vocabulary;
  readonly #words: Memo<readonly string[]>;
  readonly #distinct: Memo<string>;
  readonly #stems: Memo<string>;
  readonly #keys: Memo<readonly string[]>;
  readonly #keySets: Memo<Set<string>>;
  readonly #headlines: Memo<readonly string[]>;
  readonly #topicWords: Memo<TopicWords>;
  readonly #topics: Memo<TopicReading>;
  readonly #wording: Memo<WordingParts>;

  /** `carried`: the last build's readings, when it read over the same concepts (see TextReadings). */
  constructor(vocabulary: Vocabulary, carried?: KeptReadings) {
    this.vocabulary = vocabulary;
    // Texts are read once per build, and what the next build needs of them is carried in what they made
    // (topics' readings and words, headlines' keys, the wording's parts): 30 MB less held between builds at
    // 100,000 claims, and a reload after an edit to figures reads no text at all.
    this.#words = new Memo(undefined);
    this.#distinct = new Memo(undefined);
    this.#stems = new Memo(undefined);
    this.#keys = new Memo(undefined);
    this.#keySets = new Memo(undefined);
    this.#headlines = new Memo(carried?.headlines);
    this.#topics = new Memo(carried?.topics);
    this.#topicWords = new Memo(carried?.topicWords);
    this.#wording = new Memo(carried?.wording);
  }

  /** What this build read that the next one reuses (after `settle`, all it holds). */
  kept(): KeptReadings {
    return {
      headlines: this.#headlines.own,
      topics: this.#topics.own,
      topicWords: this.#topicWords.own,
      wording: this.#wording.own,
    };
  }

  /** Drops what only this build needed (each text's words, stems, keys), keeping what the next one reuses. */
  settle(): void {
    for (const memo of [this.#words, this.#distinct, this.#stems, this.#keys, this.#keySets]) memo.clear();
    // What the last build (or run) read is all in this build's own now, or not needed: let it go.
    for (const memo of [this.#headlines, this.#topics, this.#topicWords, this.#wording]) memo.forgetLast();
  }

  /** The keys of a document headline's terms (a story's theme), carried from one build to the next. */
  headlineKeys(text: string): readonly string[] {
    return this.#headlines.get(text, (t) => this.keys(t));
  }

  /** A topic's words (wording-parts.ts), by `topicTextKey`: `read` only for wording not read before. */
  topicWords(key: string, read: () => TopicWords): TopicWords {
    return this.#topicWords.get(key, read);
  }

  /** The text's words, as `tokenizeQuestion` splits them. */
  words(text: string): readonly string[] {
    return this.#words.get(text, (t) => tokenizeQuestion(t).map(this.#word));
  }

  /** One string per distinct word, whatever text it came from: 70,000 texts share some 15,000 words. */
  readonly #word = (word: string): string => this.#distinct.get(word, identity);

  /** The text's stemmed words, as `stemsOf` reads them. */
  stems(text: string): string[] {
    return this.words(text).map((w) => this.#stems.get(w, stemWord));
  }

  /** The keys of the text's terms, in order, as `readTerms(stemsOf(text), vocabulary)` reads them. */
  keys(text: string): readonly string[] {
    return this.#keys.get(text, (t) =>
      readTerms(this.stems(t), this.vocabulary).map((term) => this.#word(term.key)),
    );
  }

  /**
   * The keys of the text's terms as a set, one set per text for every topic that uses it: shared, so never
   * changed (a caller that needs more copies it).
   */
  keySet(text: string): Set<string> {
    return this.#keySets.get(text, (t) => new Set(this.keys(t)));
  }

  /** One empty list for every profile list with nothing in it: shared, so never changed. */
  readonly noTerms: string[] = [];

  /** A topic's reading (topic-profile.ts), by `topicTextKey`: `read` only for wording not read before. */
  topic(key: string, read: () => TopicReading): TopicReading {
    return this.#topics.get(key, read);
  }

  /** The parts a build over the same wording made (wording-parts.ts, by `wordingKey`), if there was one. */
  wording(key: string): WordingParts | undefined {
    return this.#wording.find(key);
  }

  /** Keeps this build's wording parts for the next build. */
  keepWording(key: string, parts: WordingParts): void {
    this.#wording.keep(key, parts);
  }
}

const identity = (s: string): string => s;

/** What one build read that the next reuses, by text (headlines) or by wording key (see TextTerms). */
export interface KeptReadings {
  headlines: ReadonlyMap<string, readonly string[]>;
  topics: ReadonlyMap<string, TopicReading>;
  topicWords: ReadonlyMap<string, TopicWords>;
  wording: ReadonlyMap<string, WordingParts>;
}

/**
 * One build's readings, falling back on the last build's: what this build reads again is moved over, and what
 * it never reads (a topic since deleted) goes with the last build, so the memo never outgrows one index.
 */
class Memo<T> {
  readonly #own = new Map<string, T>();
  /** The last build's own readings only: builds never chain further back. */
  #last: ReadonlyMap<string, T> | undefined;

  constructor(last: ReadonlyMap<string, T> | undefined) {
    this.#last = last;
  }

  /** What this build read (or took from the last). */
  get own(): ReadonlyMap<string, T> {
    return this.#own;
  }

  get(key: string, read: (key: string) => T): T {
    let value = this.#own.get(key);
    if (value === undefined) {
      value = this.#last?.get(key) ?? read(key);
      this.#own.set(key, value);
    }
    return value;
  }

  /** What this build or the last read under `key`, kept for the next; undefined when neither did. */
  find(key: string): T | undefined {
    let value = this.#own.get(key);
    if (value === undefined) {
      value = this.#last?.get(key);
      if (value !== undefined) this.#own.set(key, value);
    }
    return value;
  }

  clear(): void {
    this.#own.clear();
  }

  forgetLast(): void {
    this.#last = undefined;
  }

  keep(key: string, value: T): void {
    this.#own.set(key, value);
  }
}

/**
 * Where a live core's readings are kept between runs (see kept-readings-file.ts): `seed` gives the last run's
 * for a first build over the same concepts, `keep` takes a build's when it read anything new.
 */
export interface ReadingsKeeper {
  seed(conceptsKey: string): KeptReadings | null;
  keep(conceptsKey: string, kept: KeptReadings): void;
}

/**
 * Readings kept from one build of the index to the next (a live core's reloads), so a rebuild after an edit
 * reads only the texts that changed. They hold only while the vocabulary's concepts are the same. With a
 * `keeper`, the first build starts from the last run's (a restart reads no text it read before).
 */
export class TextReadings {
  #last: { concepts: string; terms: TextTerms; carried: KeptReadings | undefined } | null = null;
  readonly #keeper: ReadingsKeeper | undefined;

  constructor(keeper?: ReadingsKeeper) {
    this.#keeper = keeper;
  }

  /** The readings for a build over `vocabulary`, read from `concepts`. */
  next(vocabulary: Vocabulary, concepts: readonly Concept[]): TextTerms {
    const key = JSON.stringify(concepts);
    const carried =
      this.#last === null
        ? (this.#keeper?.seed(key) ?? undefined)
        : this.#last.concepts === key
          ? this.#last.terms.kept()
          : undefined;
    const terms = new TextTerms(vocabulary, carried);
    this.#last = { concepts: key, terms, carried };
    return terms;
  }

  /**
   * A build with `terms` is complete: its readings go to the keeper unless they are all the ones it started
   * from (nothing read, nothing dropped), as after a restart or an edit to figures alone.
   */
  settled(terms: TextTerms): void {
    const last = this.#last;
    if (last === null || last.terms !== terms) return;
    const { carried } = last;
    // What the build started from is not held past it (the next build starts from this one's).
    last.carried = undefined;
    if (!this.#keeper) return;
    const kept = terms.kept();
    if (carried && sameReadings(kept, carried)) return;
    this.#keeper.keep(last.concepts, kept);
  }
}

/** Whether `a` holds exactly the readings `b` does, each the same object (so none was read afresh). */
function sameReadings(a: KeptReadings, b: KeptReadings): boolean {
  const same = <T>(x: ReadonlyMap<string, T>, y: ReadonlyMap<string, T>) => {
    if (x.size !== y.size) return false;
    for (const [k, v] of x) if (y.get(k) !== v) return false;
    return true;
  };
  return same(a.headlines, b.headlines) && same(a.topics, b.topics) && same(a.topicWords, b.topicWords);
}
