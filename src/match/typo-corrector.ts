import Fuse from "fuse.js";
import { matchConfig } from "./config.ts";

/**
 * Corrects one mistyped word to the nearest word Tally knows ("russain" → "russian", "casualites" →
 * "casualties"). Words are matched one at a time because fuse.js's Bitap works on patterns of at most 32
 * characters and its threshold bounds each match, so whole questions are the wrong unit.
 */
/** First letters that sound alike, so "corean" can still be "korean". */
const sameSound = (a: string | undefined, b: string | undefined): boolean =>
  (a === "c" && b === "k") || (a === "k" && b === "c");

export class TypoCorrector {
  readonly #fuse: Fuse<string>;
  readonly #known: ReadonlySet<string>;
  readonly #cache = new Map<string, string | null>();

  constructor(vocabulary: Iterable<string>) {
    const words = [...new Set(vocabulary)].filter(
      (w) => w.length >= matchConfig.typos.minLength - 1 && !/\d/.test(w),
    );
    this.#known = new Set(vocabulary);
    this.#fuse = new Fuse(words, {
      includeScore: true,
      threshold: matchConfig.typos.threshold,
      ignoreLocation: true,
      isCaseSensitive: false,
      minMatchCharLength: 2,
    });
  }

  /** The known word this one was meant to be, or null when it is known already or nothing is close. */
  correct(word: string): string | null {
    if (this.#known.has(word) || word.length < matchConfig.typos.minLength || /\d/.test(word)) return null;
    const cached = this.#cache.get(word);
    if (cached !== undefined) return cached;
    let best: string | null = null;
    let bestScore = Number.POSITIVE_INFINITY;
    for (const r of this.#fuse.search(word, { limit: 8 })) {
      // Bitap finds a pattern inside a longer word ("war" in "warfare"); a correction must be about as long.
      if (Math.abs(r.item.length - word.length) > 2) continue;
      // People rarely get the first letter wrong; without this "ones" becomes "drones" and "ammo" "armor".
      if (r.item[0] !== word[0] && !sameSound(r.item[0], word[0])) continue;
      const score = (r.score ?? 1) + Math.abs(r.item.length - word.length) * 0.05;
      if (score < bestScore) {
        best = r.item;
        bestScore = score;
      }
    }
    // The cache is bounded so a flood of junk words cannot grow it without end.
    if (this.#cache.size > 5000) this.#cache.clear();
    this.#cache.set(word, best);
    return best;
  }
}
