/**
 * Character scans the figure reading runs for every number, written out instead of as regular expressions:
 * a pattern anchored at the end ("…\s*$") is tried from every start position, and a `replace` per word
 * allocates. Each function says the pattern it stands for; they give exactly what the pattern gives.
 */

/** `w.replace(/['’]s$/, "")`. */
export function withoutPossessive(w: string): string {
  const n = w.length;
  if (n < 2 || w.charCodeAt(n - 1) !== 0x73) return w;
  const mark = w.charCodeAt(n - 2);
  return mark === 0x27 || mark === 0x2019 ? w.slice(0, n - 2) : w;
}

/** `/([\p{L}.]+)\s*$/u.exec(text)?.[1]`: the run of letters and dots that the text ends with, spaces aside. */
export function lastLettersOrDots(text: string): string | undefined {
  const end = endBeforeSpaces(text);
  let start = end;
  for (let step = stepBack(text, start, true); step > 0; step = stepBack(text, start, true)) start -= step;
  return start < end ? text.slice(start, end) : undefined;
}

/** `/(\p{L}+)\.?\s+$/u.exec(text)?.[1]`: the word before the spaces the text ends with, and perhaps a dot. */
export function wordBeforeEndSpaces(text: string): string | undefined {
  let end = endBeforeSpaces(text);
  if (end === text.length) return undefined;
  if (end > 0 && text.charCodeAt(end - 1) === 0x2e) end--;
  let start = end;
  for (let step = stepBack(text, start, false); step > 0; step = stepBack(text, start, false)) start -= step;
  return start < end ? text.slice(start, end) : undefined;
}

/**
 * The last `n` matches in `text` of the global, unicode pattern `[\p{L}][\p{L}'’]*`, in order. Read from the
 * end, so that only those words are looked at: each match is a run of letters and apostrophes from its first
 * letter on.
 */
export function lastWords(text: string, n: number): string[] {
  const out: string[] = [];
  let end = text.length;
  while (end > 0 && out.length < n) {
    // Skip to the end of a run of letters and apostrophes.
    while (end > 0 && wordStep(text, end) === 0) end--;
    let start = end;
    let firstLetter = -1;
    for (let step = wordStep(text, start); step > 0; step = wordStep(text, start)) {
      start -= step;
      if (!isApostrophe(text.charCodeAt(start))) firstLetter = start;
    }
    if (firstLetter >= 0) out.push(text.slice(firstLetter, end));
    end = start;
  }
  return out.reverse();
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019;
}

/** Like `stepBack`, for a word's characters: a letter, or an apostrophe. */
function wordStep(text: string, end: number): number {
  return end > 0 && isApostrophe(text.charCodeAt(end - 1)) ? 1 : stepBack(text, end, false);
}

/** Where the text's trailing `\s*` starts. */
function endBeforeSpaces(text: string): number {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

// Every character JavaScript's `\s` matches beyond ASCII's tab, line feed, vertical tab, form feed, return, space.
const otherSpaces = new Set([
  0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
  0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
]);

function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code > 0x7f && otherSpaces.has(code));
}

const letter = /^\p{L}$/u;

/**
 * How many code units the character ending at `end` takes if it is a letter (`\p{L}`, a whole surrogate pair
 * counting as one character, as under the `u` flag) or, with `dots`, a "."; 0 otherwise.
 */
function stepBack(text: string, end: number, dots: boolean): number {
  if (end <= 0) return 0;
  const code = text.charCodeAt(end - 1);
  if (code < 0x80) {
    const lower = code | 0x20;
    return (lower >= 0x61 && lower <= 0x7a) || (dots && code === 0x2e) ? 1 : 0;
  }
  if (code >= 0xdc00 && code <= 0xdfff && end >= 2) {
    const lead = text.charCodeAt(end - 2);
    if (lead >= 0xd800 && lead <= 0xdbff) return letter.test(text.slice(end - 2, end)) ? 2 : 0;
  }
  return letter.test(text[end - 1] ?? "") ? 1 : 0;
}
