import type { Source } from "../claims/schema.ts";
import { PhraseMatcher } from "./phrase-matcher.ts";
import { readTerms } from "./read-terms.ts";
import { attributionAfter, attributionBefore } from "./stopwords.ts";
import { stemWord } from "./normalize-question.ts";
import { stemsOf, type Vocabulary } from "./vocabulary.ts";

/** Words dropped from source names before matching them: "the Pentagon" is "Pentagon". */
const fillers = new Set(["the", "of", "a", "an", "and", "s"]);
const after = new Set([...attributionAfter].map(stemWord));
const before = new Set([...attributionBefore].map(stemWord));

export interface SourcesFound {
  /** Source ids the question names, in the order named. */
  ids: string[];
  /** Positions inside a named source: its words are the source's, not the question's. */
  covered: Set<number>;
  /** Terms a weak name stood for when it did not read as a source ("Spain" in "deaths in Spain"). */
  sideTerms: string[];
}

/**
 * Finds the sources a question names, by every name and alias in `sources/`. A name made only of words that
 * also say whose figure ("Kyiv", "police") is weak: it names the source only when the question asks what it
 * says ("police say", "according to Kyiv", "the ministry's count").
 */
export class NamedSources {
  readonly #phrases = new PhraseMatcher();
  readonly #weak = new Set<string>();
  readonly #side = new Map<string, Set<string>>();

  constructor(sources: Iterable<Source>, vocabulary: Vocabulary, subjectTerms: ReadonlySet<string>) {
    for (const source of sources) {
      if (source.side) this.#side.set(source.id, new Set(readTerms(stemsOf(source.side), vocabulary).map((t) => t.key)));
      for (const name of [source.name, ...source.aliases]) {
        const words = stemsOf(name).filter((w) => !fillers.has(w));
        if (words.length === 0) continue;
        this.#phrases.add(words, source.id);
        const terms = readTerms(words, vocabulary);
        if (terms.length > 0 && terms.every((t) => subjectTerms.has(t.key) || vocabulary.kind(t.key) === "group"))
          this.#weak.add(words.join(" "));
      }
    }
  }

  /** Terms of the side a source speaks for. */
  side(id: string): ReadonlySet<string> {
    return this.#side.get(id) ?? new Set();
  }

  find(stems: readonly string[]): SourcesFound {
    const attributed = (start: number, end: number): boolean =>
      stems.slice(end, end + 3).some((w) => after.has(w)) ||
      stems.slice(Math.max(0, start - 3), start).some((w) => before.has(w));
    const ids: string[] = [];
    const covered = new Set<number>();
    for (const m of this.#phrases.match(stems)) {
      const weak = this.#weak.has(stems.slice(m.start, m.end).join(" "));
      if (weak && !attributed(m.start, m.end)) continue;
      if (!ids.includes(m.concept)) ids.push(m.concept);
      for (let i = m.start; i < m.end; i++) covered.add(i);
    }
    return { ids, covered, sideTerms: [] };
  }
}
