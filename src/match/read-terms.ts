import { nameKey } from "./name-key.ts";
import { stemWord } from "./normalize-question.ts";
import { monthNumbers, negations, stopwords } from "./stopwords.ts";
import { conceptKey, type Vocabulary } from "./vocabulary.ts";

/** One unit of meaning in a text: a vocabulary concept ("#killed") or a content word's key ("valencia"). */
export interface Term {
  key: string;
  start: number;
  end: number;
}

const stopStems = new Set([...stopwords, ...negations].map(stemWord));
const isStop = (stem: string): boolean => stopwords.has(stem) || stopStems.has(stem);

/**
 * Reads stemmed words into terms: vocabulary phrases first (longest wins), then every other content word.
 * Filler concepts are read and dropped, so "the war" explains nothing and costs nothing. Positions in `skip`
 * (a date, a source's name) are left out.
 */
export function readTerms(
  stems: readonly string[],
  vocabulary: Vocabulary,
  skip?: ReadonlySet<number>,
): Term[] {
  const words = stems.map((w, i) => (skip?.has(i) ? "" : w));
  const out: Term[] = [];
  const covered = new Set<number>();
  for (const m of vocabulary.phrases.match(words)) {
    for (let i = m.start; i < m.end; i++) covered.add(i);
    if (vocabulary.kind(m.concept) === "filler") continue;
    out.push({ key: m.concept, start: m.start, end: m.end });
  }
  words.forEach((w, i) => {
    if (covered.has(i) || w === "" || w.length <= 1 || /^\d/.test(w) || isStop(w)) return;
    out.push({ key: nameKey(w), start: i, end: i + 1 });
  });
  return out.sort((a, b) => a.start - b.start);
}

/** Terms a period text names beyond its words: a year ("@y2024") and a month ("@m2024-10"), not baselines. */
export function periodMarks(words: readonly string[]): string[] {
  const marks: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? "";
    if (!/^(19|20)\d\d$/.test(w)) continue;
    // "Since 24 Feb 2022", "from March 2024": where a running total starts, not the period it covers.
    const lead = words.slice(0, i);
    const start = Math.max(lead.lastIndexOf("since"), lead.lastIndexOf("after"), lead.lastIndexOf("began"));
    const from = lead.lastIndexOf("from");
    const to = Math.max(lead.lastIndexOf("to"), lead.lastIndexOf("until"), lead.lastIndexOf("through"));
    // A running total since a day of the year counts that year to date ("since 1 Jan 2026" answers "this year").
    if (start >= 0 || (from >= 0 && to < from)) {
      // Only from the year's start: "since 24 Feb 2022" does not count "2022".
      if (words.slice(Math.max(0, i - 3), i).some((x) => x === "jan" || x === "january" || x === "start"))
        marks.push(`@since${w}`);
      continue;
    }
    const month = monthNumbers[words[i - 1] ?? ""];
    const day = /^\d{1,2}$/.test(words[i - 2] ?? "") || /^\d{1,2}$/.test(words[i - 1] ?? "");
    marks.push(`@y${w}`);
    if (month !== undefined && !day) marks.push(`@m${w}-${String(month).padStart(2, "0")}`);
  }
  return marks;
}

export const conceptTerm = conceptKey;
