import { pick, type Random } from "../load/seeded-random.ts";

/** Sounds to build invented place names from: no story's names are spelled here, only syllables. */
const onsets = [
  "b",
  "d",
  "f",
  "g",
  "k",
  "l",
  "m",
  "n",
  "p",
  "r",
  "s",
  "t",
  "v",
  "z",
  "br",
  "dr",
  "gr",
  "st",
  "tr",
  "th",
];
const vowels = ["a", "e", "i", "o", "u", "a", "e", "o", "ai", "ou", "ei"];
const codas = ["", "", "n", "r", "l", "s", "k", "m", "nd", "st", "rn", "th", "sk"];

/**
 * Invented place names, each new: never a word of the base index (so a grown place is never a real story's)
 * and never an English word (so the matcher reads it as a name, as it reads a real story's places).
 */
export class InventedNames {
  private readonly used = new Set<string>();

  constructor(
    private readonly random: Random,
    /** Lower-case words the names must not be: the base index's words and the English dictionary. */
    private readonly taken: (word: string) => boolean,
  ) {}

  next(): string {
    for (;;) {
      const syllables = 2 + Math.floor(this.random() * 2);
      let word = "";
      for (let i = 0; i < syllables; i++) {
        word += pick(this.random, onsets) + pick(this.random, vowels);
        if (i === syllables - 1 || this.random() < 0.3) word += pick(this.random, codas);
      }
      if (word.length < 5 || this.used.has(word) || this.taken(word)) continue;
      this.used.add(word);
      return word.charAt(0).toUpperCase() + word.slice(1);
    }
  }
}
