import type { Qualifier, Unit } from "../claims/schema.ts";
import { formatMagnitude, formatNumber, withUnit } from "./format-number.ts";

export interface FigureInput {
  value?: number | undefined;
  low?: number | undefined;
  high?: number | undefined;
  qualifier?: Qualifier | undefined;
  unit: Unit;
}

const qualifierWords: Record<Qualifier, string> = {
  about: "about",
  over: "over",
  "at-least": "at least",
  nearly: "nearly",
  "up-to": "up to",
};

const scaleOf = (n: number): string | null => {
  const m = formatMagnitude(n);
  const word = m.split(" ")[1];
  return word ?? null;
};

/** "10,000–12,000", "1–1.2 million", "$2–3 billion", "2–2.5 to 1", "500,000–600,000". */
function formatRange(low: number, high: number, unit: Unit): string {
  const lowText = formatMagnitude(low);
  const highText = formatMagnitude(high);
  const scale = scaleOf(high);
  // Share the scale word when both ends have it: "1–1.2 million", not "1 million–1.2 million".
  const joined =
    scale && scaleOf(low) === scale ? `${lowText.split(" ")[0]}–${highText}` : `${lowText}–${highText}`;
  return withUnit(joined, unit);
}

/** The figure as a newsroom writes it, qualifier included: "about 250,000", "nearly $6 billion". */
export function formatFigure(f: FigureInput): string {
  const body =
    f.value !== undefined
      ? formatNumber(f.value, f.unit)
      : formatRange(f.low ?? 0, f.high ?? f.low ?? 0, f.unit);
  return f.qualifier ? `${qualifierWords[f.qualifier]} ${body}` : body;
}

/** The single number a figure stands for when comparing: the value, or a range's midpoint. */
export function figureMidpoint(f: FigureInput): number {
  if (f.value !== undefined) return f.value;
  return ((f.low ?? 0) + (f.high ?? f.low ?? 0)) / 2;
}
