import { type Amount, amountAt, isYear, rawNumber } from "./amounts.ts";
import { isTimeAfter } from "./not-amounts.ts";

/** "1 in 5 households", "3 out of 4": a share, read as a percentage, ending where the second number does. */
export function readShare(text: string, a: Amount, end: number): { percent: number; end: number } | null {
  const joiner = /^\s+(?:in|out of)\s+/i.exec(text.slice(end, end + 12));
  const b = joiner ? amountAt(text, end + joiner[0].length) : null;
  if (!b || !isShare(a, b) || /^(?::\d|\/\d|\p{L})/u.test(text.slice(b.end, b.end + 2))) return null;
  return { percent: (a.value / b.value) * 100, end: b.end };
}

/** "1 in 5": whole numbers, the first smaller, the second no year and no bigger than a thousand. */
function isShare(a: Amount, b: Amount): boolean {
  return (
    !b.scaled &&
    !b.percent &&
    !b.currency &&
    !b.multiple &&
    !b.hasComma &&
    !isYear(b) &&
    Number.isInteger(a.value) &&
    Number.isInteger(b.value) &&
    a.value >= 1 &&
    b.value > a.value &&
    b.value <= 1000
  );
}

/** What follows a number: a range, a ratio, a span that is not a figure (times, years, ids), or nothing. */
export type RangeRead =
  | { kind: "range"; low: number; high: number; second: Amount; end: number; start: number }
  | { kind: "ratio"; end: number }
  | { kind: "not-a-figure"; end: number }
  | null;

/** Ranges "500,000-600,000", "10 to 12k", "between 10,000 and 12,000"; ratios "2.5 to 1". */
export function readRange(text: string, a: Amount, end: number): RangeRead {
  const between = /\bbetween\s+$/i.exec(text.slice(Math.max(0, a.start - 12), a.start));
  const joiner = (between ? /^\s+and\s+/i : /^\s?(?:-to-|-|–|—|to)\s?/i).exec(text.slice(end));
  if (!joiner) return null;
  const b = amountAt(text, end + joiner[0].length);
  if (!b) return null;
  const afterB = text.slice(b.end, b.end + 20);
  const isTo = /to/i.test(joiner[0]);
  // "9 to 5 pm", "14:00-15:30": a span of time.
  if (isTimeAfter(afterB) || /^:\d/.test(afterB)) return { kind: "not-a-figure", end: b.end };
  if (isTo && b.raw === "1" && !b.scaled && a.value > 1 && !a.scaled && !a.percent && !a.currency)
    return { kind: "ratio", end: b.end };
  if (/^0\d/.test(b.raw) || /^\p{L}/u.test(afterB)) return { kind: "not-a-figure", end: b.end };
  // "10 to 12k" is 10,000 to 12,000.
  const low = !a.scaled && b.scaled && a.value < b.value ? a.value * (b.value / rawNumber(b.raw)) : a.value;
  if (b.value <= low) return null;
  // "fell 42% to €610m": a change from a share to an amount, two figures, not a range.
  if (a.percent && !b.percent && b.currency) return null;
  // "2022-2024": years, not a range of figures.
  if (isYear(a) && isYear(b)) return { kind: "not-a-figure", end: b.end };
  return {
    kind: "range",
    low,
    high: b.value,
    second: b,
    end: b.end,
    start: between ? a.start - between[0].length : a.start,
  };
}
