import type { Qualifier } from "../../claims/schema.ts";
import { cardinalWords } from "../../flag/figures/cardinal-words.ts";
import { qualifierBefore } from "../../flag/figures/qualifiers.ts";
import type { FigureUnit, FoundFigure } from "../../flag/figures/types.ts";
import type { FlagVocabulary } from "../../flag/flag-vocabulary.ts";
import type { Clause } from "../../flag/split-clauses.ts";

/**
 * Figures an article writes in words, which the flag detector's reading (built for chatter, where "two" is
 * rarely a claim) leaves out: "six operators", "four of them", "dozens", "thousands of services", "two-thirds",
 * "one in five", "fewer than half of those", "three times its capacity", "one every six minutes". Left out
 * still: "one" alone, time frames ("two days after"), compound adjectives ("two-day"), the known ("the two
 * provinces", "her two children", "all three"), and "the second half of".
 */

const units = cardinalWords;
const unitWord = Object.keys(units).join("|");
// "twenty-five", "seven", "two hundred".
const cardinal = `(?:${unitWord})(?:-(?:${unitWord}))?(?:\\s+hundred)?`;
const vague: Record<string, [number, number]> = {
  dozens: [24, 99],
  hundreds: [200, 999],
  thousands: [2_000, 9_999],
  "tens of thousands": [20_000, 99_999],
  "hundreds of thousands": [200_000, 999_999],
  millions: [2_000_000, 9_999_999],
};
const fractions: Record<string, number> = {
  half: 50,
  "a third": 100 / 3,
  "one-third": 100 / 3,
  "one third": 100 / 3,
  "two-thirds": 200 / 3,
  "two thirds": 200 / 3,
  "a quarter": 25,
  "one-quarter": 25,
  "three-quarters": 75,
  "three quarters": 75,
};
const timeNoun =
  /^(?:second|minute|hour|day|night|week|month|year|decade|century|time|weekend|season|term|shift)s?$/i;

const pattern = new RegExp(
  [
    `(?<every>\\bone every (?:(?<per>${cardinal}|few)\\s+)?(?:seconds?|minutes?|hours?|days?|weeks?))`,
    `(?<oneIn>\\b(?<of>${cardinal}) in (?<whole>${cardinal}|a hundred)\\b)`,
    `(?<times>\\b(?<by>${cardinal}) times(?= (?:its|their|the|as|more|higher|larger|bigger|greater|fewer|lower|smaller|that|what)\\b))`,
    `(?<fraction>\\b(?:${Object.keys(fractions).join("|")})\\b(?!-))`,
    `(?<vague>\\b(?:${Object.keys(vague).join("|")}|a dozen|half a dozen)\\b)`,
    `(?<count>\\b${cardinal}\\b(?![-‑]))`,
  ].join("|"),
  "giu",
);

// Before a number that is a reference back, not a quantity: "the two provinces", "her two children".
const knownBefore =
  /\b(?:the|these|those|its|his|her|their|our|my|your|all|both|each|every|first|last|next|other|second|another|aged|age|no\.|number)\s+$/i;

/** Every number written in words that is a figure, outside the spans already read. */
export function numberWordFigures(
  text: string,
  clauses: readonly Clause[],
  vocabulary: FlagVocabulary,
  taken: readonly FoundFigure[],
): FoundFigure[] {
  const out: FoundFigure[] = [];
  for (const m of text.matchAll(pattern)) {
    const g = m.groups ?? {};
    const start = m.index;
    const end = start + m[0].length;
    if (taken.some((f) => f.start < end && start < f.end)) continue;
    const before = text.slice(Math.max(0, start - 24), start);
    const after = text.slice(end, end + 40);
    const next = /^\s+([\p{L}'’-]+)/u.exec(after)?.[1] ?? "";
    const read = readWords(g, m[0].toLowerCase(), before, next, after);
    if (!read) continue;
    const q = qualifierBefore(before);
    // "fewer than half": written as the figure's, though the claims format has no "under" to read it as.
    const qualifier: Qualifier | undefined = q?.qualifier;
    const from = start - (q?.length ?? 0);
    let clauseIndex = clauses.findIndex((c) => start < c.end);
    if (clauseIndex < 0) clauseIndex = clauses.length - 1;
    const clause = clauses[clauseIndex];
    if (!clause) continue;
    const counted: FigureUnit = vocabulary.counted.get(next.toLowerCase()) ?? "count";
    out.push({
      text: text.slice(from, end).trim(),
      start: from,
      end,
      unit: read.unit ?? counted,
      clause: clause.text.trim(),
      clauseOffset: clause.start + (clause.text.length - clause.text.trimStart().length),
      clauseIndex,
      ...("value" in read ? { value: read.value } : { low: read.low, high: read.high }),
      ...(qualifier ? { qualifier } : {}),
    });
  }
  return out;
}

type WordsRead = ({ value: number } | { low: number; high: number }) & { unit?: FigureUnit };

function readWords(
  g: Record<string, string | undefined>,
  words: string,
  before: string,
  next: string,
  after: string,
): WordsRead | null {
  if (g.every) return { value: 1 };
  if (g.oneIn && g.of && g.whole) {
    const whole = g.whole === "a hundred" ? 100 : cardinalValue(g.whole);
    return whole > 0 ? { value: (cardinalValue(g.of) / whole) * 100, unit: "percent" } : null;
  }
  if (g.times && g.by) return { value: cardinalValue(g.by), unit: "multiple" };
  if (g.fraction) {
    // "the second half of 2025", "in half", "half an hour": not shares.
    if (words === "half" && (!/^\s+of\b/i.test(after) || knownBefore.test(before) || /\ba\s+$/i.test(before)))
      return null;
    if (knownBefore.test(before)) return null;
    return { value: Math.round((fractions[words] ?? 0) * 10) / 10, unit: "percent" };
  }
  if (g.vague) {
    if (words === "a dozen") return { value: 12 };
    if (words === "half a dozen") return { value: 6 };
    if (/\bthe\s+$/i.test(before)) return null;
    const [low, high] = vague[words] ?? [0, 0];
    return { low, high };
  }
  if (!g.count || words === "one" || knownBefore.test(before)) return null;
  // "two days after", "seven hours": time frames and waits; "two and a half hours"; "one of".
  if (
    timeNoun.test(next) ||
    next === "and" ||
    next === "or" ||
    /^\s*(?:thousand|million|billion)/i.test(after)
  )
    return null;
  // "Stage two", "Gate four": a label, after a capitalised word.
  // "Labour six points ahead" is a figure: a plural noun follows.
  if (/\p{Lu}\p{Ll}*\s+$/u.test(before) && !/^\p{Ll}[\p{L}-]*s$/u.test(next)) {
    const prev = /(\p{L}+)\s+$/u.exec(before)?.[1] ?? "";
    if (!/^(?:About|Some|Nearly|Almost|Only|Just|At|More|Fewer|Over|Around|Roughly|Up|As)$/.test(prev))
      return null;
  }
  return { value: cardinalValue(words) };
}

/** "twenty-five" → 25, "two hundred" → 200. */
function cardinalValue(words: string): number {
  const [head = "", hundred] = words.toLowerCase().split(/\s+/);
  const value = head.split("-").reduce((n, w) => n + (units[w] ?? 0), 0);
  return hundred === "hundred" ? value * 100 : value;
}
