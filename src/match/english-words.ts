import { readFileSync } from "node:fs";
import wordListPath from "word-list";

/** All the matcher asks of the dictionary: whether a word is in it. */
export interface WordList {
  has(word: string): boolean;
}

/**
 * Words kept as the one string they came in, with where each starts and an open-addressing hash table of
 * word numbers: ~3 MB of heap and ~9 MB of RSS for the 274,000 English words, against ~21 MB of heap and
 * ~35 MB of RSS as a Set of strings, each its own heap object. Built by scanning the text in place (no
 * string per word, no sort: a third of the Set's time), and `has` hashes the code units of the word asked
 * and compares in place, as fast as the Set.
 */
class HashedWordList implements WordList {
  readonly #text: string;
  /** Start of word i in #text at 2i, its length at 2i+1. */
  readonly #spans: Uint32Array;
  /** Word number + 1 at each slot (0: empty), found by the word's hash; at most half full. */
  readonly #slots: Uint32Array;
  readonly #mask: number;

  /** `text`: words one a line; empty lines and repeats are left out. */
  constructor(text: string) {
    this.#text = text;
    let lines = 1;
    for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) lines++;
    let size = 2;
    while (size < lines * 2) size *= 2;
    this.#slots = new Uint32Array(size);
    this.#mask = size - 1;
    this.#spans = new Uint32Array(lines * 2);
    const spans = this.#spans;
    let words = 0;
    for (let start = 0; start <= text.length; ) {
      const newline = text.indexOf("\n", start);
      const end = newline === -1 ? text.length : newline;
      if (end > start) {
        spans[words * 2] = start;
        spans[words * 2 + 1] = end - start;
        let slot = this.#hash(text, start, end) & this.#mask;
        while (this.#slots[slot] !== 0 && !this.#same(text, start, end, (this.#slots[slot] as number) - 1))
          slot = (slot + 1) & this.#mask;
        if (this.#slots[slot] === 0) this.#slots[slot] = ++words;
      }
      start = end + 1;
    }
    // Empty lines and repeats took no number: their room is given back.
    if (words * 2 < spans.length) this.#spans = spans.slice(0, words * 2);
  }

  has(word: string): boolean {
    if (word === "") return false;
    let slot = this.#hash(word, 0, word.length) & this.#mask;
    for (let entry = this.#slots[slot] as number; entry !== 0; entry = this.#slots[slot] as number) {
      if (this.#same(word, 0, word.length, entry - 1)) return true;
      slot = (slot + 1) & this.#mask;
    }
    return false;
  }

  /** FNV-1a over the code units of s[start, end). */
  #hash(s: string, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  }

  /** Whether s[start, end) is word number `i`. */
  #same(s: string, start: number, end: number, i: number): boolean {
    const from = this.#spans[i * 2] as number;
    if (end - start !== this.#spans[i * 2 + 1]) return false;
    for (let k = 0; k < end - start; k++)
      if (s.charCodeAt(start + k) !== this.#text.charCodeAt(from + k)) return false;
    return true;
  }
}

/** A word list over `words` (empty strings and repeats left out). */
export function wordListOf(words: Iterable<string>): WordList {
  return new HashedWordList([...words].join("\n"));
}

let english: WordList | null = null;

/**
 * The English dictionary (the `word-list` package, ~274,000 words, no proper nouns), so that a real word is
 * never "corrected" to a word of the index: "standing" is not a typo for "stationed", nor "lunch" for
 * "launch". Read once per process, when the first matcher is built: the file never changes under it.
 */
export function loadEnglishWords(): WordList {
  english ??= new HashedWordList(readFileSync(wordListPath, "utf8"));
  return english;
}
