/**
 * Whether a text names one of many names, as a word: not inside a word (Latin letters with accents too), but
 * "(Reuters)" and "Healfromzero.com" still match. Names are matched with single spaces; `caseless` ones in any
 * case of their ASCII letters, the others only as written. It gives what one alternation of every name would,
 *
 *   new RegExp(`(?<![${nameLetter}])(?:name|name|…)(?![${nameLetter}])`, caseless ? "i" : "")
 *
 * but an alternation of an index's thousands of names is slow (V8 runs such a pattern in its interpreter), and
 * every clause with a figure is tested. Names written in ASCII (nearly all) are looked up by their first two
 * characters at each place a word may start; under the `i` flag without `u`, an ASCII character matches only
 * itself and its other case, so comparing ASCII characters is exactly what the pattern does. The few names
 * with other characters stay in a pattern of their own.
 */
export class NamePattern {
  readonly #caseless: boolean;
  /** ASCII names by their first two characters (lower-cased when caseless), lower-cased when caseless. */
  readonly #byStart = new Map<number, string[]>();
  readonly #others: RegExp | null;
  readonly #othersAtStart: RegExp | null;

  constructor(names: readonly string[], caseless: boolean) {
    this.#caseless = caseless;
    const others: string[] = [];
    for (const raw of new Set(names.map((n) => n.replace(/\s+/g, " ")))) {
      if (raw.length < 2 || !isAscii(raw)) {
        others.push(raw);
        continue;
      }
      const name = caseless ? raw.toLowerCase() : raw;
      const key = startKey(name.charCodeAt(0), name.charCodeAt(1));
      const bucket = this.#byStart.get(key);
      if (bucket) bucket.push(name);
      else this.#byStart.set(key, [name]);
    }
    const flags = caseless ? "i" : "";
    this.#others = alternation(others, flags);
    this.#othersAtStart = this.#others ? new RegExp(`^(?:${this.#others.source})`, flags) : null;
  }

  /** The text names one of the names somewhere. */
  test(text: string): boolean {
    if (this.#others?.test(text)) return true;
    if (this.#byStart.size === 0) return false;
    for (let at = 0; at + 1 < text.length; at++) if (this.#nameAt(text, at)) return true;
    return false;
  }

  /** The text starts with one of the names. */
  testAtStart(text: string): boolean {
    if (this.#othersAtStart?.test(text)) return true;
    return this.#byStart.size > 0 && text.length >= 2 && this.#nameAt(text, 0);
  }

  #nameAt(text: string, at: number): boolean {
    if (at > 0 && this.#isNameLetter(text.charCodeAt(at - 1))) return false;
    const first = this.#fold(text.charCodeAt(at));
    const second = this.#fold(text.charCodeAt(at + 1));
    if (first > 0x7f || second > 0x7f) return false;
    const bucket = this.#byStart.get(startKey(first, second));
    if (!bucket) return false;
    for (const name of bucket) {
      const end = at + name.length;
      if (end > text.length) continue;
      let same = true;
      for (let i = 2; same && i < name.length; i++)
        same = this.#fold(text.charCodeAt(at + i)) === name.charCodeAt(i);
      if (same && (end === text.length || !this.#isNameLetter(text.charCodeAt(end)))) return true;
    }
    return false;
  }

  /** An ASCII capital as its small letter when caseless; any other code unit as it is. */
  #fold(code: number): number {
    return this.#caseless && code >= 0x41 && code <= 0x5a ? code | 0x20 : code;
  }

  #isNameLetter(code: number): boolean {
    if (code < 0x80)
      return (
        (code >= 0x41 && code <= 0x5a) ||
        (code >= 0x61 && code <= 0x7a) ||
        (code >= 0x30 && code <= 0x39) ||
        code === 0x5f
      );
    // Beyond ASCII, the class itself decides: under `i` it also takes the other case of what it lists.
    return (this.#caseless ? nameLetterCaseless : nameLetterExact).test(String.fromCharCode(code));
  }
}

/** The characters a name may not touch: a name inside a word is not named. */
export const nameLetter = "A-Za-z0-9_\\u00C0-\\u024F";
const nameLetterCaseless = new RegExp(`[${nameLetter}]`, "i");
const nameLetterExact = new RegExp(`[${nameLetter}]`);

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One pattern for `names`, longest first, without the `u` flag (keeps it fast); null for none. */
function alternation(names: readonly string[], flags: string): RegExp | null {
  if (names.length === 0) return null;
  const body = [...names]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|");
  return new RegExp(`(?<![${nameLetter}])(?:${body})(?![${nameLetter}])`, flags);
}

function startKey(first: number, second: number): number {
  return (first << 7) | second;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}
