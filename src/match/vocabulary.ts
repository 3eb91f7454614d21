import type { Concept } from "../claims/schema.ts";
import { runToEnd, type Steps } from "../schedule/time-slice.ts";
import { stemWord, tokenizeQuestion } from "./normalize-question.ts";
import { PhraseMatcher } from "./phrase-matcher.ts";

export type ConceptKind = Concept["kind"];
/** The kinds of concept the matcher reads; the vocabulary folder also holds the flag detector's. */
export const matcherKinds: ReadonlySet<string> = new Set([
  "measure",
  "group",
  "period",
  "scope",
  "name",
  "noun",
  "filler",
]);

/** Stemmed words of a phrase, as both questions and the data are read. */
export const stemsOf = (phrase: string): string[] => tokenizeQuestion(phrase).map(stemWord);

/**
 * The newsroom vocabulary loaded from `vocabulary/`: phrases to concepts, each concept's kind, and how close
 * one measure is to a broader one. Built once per index.
 */
export class Vocabulary {
  readonly phrases = new PhraseMatcher();
  readonly #kinds = new Map<string, ConceptKind>();
  readonly #within = new Map<string, Record<string, number>>();
  /** Concepts that several measures asked together mean, the most combined first. */
  readonly combinations: Array<{ concept: string; parts: string[] }> = [];
  /** Every surface word the vocabulary uses, for the typo corrector. */
  readonly surface = new Set<string>();

  constructor(concepts: readonly Concept[]) {
    runToEnd(this.#reading(concepts));
  }

  /** The vocabulary read one concept at a time, yielding between them (see schedule/time-slice.ts). */
  static *steps(concepts: readonly Concept[]): Steps<Vocabulary> {
    const vocabulary = new Vocabulary([]);
    yield* vocabulary.#reading(concepts);
    return vocabulary;
  }

  *#reading(concepts: readonly Concept[]): Steps<void> {
    // Longer concept lists first would not matter: the phrase matcher keeps the first concept for a phrase.
    for (const c of concepts) {
      yield;
      // The vocabulary folder is shared; concepts of other kinds (the flag detector's) are not the matcher's.
      if (!matcherKinds.has(c.kind)) continue;
      const key = conceptKey(c.id);
      this.#kinds.set(key, c.kind);
      const within: Record<string, number> = {};
      for (const [other, v] of Object.entries(c.within)) within[conceptKey(other)] = v;
      this.#within.set(key, within);
      if (c.combines.length > 1) this.combinations.push({ concept: key, parts: c.combines.map(conceptKey) });
      for (const p of c.phrases) {
        this.phrases.add(stemsOf(p), key);
        for (const w of tokenizeQuestion(p)) this.surface.add(w);
      }
    }
  }

  /** A one-word phrase of a measure or a group: "troops", "aid", "deaths". */
  countsSomething(stem: string): boolean {
    const concept = this.phrases.conceptOf(stem);
    const k = concept ? this.#kinds.get(concept) : undefined;
    return k === "measure" || k === "group";
  }

  /** "Killed, wounded or missing" asked as three words: one measure, as the vocabulary combines them. */
  combine(terms: readonly string[]): string[] {
    const out = [...terms];
    for (const { concept, parts } of this.#combinationsInOrder()) {
      if (!parts.every((part) => out.includes(part))) continue;
      const first = out.indexOf(parts[0] ?? "");
      for (const part of parts) out.splice(out.indexOf(part), 1);
      out.splice(Math.min(first, out.length), 0, concept);
    }
    return out;
  }

  /** The combinations most combined first, then by concept: sorted on the first question, not on every one. */
  #inOrder: { of: number; list: Array<{ concept: string; parts: string[] }> } | null = null;
  #combinationsInOrder(): ReadonlyArray<{ concept: string; parts: string[] }> {
    if (this.#inOrder?.of !== this.combinations.length)
      this.#inOrder = {
        of: this.combinations.length,
        list: [...this.combinations].sort(
          (a, b) => b.parts.length - a.parts.length || a.concept.localeCompare(b.concept),
        ),
      };
    return this.#inOrder.list;
  }

  kind(term: string): ConceptKind | undefined {
    return this.#kinds.get(term);
  }

  /** How close asking for `asked` comes to a topic that counts `counted` (0 when unrelated), either way round. */
  closeness(asked: string, counted: string): number {
    return this.#within.get(asked)?.[counted] ?? this.#within.get(counted)?.[asked] ?? 0;
  }
}

/** Concepts are kept apart from plain words by a prefix, so a concept "cases" never equals the word "cases". */
export const conceptKey = (id: string): string => `#${id}`;
export const isConcept = (term: string): boolean => term.startsWith("#");
