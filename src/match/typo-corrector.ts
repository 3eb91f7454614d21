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
  readonly #codes: ReadonlySet<string>;
  /** Known words in order, to expand an abbreviation by its prefix ("conf" → "confirmed"). */
  readonly #sorted: string[];
  /** A correction is at most two letters longer than a known word, so longer words are never tried. */
  readonly #longest: number;

  constructor(
    vocabulary: Iterable<string>,
    expandable: Iterable<string> = vocabulary,
    /** Words two letters may stand for: names of subjects and places ("ug" → Uganda, never "eu" → euro). */
    codes: Iterable<string> = expandable,
    /** Words a typo is never corrected to: a mistyped content word is not filler. */
    notTargets: ReadonlySet<string> = new Set(),
  ) {
    // Sorted, so that of two equally close words the same one wins whatever order the index was loaded in.
    const words = [...new Set(vocabulary)]
      .filter((w) => w.length >= matchConfig.typos.minLength - 1 && !/\d/.test(w) && !notTargets.has(w))
      .sort();
    this.#codes = new Set(codes);
    this.#known = new Set(vocabulary);
    this.#longest = [...this.#known].reduce((n, w) => Math.max(n, w.length), 0);
    this.#sorted = [...new Set(expandable)].filter((w) => w.length >= 4 && !/\d/.test(w)).sort();
    this.#fuse = new Fuse(words, {
      includeScore: true,
      threshold: matchConfig.typos.threshold,
      ignoreLocation: true,
      isCaseSensitive: false,
      minMatchCharLength: 2,
    });
  }

  /**
   * The known word an abbreviation stands for: the one known word it begins ("ug" → "uganda"), or for three
   * letters or more the shortest of those that begin with it ("conf" → "confirmed"). Null when none does.
   */
  expand(word: string): string | null {
    if (this.#known.has(word) || word.length < 2 || /\d/.test(word)) return null;
    let lo = 0;
    let hi = this.#sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.#sorted[mid] ?? "") < word) lo = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (let i = lo; i < this.#sorted.length && (this.#sorted[i] ?? "").startsWith(word); i++) {
      found.push(this.#sorted[i] ?? "");
      if (found.length > 12) break;
    }
    if (found.length === 0) return null;
    // Names first ("dem" is the Democratic Alliance before a "demo"), then the shortest.
    const named = (w: string) => (this.#codes.has(w) ? 0 : 1);
    found.sort((a, b) => named(a) - named(b) || a.length - b.length || a.localeCompare(b));
    // Two letters are a code only for one name ("ug": Uganda, Ugandan), never for a common word.
    if (word.length === 2) {
      const names = found.filter((w) => this.#codes.has(w));
      if (names.length !== found.length) return null;
      if (new Set(names.map((w) => w.slice(0, Math.min(...names.map((f) => f.length)) - 1))).size > 1)
        return null;
    }
    return found[0] ?? null;
  }

  /** The known word this one was meant to be, or null when it is known already or nothing is close. */
  correct(word: string): string | null {
    if (this.#known.has(word) || word.length < matchConfig.typos.minLength || /\d/.test(word)) return null;
    // Without this a 20,000-letter "word" took seconds (each swap copies it; fuse.js scans it in 32-letter chunks).
    if (word.length > this.#longest + 2) return null;
    const cached = this.#cache.get(word);
    if (cached !== undefined) return cached;
    // Two letters swapped ("keyna" for "kenya") is the commonest slip; fuse.js scores it poorly.
    for (let i = 0; i + 1 < word.length; i++) {
      const swapped = `${word.slice(0, i)}${word[i + 1]}${word[i]}${word.slice(i + 2)}`;
      if (this.#known.has(swapped)) {
        this.#cache.set(word, swapped);
        return swapped;
      }
    }
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
