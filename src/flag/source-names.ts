import type { Source } from "../claims/schema.ts";

/**
 * The names of the index's sources, for attribution. Built from `sources/` (name and aliases), so a story
 * added as data is attributed with no code change.
 *
 * Observers (monitors, researchers, agencies, outlets) attribute wherever they appear in a clause ("checked
 * against the CSIS table"). Actors (governments, militaries, parties, people) act as well as report, so they
 * attribute only in an attributing phrase ("the ministry says", "per Kyiv"): "Putin's army", "the Kremlin is
 * spending ~40%" attribute nothing.
 */
export interface SourceNames {
  /** An observer is named somewhere in the text. */
  observerIn(text: string): boolean;
  /** Any source is named somewhere in the text. */
  anyIn(text: string): boolean;
  /** The text starts with a source's name ("per the UK MoD", "from Zelensky"). */
  startsWithName(text: string): boolean;
  /** One word that is a source's whole one-word name or alias ("Zelensky", "Kyiv", "UGS"). */
  isOneWordName(word: string): boolean;
}

// Kinds that report figures about others rather than act: they attribute wherever they are named. People
// (analysts too) attribute only in an attributing phrase: "Kofman's point stands" sources nothing.
export const observerKind =
  /think[\s-]?tank|monitor|research|institut|intergovernmental|international|agency|ngo|non-?governmental|outlet|media|news|wire|newspaper|broadcaster|observ|statistic|pollster|poll|tracker|academ|universit|charity|humanitarian|watchdog/i;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * "UN", "AP", "MoD", "WHO": short capitals whose lower-case spelling may be a word, matched only as written.
 * Longer ones ("CSIS", "NATO") are matched in any case, as reporters type them.
 */
function isAcronym(name: string): boolean {
  return name.length <= 3 && /^[\p{Lu}\d][\p{L}\d&/-]*$/u.test(name) && /\p{Lu}.*\p{Lu}/u.test(name);
}

// A name boundary: not inside a word (Latin letters with accents too), but "(Reuters)" and "Healfromzero.com"
// still match. Names are matched with single spaces, and without the `u` flag: both keep it fast, and every
// clause with a figure is tested against every name.
const letter = "A-Za-z0-9_\\u00C0-\\u024F";
function alternation(names: readonly string[], flags: string): RegExp | null {
  if (names.length === 0) return null;
  const body = [...new Set(names.map((n) => n.replace(/\s+/g, " ")))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|");
  return new RegExp(`(?<![${letter}])(?:${body})(?![${letter}])`, flags);
}

class NamePattern {
  readonly #folded: RegExp | null;
  readonly #exact: RegExp | null;
  readonly #foldedAtStart: RegExp | null;
  readonly #exactAtStart: RegExp | null;

  constructor(names: readonly string[]) {
    const exact = names.filter(isAcronym);
    const folded = names.filter((n) => !isAcronym(n));
    this.#folded = alternation(folded, "i");
    this.#exact = alternation(exact, "");
    this.#foldedAtStart = this.#folded ? new RegExp(`^(?:${this.#folded.source})`, "i") : null;
    this.#exactAtStart = this.#exact ? new RegExp(`^(?:${this.#exact.source})`) : null;
  }

  test(text: string): boolean {
    return (this.#folded?.test(text) ?? false) || (this.#exact?.test(text) ?? false);
  }

  testAtStart(text: string): boolean {
    return (this.#foldedAtStart?.test(text) ?? false) || (this.#exactAtStart?.test(text) ?? false);
  }
}

/**
 * Every name and alias of the sources, split into observers and actors by their `kind`, plus `observerNames`
 * that every story cites (wire agencies, international bodies: the shipped vocabulary's).
 */
export function createSourceNames(
  sources: Iterable<Source>,
  observerNames: Iterable<string> = [],
): SourceNames {
  const observers: string[] = [];
  const all: string[] = [];
  const oneWord = new Set<string>();
  const oneWordExact = new Set<string>();
  const listed = [...sources].map((s) => ({
    names: [s.name, ...s.aliases],
    observer: observerKind.test(s.kind),
  }));
  listed.push({ names: [...observerNames], observer: true });
  for (const s of listed) {
    const names = s.names.map((n) => n.trim()).filter((n) => n.length >= 2);
    all.push(...names);
    if (s.observer) observers.push(...names);
    for (const n of names) {
      if (/\s/.test(n)) continue;
      if (isAcronym(n)) oneWordExact.add(n);
      else oneWord.add(n.toLowerCase());
    }
  }
  const observer = new NamePattern(observers);
  const any = new NamePattern(all);
  return {
    observerIn: (text) => observer.test(text),
    anyIn: (text) => any.test(text),
    startsWithName: (text) => any.testAtStart(text),
    isOneWordName(word) {
      const bare = word.replace(/['’]s$/, "");
      return oneWordExact.has(bare) || oneWord.has(bare.toLowerCase());
    },
  };
}
