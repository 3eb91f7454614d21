import type { Unit } from "../claims/schema.ts";
import { formatNumber } from "./format-number.ts";

export interface DifferenceParts {
  absolute: number;
  relative: number | null;
  text: string;
}

const percent = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** How far `other` is from `headline`: "750,000 lower (−75%)", "200 higher (+2%)". */
export function describeDifference(other: number, headline: number, unit: Unit): DifferenceParts {
  const absolute = other - headline;
  const relative = headline === 0 ? null : absolute / headline;
  if (absolute === 0) return { absolute, relative, text: "same midpoint" };
  const direction = absolute > 0 ? "higher" : "lower";
  const magnitude = formatNumber(Math.abs(absolute), unit === "ratio" ? "people" : unit);
  const rel =
    relative === null ? "" : ` (${absolute > 0 ? "+" : "−"}${percent.format(Math.abs(relative) * 100)}%)`;
  return { absolute, relative, text: `${magnitude} ${direction}${rel}` };
}
