import { differenceInCalendarDays, endOfMonth, format, formatDistanceStrict } from "date-fns";

/** The first instant of an as-of date (`2025-06-12` or `2025-06`), in UTC. */
export function asOfStart(asOf: string): Date {
  return new Date(`${asOf.length === 7 ? `${asOf}-01` : asOf}T00:00:00Z`);
}

/** The last day an as-of date covers: the day itself, or the month's last day. */
export function asOfEnd(asOf: string): Date {
  const start = asOfStart(asOf);
  return asOf.length === 7 ? endOfMonth(start) : start;
}

const utcParts = (d: Date): Date => new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());

/** "12 Jun 2025", or "Jun 2025" when the source gives only the month. */
export function formatAsOfDate(asOf: string): string {
  const local = utcParts(asOfStart(asOf));
  return asOf.length === 7 ? format(local, "MMM yyyy") : format(local, "d MMM yyyy");
}

/** Whole days since the as-of date (a month counts from its last day, so it is never made older than it is). */
export function ageInDays(asOf: string, now: Date): number {
  return Math.max(0, differenceInCalendarDays(utcParts(now), utcParts(asOfEnd(asOf))));
}

/** Whether the figure is dated after `now` (a data error, or `ask --now` set before it): it has no age then. */
export function isAfterNow(asOf: string, now: Date): boolean {
  return utcParts(asOfStart(asOf)).getTime() > utcParts(now).getTime();
}

/**
 * "5 months ago", "today"; for a figure dated after `now`, how far after ("dated 3 months after the reference
 * date"), never "today".
 */
export function formatAge(asOf: string, now: Date): string {
  if (isAfterNow(asOf, now)) {
    // From the first day the date covers, so the gap is never overstated.
    const gap = formatDistanceStrict(utcParts(now), utcParts(asOfStart(asOf)), { roundingMethod: "floor" });
    return `dated ${gap} after the reference date`;
  }
  const days = ageInDays(asOf, now);
  if (days === 0) return asOf.length === 7 ? "this month" : "today";
  if (days === 1) return "yesterday";
  const from = utcParts(asOf.length === 7 ? asOfStart(`${asOf}-15`) : asOfStart(asOf));
  return formatDistanceStrict(from, utcParts(now), { addSuffix: true, roundingMethod: "floor" });
}

/**
 * Orders as-of dates. A month sorts as its first day: all we know is that the figure was said in that month,
 * so it is not taken as newer than a figure dated to a day in the same month.
 */
export function asOfSortKey(asOf: string): number {
  return asOfStart(asOf).getTime();
}
