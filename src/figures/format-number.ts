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

/** A number with its unit: "765,110", "$6 billion", "50%", "1,000 km", "2.5 to 1". */
export function formatNumber(n: number, unit: Unit): string {
  const m = formatMagnitude(n);
  switch (unit) {
    case "usd":
      return n < 0 ? `-$${formatMagnitude(-n)}` : `$${m}`;
    case "percent":
      return `${m}%`;
    case "ratio":
      return `${m} to 1`;
    case "km":
      return `${m} km`;
    default:
      return m;
  }
}
