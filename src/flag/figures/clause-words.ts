import { lastWords, withoutPossessive } from "./word-scan.ts";
/** A clause's words, computed only when a decision needs them (most numbers are settled without). */
export class ClauseWords {
  #words: Set<string> | null = null;
  constructor(private readonly text: string) {}
  get words(): Set<string> {
    this.#words ??= wordsOf(this.text);
    return this.#words;
  }
}

/** Lower-case words of a clause, each also without its "'s". */
export function wordsOf(clause: string): Set<string> {
  const set = new Set<string>();
  for (const w of clause.toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? []) {
    set.add(w);
    set.add(withoutPossessive(w));
  }
  return set;
}

/** The last `n` words before `at`, lower-case, without "'s"; only words after the last hard break count. */
export function wordsBefore(text: string, at: number, n: number): string[] {
  const slice = text.slice(Math.max(0, at - 40), at);
  // "file by 6pm: 300 …" does not see "file".
  const cut = Math.max(slice.lastIndexOf("\n"), slice.lastIndexOf(". "));
  return lastWords((cut >= 0 ? slice.slice(cut) : slice).toLowerCase(), n).map(withoutPossessive);
}

export function hasAny(words: Set<string>, vocabulary: ReadonlySet<string>): boolean {
  for (const w of words) if (vocabulary.has(w)) return true;
  return false;
}
