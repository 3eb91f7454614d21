import type { Concept } from "../../claims/schema.ts";
import { pick, type Random } from "../load/seeded-random.ts";
import { generateConfig } from "./generate-config.ts";

export const monthNames = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;

/** How one grown topic differs from its model: other places, another year, month or measure. */
export interface Rewrite {
  /** Lower-case place word of the model → the invented one (or itself, for a story kept in its places). */
  places: ReadonlyMap<string, string>;
  yearDelta: number;
  /** Lower-case month name → another one. */
  months: ReadonlyMap<string, string>;
  /** Phrase of the model's measure → a related measure's phrase, longest first. */
  measure: ReadonlyArray<readonly [string, string]>;
}

/** "sarvonian", "sarvonia's" and "sarvonia" are all the place word "sarvonia": a name and its forms. */
export function placeWordOf(word: string, placeWords: Iterable<string>): string | undefined {
  const w = word.toLowerCase().replace(/['’]s$/, "");
  for (const p of placeWords) {
    if (w === p || (w.length <= p.length + 3 && w.startsWith(p.slice(0, -1)) && p.length >= 4)) return p;
  }
  return undefined;
}

const keepCase = (model: string, word: string): string =>
  model.charAt(0) === model.charAt(0).toUpperCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The text with the rewrite's places, years, months and measure, keeping capitals where the model had them. */
export function rewriteText(text: string, r: Rewrite): string {
  let out = text;
  for (const [from, to] of r.measure)
    out = out.replace(new RegExp(`\\b${escapeRegExp(from)}\\b`, "gi"), (m) => keepCase(m, to));
  out = out.replace(/[\p{L}'’]+/gu, (word) => {
    const place = placeWordOf(word, r.places.keys());
    if (place !== undefined) return keepCase(word, r.places.get(place) ?? place);
    const month = r.months.get(word.toLowerCase());
    return month !== undefined ? keepCase(word, month) : word;
  });
  if (r.yearDelta !== 0) out = out.replace(/\b(19|20)\d\d\b/g, (y) => String(Number(y) + r.yearDelta));
  return out;
}

/** Phrase → the other phrases of its concept, for the kinds that name what is counted or who. */
export function synonymTable(concepts: readonly Concept[]): Map<string, readonly string[]> {
  const table = new Map<string, readonly string[]>();
  for (const c of concepts) {
    if (!["measure", "noun", "group", "scope"].includes(c.kind)) continue;
    const phrases = c.phrases.map((p) => p.toLowerCase()).filter((p) => /^[a-z][a-z ]+$/.test(p));
    for (const p of phrases) if (!table.has(p)) table.set(p, phrases);
  }
  return table;
}

/**
 * An alias reworded as another reporter would put it: a synonym from the vocabulary, a word dropped, the
 * place moved from the end to the front (or back), never only a suffix.
 */
export function rewordAlias(
  alias: string,
  placeNames: readonly string[],
  synonyms: ReadonlyMap<string, readonly string[]>,
  random: Random,
): string {
  const odds = generateConfig.reword;
  let words = alias.toLowerCase().split(/\s+/).filter(Boolean);
  const isPlace = (w: string) => placeNames.includes(w.replace(/['’]s$/, ""));
  if (random() < odds.synonym) {
    // The longest phrase of the vocabulary in the alias, swapped for another of its concept.
    for (let len = Math.min(3, words.length); len >= 1; len--) {
      const starts = [...words.keys()].filter((i) => i + len <= words.length);
      const at = starts.find((i) => synonyms.has(words.slice(i, i + len).join(" ")));
      if (at === undefined) continue;
      const others = synonyms.get(words.slice(at, at + len).join(" ")) ?? [];
      words = [...words.slice(0, at), ...pick(random, others).split(" "), ...words.slice(at + len)];
      break;
    }
  }
  if (words.length >= 3 && random() < odds.dropWord) {
    const droppable = [...words.keys()].filter((i) => !isPlace(words[i] ?? "") && !/\d/.test(words[i] ?? ""));
    if (droppable.length > 1) words.splice(pick(random, droppable), 1);
  }
  if (random() < odds.movePlace) {
    const inAt = words.lastIndexOf("in");
    if (inAt > 0 && inAt === words.length - 2 && isPlace(words[inAt + 1] ?? ""))
      words = [words[inAt + 1] as string, ...words.slice(0, inAt)];
    else if (words.length >= 2 && isPlace(words[0] ?? ""))
      words = [...words.slice(1), "in", words[0] as string];
  }
  return words.join(" ");
}

/** The alias with the place in it, when rewriting left none (a national figure now about a grown place). */
export function withPlace(alias: string, place: string, random: Random): string {
  const p = place.toLowerCase();
  if (alias.includes(p)) return alias;
  const u = random();
  return u < 0.45 ? `${alias} in ${p}` : u < 0.85 ? `${p} ${alias}` : `${p}'s ${alias}`;
}
