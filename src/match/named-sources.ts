import type { Source } from "../claims/schema.ts";
import { runToEnd, type Steps } from "../schedule/time-slice.ts";
import { nameKey } from "./name-key.ts";
import { stemWord } from "./normalize-question.ts";
import { PhraseMatcher } from "./phrase-matcher.ts";
import { readTerms } from "./read-terms.ts";
import { attributionAfter, attributionBefore, stopwords } from "./stopwords.ts";
import type { TextTerms } from "./text-terms.ts";

/** Words dropped from source names before matching them: "the Pentagon" is "Pentagon". */
const fillers = new Set(["the", "of", "a", "an", "and", "s"]);
const placeLeadIns = new Set(["in", "across", "insid", "inside", "throughout"]);
const after = new Set([...attributionAfter].map(stemWord));
const before = new Set([...attributionBefore].map(stemWord));

export interface SourcesFound {
  /** Source ids the question names, in the order named. */
  ids: string[];
  /** Positions inside a named source: its words are the source's, not the question's. */
  covered: Set<number>;
  /** Of `ids`, those the question asks what they say ("the ministry says", "according to police"). */
  attributed: Set<string>;
  /** Of `ids`, those named only by one common English word ("insurers", "organisers"). */
  generic: Set<string>;
}

/**
 * Finds the sources a question names, by every name and alias in `sources/`. A name made only of words that
 * also say whose figure ("Kyiv", "police") is weak: it names the source only when the question asks what it
 * says ("police say", "according to Kyiv", "the ministry's count").
 */
export class NamedSources {
  readonly #phrases = new PhraseMatcher();
  /** Weak names, by name key, with the words as written: "Russia" names the ministry, "Russian" only whose. */
  readonly #weak = new Map<string, Set<string>>();
  readonly #side = new Map<string, Set<string>>();
  /** Sources that are their own side: a party speaking for itself. */
  readonly #ownSide = new Set<string>();
  /** Capitalised aliases that are also common words ("WHO", "US"): sources only when typed in capitals. */
  readonly #capitalsOnly = new Map<string, RegExp>();
  readonly #byTerm = new Map<string, string[]>();
  readonly #idsByPhrase = new Map<string, string[]>();
  readonly #capitalised = new Set<string>();

