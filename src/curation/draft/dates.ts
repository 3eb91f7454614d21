/**
 * Dates as articles write them ("as of 3 March", "on January 7, 2025", "on Tuesday", "2026-05-07"), read as
 * YYYY-MM-DD or YYYY-MM. A day with no year, a weekday or "yesterday" is resolved against a reference day
 * (the article's published date): the latest such day on or before it.
 */

const months: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const month = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const day = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const year = String.raw`((?:19|20)\d\d)`;
const datePatterns: Array<{ re: RegExp; read: (m: RegExpMatchArray) => Partial<Parts> }> = [
  {
    re: /\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b/g,
    read: (m) => ({ y: +(m[1] ?? 0), m: +(m[2] ?? 0), d: +(m[3] ?? 0) }),
  },
  {
    re: new RegExp(String.raw`\b${day}\s+(?:of\s+)?${month}(?:,?\s+${year})?\b`, "gi"),
    read: (m) => ({
      d: +(m[1] ?? 0),
      m: months[(m[2] ?? "").toLowerCase()] ?? 0,
      y: m[3] ? +m[3] : undefined,
    }),
  },
  {
    re: new RegExp(String.raw`\b${month}\s+${day}(?!\d)(?:,?\s+${year})?\b`, "gi"),
    read: (m) => ({
      m: months[(m[1] ?? "").toLowerCase()] ?? 0,
      d: +(m[2] ?? 0),
      y: m[3] ? +m[3] : undefined,
    }),
  },
  {
    re: new RegExp(String.raw`\b${month},?\s+${year}\b`, "gi"),
    read: (m) => ({ m: months[(m[1] ?? "").toLowerCase()] ?? 0, y: +(m[2] ?? 0) }),
  },
];
const relative =
  /\b(?:(?:on|last|this|since|by)\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday|yesterday|today|tonight|overnight|this morning|last night)\b/gi;
// A date after these is a baseline or a start ("since 24 February 2022", "from March"), not the figure's date.
// "since the river burst its banks on 2 March": a "since" earlier in the clause reaches the date too.
const baseline =
  /\b(?:since|from|between|began|begun|started|starting|beginning|start\s+of|after|before)\s+(?:the\s+)?(?:\p{L}+\s+)?$|\bsince\b[^,;.\d]{0,50}$/iu;
const pointInTime = /\b(?:as\s+of|as\s+at|by|until|through|on)\s+(?:the\s+)?$/i;

interface Parts {
  y: number | undefined;
  m: number;
  d: number | undefined;
}

export interface DateMention {
  start: number;
  end: number;
  /** YYYY-MM-DD or YYYY-MM; null when it needs a reference day and none was given. */
  date: string | null;
  /** "as of", "by", "on": the text says the figure stands then. */
  point: boolean;
}

const pad = (n: number): string => String(n).padStart(2, "0");
const iso = (d: Date): string => d.toISOString().slice(0, 10);

function valid(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Every date in a text that can say when a figure stood, baselines ("since 2022") left out. */
export function findDates(text: string, reference: string | null): DateMention[] {
  const ref = reference ? new Date(`${reference.slice(0, 10)}T00:00:00Z`) : null;
  const out: DateMention[] = [];
  const taken = (s: number, e: number) => out.some((o) => s < o.end && o.start < e);
  for (const { re, read } of datePatterns) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      const before = text.slice(Math.max(0, start - 60), start);
      const p = read(m);
      if (!p.m || p.m < 1 || p.m > 12) continue;
      // "May 5" reads as a date; "may 5 people" not: a lower-case "may" is a verb.
      if (/^may\b/.test(m[0])) continue;
      let date: string | null;
      if (p.d === undefined) date = p.y ? `${p.y}-${pad(p.m)}` : null;
      else if (p.y) date = valid(p.y, p.m, p.d) ? `${p.y}-${pad(p.m)}-${pad(p.d)}` : null;
      else date = ref ? dayBefore(ref, p.m, p.d) : null;
      if (p.d !== undefined && p.d > 31) continue;
      if (baseline.test(before)) {
        out.push({ start, end, date: null, point: false });
        continue;
      }
      out.push({ start, end, date, point: pointInTime.test(before) });
    }
  }
  for (const m of text.matchAll(relative)) {
    const start = m.index;
    const end = start + m[0].length;
    if (taken(start, end)) continue;
    const word = (m[1] ?? "").toLowerCase();
    if (/^since\b/i.test(m[0]) || baseline.test(text.slice(Math.max(0, start - 30), start))) continue;
    out.push({ start, end, date: ref ? relativeDay(ref, word, /^last\s/i.test(m[0])) : null, point: true });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The date a figure in `text` at `at` stands on: a point in time first ("as of"), else the nearest date. */
export function dateNear(text: string, at: number, reference: string | null): string | null {
  const dates = findDates(text, reference).filter((d) => d.date !== null);
  const points = dates.filter((d) => d.point);
  const pool = points.length > 0 ? points : dates;
  let best: DateMention | undefined;
  for (const d of pool) {
    const distance = d.start >= at ? d.start - at : at - d.end;
    const bestDistance = best
      ? best.start >= at
        ? best.start - at
        : at - best.end
      : Number.POSITIVE_INFINITY;
    if (distance < bestDistance) best = d;
  }
  return best?.date ?? null;
}

/** The latest day `m`/`d` on or before the reference (an article of 2 Jan writing "31 December" means last year). */
function dayBefore(ref: Date, m: number, d: number): string | null {
  const y = ref.getUTCFullYear();
  for (const candidate of [y, y - 1]) {
    if (!valid(candidate, m, d)) continue;
    const date = new Date(Date.UTC(candidate, m - 1, d));
    // A few days ahead is a date the article looks forward to, in its own year.
    if (date.getTime() <= ref.getTime() + 7 * 86_400_000) return iso(date);
  }
  return null;
}

function relativeDay(ref: Date, word: string, last: boolean): string {
  const shift = (days: number) => iso(new Date(ref.getTime() - days * 86_400_000));
  if (word === "yesterday") return shift(1);
  if (word === "today" || word === "tonight" || word === "this morning") return shift(0);
  if (word === "last night" || word === "overnight") return shift(1);
  const target = weekdays.indexOf(word);
  let back = (ref.getUTCDay() - target + 7) % 7;
  if (last && back === 0) back = 7;
  return shift(back);
}

/**
 * The published date a dateline gives ("14 March 2026", "Published 2026-05-07", "3 Feb (Reuters)"), a day with
 * no year taken as the latest such day on or before `now`.
 */
export function datelineDate(line: string, now: Date): string | null {
  const found = findDates(line, iso(now)).find((d) => d.date !== null && d.date.length === 10);
  return found?.date ?? null;
}
