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
  /** The longest phrase starting with each word: most words start none, and are passed over at one lookup. */
  readonly #starts = new Map<string, number>();
  /** A word with a space in it would make a phrase's first word ambiguous: then every length is tried. */
  #spaced = false;

  add(words: readonly string[], concept: string): void {
    if (words.length === 0) return;
    const key = words.join(" ");
    // The first concept registered for a phrase wins; concept phrases are added before data aliases.
    if (!this.#phrases.has(key)) this.#phrases.set(key, concept);
    this.#longest = Math.max(this.#longest, words.length);
    const first = words[0] ?? "";
    this.#starts.set(first, Math.max(this.#starts.get(first) ?? 0, words.length));
    if (words.some((w) => w.includes(" "))) this.#spaced = true;
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
      const word = words[i] ?? "";
      const longest = this.#spaced || word.includes(" ") ? this.#longest : (this.#starts.get(word) ?? 0);
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
