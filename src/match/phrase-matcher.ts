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
  /**
   * By a phrase's first word: the most words a phrase starting with it has. Most words of a text start no
   * phrase, so they are passed over without trying every length at them.
   */
  readonly #longestFrom = new Map<string, number>();

  add(words: readonly string[], concept: string): void {
    if (words.length === 0) return;
    const key = words.join(" ");
    // The first concept registered for a phrase wins; concept phrases are added before data aliases.
    if (!this.#phrases.has(key)) this.#phrases.set(key, concept);
    const parts = key.split(" ");
    const first = parts[0] ?? "";
    this.#longestFrom.set(first, Math.max(this.#longestFrom.get(first) ?? 0, parts.length));
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
      // As `join` reads it: stemWord("constructor") hands back Object (its table is a plain object).
      const word = String(words[i] ?? "");
      const space = word.indexOf(" ");
      // n words of the text joined make at least n space-separated parts, the first of them this word's own.
      const longest = this.#longestFrom.get(space === -1 ? word : word.slice(0, space)) ?? 0;
      for (let n = Math.min(longest, words.length - i); n >= 1; n--) {
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
