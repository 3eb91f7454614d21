/** A wall-clock reading in one time zone. */
export interface LocalTime {
  /** "2025-06-12". */
  day: string;
  /** "09:05". */
  time: string;
  /** "2025-06-12T09:05:30.250": sorts like the instant it reads, within one zone. */
  stamp: string;
}

/**
 * Reads `instant` on a wall clock in `timeZone`. Comparing wall-clock readings (not instants) is what makes
 * "09:00 local" mean the same thing either side of a daylight-saving change.
 */
export function localTime(instant: Date, timeZone: string): LocalTime {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? "00";
  const day = `${get("year")}-${get("month")}-${get("day")}`;
  const time = `${get("hour")}:${get("minute")}`;
  const ms = String(instant.getUTCMilliseconds()).padStart(3, "0");
  return { day, time, stamp: `${day}T${time}:${get("second")}.${ms}` };
}

/**
 * The zone name to store for what someone typed, or null when it is not an IANA Area/City zone (or UTC) that
 * Intl knows. Abbreviations such as "EST" are refused: people mean a zone with daylight saving by them.
 * The spelling is Intl's list's when it has one, so "europe/london" becomes "Europe/London"; a newer name
 * the list lacks but Intl accepts ("Europe/Kyiv" on Node 20) keeps the typed name, title-cased.
 */
export function canonicalTimeZone(name: string): string | null {
  const typed = name.trim();
  if (/^(utc|gmt|etc\/utc)$/i.test(typed)) return "UTC";
  if (!/^[A-Za-z]+(\/[A-Za-z0-9_+-]+)+$/.test(typed)) return null;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: typed });
  } catch {
    return null;
  }
  const lower = typed.toLowerCase();
  const listed = Intl.supportedValuesOf("timeZone").find((z) => z.toLowerCase() === lower);
  if (listed) return listed;
  return typed === lower
    ? typed.replace(/(^|[/_-])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase())
    : typed;
}
