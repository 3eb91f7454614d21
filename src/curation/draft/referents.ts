/**
 * The names a sentence gives people and bodies as written, which "she", "Santos" or "the ministry" in a later
 * sentence refer back to, and a person's name without the role written before it. English only: capitals,
 * role words and honorifics, never a story's names.
 */

// Roles written before a person's name in news English: "Transport Secretary Vivian Ocampo", "AFAD head …".
const roleWords = new Set(
  `secretary minister spokesperson spokesman spokeswoman chief executive head commodore general director
   president mayor governor commissioner chair chairman chairwoman chairperson officer inspector superintendent
   captain colonel admiral lieutenant sergeant commander professor prof dr mr ms mrs miss sir dame judge senator
   manager founder leader chancellor premier treasurer deputy prosecutor attorney`.split(/\s+/),
);
const honorific = /^(?:Mr|Ms|Mrs|Miss|Mx|Dr|Prof|Sir|Dame)\.?$/;
// Lower-case particles inside a person's name: "Ramon dela Cruz", "Ursula von der Leyen".
const particle = /^(?:de|da|del|dela|della|der|van|von|bin|bint|al|le|la|di|du|dos)$/;
const capitalised = (w: string) => /^\p{Lu}/u.test(w);

/** Whether words name a role someone holds: "a spokesman for the ministry", "the agency's director". */
export function hasRole(words: string): boolean {
  return words
    .toLowerCase()
    .split(/[\s,]+/)
    .some((w) => roleWords.has(w.replace(/['’]s$/, "")));
}

/** "Transport Secretary Vivian Ocampo" → "Vivian Ocampo"; a name with no role before it stays as it is. */
export function personName(name: string): string {
  // "A spokesman for the ministry, Paul Okoye": the name after the role's comma.
  const parts = name.split(/,\s*/);
  const after = parts.at(-1) ?? "";
  if (
    parts.length > 1 &&
    hasRole(parts.slice(0, -1).join(" ")) &&
    /^\p{Lu}\p{L}+(?:\s+\p{Lu}[\p{L}'’-]+)+$/u.test(after)
  )
    return after;
  const words = name.trim().split(/\s+/);
  let last = -1;
  words.forEach((w, i) => {
    if (roleWords.has(w.toLowerCase().replace(/[.,]$/, ""))) last = i;
  });
  if (last < 0) return name;
  const rest = words.slice(last + 1);
  const isName =
    rest.length >= 2 && capitalised(rest[0] ?? "") && rest.every((w) => capitalised(w) || particle.test(w));
  return isName ? rest.join(" ") : name;
}

/** "Santos", "Ms Berg": a person referred to by surname alone, and that surname; else null. */
export function surnameOf(name: string): string | null {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((w) => !honorific.test(w));
  const [only] = words;
  return words.length === 1 && only && /^\p{Lu}\p{Ll}/u.test(only) ? only : null;
}

/** Whether a name written in full ("Commodore Aurelio Santos") ends with, or holds, the surname. */
export function hasSurname(name: string, surname: string): boolean {
  const words = name.split(/[\s,;]+/).map((w) => w.replace(/['’]s$/, ""));
  return words.length > 1 && words.includes(surname);
}

export interface Phrase {
  text: string;
  start: number;
}

// A run of capitalised words, with the small words names hold: "Office of the Australian Information Commissioner".
const phrasePattern =
  /\p{Lu}[\p{L}.'’&-]*(?:\s+(?:(?:of|for|and|the|on|de|dela|van|von)\s+)*\p{Lu}[\p{L}.'’&-]*)*/gu;

/** Every run of capitalised words in a sentence, as written. */
export function namedPhrases(text: string): Phrase[] {
  return [...text.matchAll(phrasePattern)].map((m) => ({ text: m[0], start: m.index }));
}

/** The last named phrase holding the noun ("centre" in "The Australian Cyber Security Centre"), before `until`. */
export function phraseWithNoun(text: string, noun: string, until = Number.POSITIVE_INFINITY): Phrase | null {
  if (noun.length < 3) return null;
  const fits = (p: Phrase) =>
    p.start < until &&
    p.text.split(/\s+/).length >= 2 &&
    p.text
      .toLowerCase()
      .split(/\s+/)
      .some((w) => w === noun || w === `${noun}s` || `${w}s` === noun);
  return namedPhrases(text).filter(fits).at(-1) ?? null;
}

/** A sentence's subject when it opens with a name of two words or more ("Transport Secretary Vivian Ocampo has …"). */
export function openingName(text: string): string | null {
  const first = namedPhrases(text)[0];
  if (!first || first.start > 0 || first.text.split(/\s+/).length < 2) return null;
  return /^(?:The|A|An|This|That)\s/.test(first.text) ? null : first.text;
}
