import type { Unit } from "../claims/schema.ts";

const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const scaleWords: ReadonlyArray<[number, string]> = [
  [1e12, "trillion"],
  [1e9, "billion"],
  [1e6, "million"],
];

/**
 * A bare magnitude the way a newsroom writes it: 765,110; 1.2 million; 6 billion.
 * Millions and up are written in words only when that loses nothing (1,234,567 stays exact).
 */
export function formatMagnitude(n: number): string {
  const abs = Math.abs(n);
  for (const [scale, word] of scaleWords) {
    if (abs >= scale) {
      const scaled = n / scale;
      // Words only when two decimals say it exactly; otherwise the full figure.
      if (Math.abs(scaled * 100 - Math.round(scaled * 100)) < 1e-9)
        return `${grouped.format(scaled)} ${word}`;
      return grouped.format(n);
    }
  }
  return grouped.format(n);
}

/** Puts a unit around a magnitude already written out: "$6 billion", "€2.4 million", "50%", "2–2.5 to 1",
 * "1,000 km", "1,200 homes". People are counted bare; any unit Tally does not know is printed as its word. */
export function withUnit(magnitude: string, unit: Unit): string {
  const sign = magnitude.startsWith("-") ? "-" : "";
  const bare = sign ? magnitude.slice(1) : magnitude;
  switch (unit) {
    case "usd":
      return `${sign}$${bare}`;
    case "eur":
      return `${sign}€${bare}`;
    case "gbp":
      return `${sign}£${bare}`;
    case "percent":
      return `${magnitude}%`;
    case "ratio":
      return `${magnitude} to 1`;
    case "km":
      return `${magnitude} km`;
    case "people":
    case "":
      return magnitude;
    default:
      return `${magnitude} ${unit}`;
  }
}

/** A number with its unit: "765,110", "$6 billion", "50%", "1,000 km", "2.5 to 1". */
export function formatNumber(n: number, unit: Unit): string {
  return withUnit(formatMagnitude(n), unit);
}