  /** `texts` reads each distinct name once across a build: many sources share a side or a name's words. */
  constructor(sources: Iterable<Source>, texts: TextTerms, subjectTerms: ReadonlySet<string>) {
    runToEnd(this.#reading(sources, texts, subjectTerms));
  }

  /** The sources read one at a time, yielding between them (see schedule/time-slice.ts). */
  static *steps(
    sources: Iterable<Source>,
    texts: TextTerms,
    subjectTerms: ReadonlySet<string>,
  ): Steps<NamedSources> {
    const named = new NamedSources([], texts, subjectTerms);
    yield* named.#reading(sources, texts, subjectTerms);
    return named;
  }

  *#reading(sources: Iterable<Source>, texts: TextTerms, subjectTerms: ReadonlySet<string>): Steps<void> {
    const vocabulary = texts.vocabulary;
    for (const source of sources) {
      yield;
      if (source.side) {
        const side = new Set(texts.keys(source.side));
        this.#side.set(source.id, side);
        const name = texts.keys(source.name);
        if (name.length > 0 && name.every((t) => side.has(t))) this.#ownSide.add(source.id);
      }
      for (const name of [source.name, ...source.aliases]) {
        const words = texts.stems(name).filter((w) => !fillers.has(w));
        if (words.length === 0) continue;
        // Matched by name key, so "Russia's MoD" finds "Russian MoD".
        const keys = words.map(nameKey);
        const phrase = keys.join(" ");
        if (/^[A-Z]{2,}$/.test(name) && stopwords.has(name.toLowerCase())) {
          this.#capitalsOnly.set(phrase, new RegExp(`\\b${name}\\b`));
        }
        // Two stories' sources may share a name ("the interior ministry"): a phrase names every one of them.
        this.#phrases.add(keys, phrase);
        // "MoI", "WHO", "Karsava Police" are names; "insurers", "organisers" written plainly are common words.
        if (/\p{Lu}/u.test(name)) this.#capitalised.add(phrase);
        const named = this.#idsByPhrase.get(phrase) ?? [];
        if (!named.includes(source.id)) named.push(source.id);
        this.#idsByPhrase.set(phrase, named);
        const terms = readTerms(words, vocabulary);
        for (const t of terms) {
          const ids = this.#byTerm.get(t.key) ?? [];
          if (!ids.includes(source.id)) ids.push(source.id);
          this.#byTerm.set(t.key, ids);
        }
        if (
          terms.length > 0 &&
          terms.every((t) => subjectTerms.has(t.key) || vocabulary.kind(t.key) === "group")
        )
          this.#weak.set(phrase, new Set([...(this.#weak.get(phrase) ?? []), words.join(" ")]));
      }
    }
    // Sources that share a name are listed by id, never in the order their files were loaded.
    for (const list of [...this.#idsByPhrase.values(), ...this.#byTerm.values()]) list.sort();
  }

  /** Sources whose name or an alias uses this term ("Karsava police" for police). */
  namedBy(term: string): string[] {
    return this.#byTerm.get(term) ?? [];
  }

  /** The source is the side it speaks for (a party, a government speaking for its country by name). */
  isItsOwnSide(id: string): boolean {
    return this.#ownSide.has(id);
  }

  /** Terms of the side a source speaks for. */
  side(id: string): ReadonlySet<string> {
    return this.#side.get(id) ?? new Set();
  }

  find(
    stems: readonly string[],
    question: string,
    protectedAt: ReadonlySet<number> = new Set(),
    /** Whether the word at a position is a common English word ("insurers"), not a name. */
    isWordAt: (position: number) => boolean = () => false,
  ): SourcesFound {
    const attributed = (start: number, end: number): boolean =>
      stems.slice(end, end + 3).some((w) => after.has(w)) ||
      stems.slice(Math.max(0, start - 3), start).some((w) => before.has(w));
    const ids: string[] = [];
    // A common name ("the Herald") may be many sources' at 100,000 claims: listed once each, without a scan.
    const listed = new Set<string>();
    const covered = new Set<number>();
    const said = new Set<string>();
    const generic = new Set<string>();
    // Names are matched without their fillers ("Ministry of Defence" is "ministry defence"), by name key.
    const kept = stems.flatMap((w, i) => (w === "" || fillers.has(w) ? [] : [i]));
    const keyed = kept.map((i) => nameKey(stems[i] ?? ""));
    for (const found of this.#phrases.match(keyed)) {
      const phrase = keyed.slice(found.start, found.end).join(" ");
      const m = {
        concept: found.concept,
        start: kept[found.start] ?? 0,
        end: (kept[found.end - 1] ?? 0) + 1,
      };
      const inside = [...Array(m.end - m.start).keys()].every((k) => protectedAt.has(m.start + k));
      if (inside && found.end - found.start === 1) continue;
      // "who" is a question word; only "WHO" is the organisation.
      if (this.#capitalsOnly.get(phrase)?.test(question) === false) continue;
      const weakAs = this.#weak.get(phrase);
      const weak = weakAs !== undefined;
      const written = kept
        .slice(found.start, found.end)
        .map((i) => stems[i])
        .join(" ");
      if (weak && !weakAs.has(written)) continue;
      const asked = attributed(m.start, m.end);
      if (weak && !asked) continue;
      // "Deaths in Varda province": after "in", a name is a place, unless the question asks what it says.
      if (!asked && placeLeadIns.has(stems[m.start - 1] ?? "")) continue;
      const common = found.end - found.start === 1 && !this.#capitalised.has(m.concept) && isWordAt(m.start);
      for (const id of this.#idsByPhrase.get(m.concept) ?? []) {
        if (!listed.has(id)) {
          listed.add(id);
          ids.push(id);
        }
        if (asked) said.add(id);
        if (common) generic.add(id);
      }
      for (let i = m.start; i < m.end; i++) covered.add(i);
    }
    return { ids, covered, attributed: said, generic };
  }
}
