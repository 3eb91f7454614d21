/**
 * Greedy longest-first matching of word sequences to concepts. Built once per index; lookups are a handful of
 * Map gets per word, so canonicalising a question costs microseconds.
 */
export interface PhraseMatch {
  concept: string;
  start: number;
  end: number;
}

export class PhraseMatcher {
  readonly #phrases = new Map<string, string>();
  #longest = 1;

  add(words: readonly string[], concept: string): void {
    if (words.length === 0) return;
    const key = words.join(" ");
    // The first concept registered for a phrase wins; concept phrases are added before data aliases.
    if (!this.#phrases.has(key)) this.#phrases.set(key, concept);
    this.#longest = Math.max(this.#longest, words.length);
  }

  has(word: string): boolean {
    return this.#phrases.has(word);
  }

  /** The concept a one-word phrase stands for. */
  conceptOf(word: string): string | undefined {
    return this.#phrases.get(word);
  }

  /** Non-overlapping matches, longest first from left to right. */
  match(words: readonly string[]): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    let i = 0;
    while (i < words.length) {
      let found: PhraseMatch | null = null;
      for (let n = Math.min(this.#longest, words.length - i); n >= 1; n--) {
        const concept = this.#phrases.get(words.slice(i, i + n).join(" "));
        if (concept !== undefined) {
          found = { concept, start: i, end: i + n };
          break;
        }
      }
      if (found) {
        out.push(found);
        i = found.end;
      } else {
        i++;
      }
    }
    return out;
  }
}
