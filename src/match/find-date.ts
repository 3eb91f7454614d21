import { monthNumbers } from "./stopwords.ts";

/** The time a question names, read off its (typo-corrected, unstemmed) words. */
export interface DateFound {
  /** The figure as of then: "as of December 2024", "on 16 dec 2024", "by end of 2024". YYYY-MM or YYYY-MM-DD. */
  asOf: string | null;
  /** A calendar year asked about as a period: "in 2024", "last year". */
  yearPeriod: number | null;
  /** A single month asked about as a period: "last month", "died in December 2024", "during May". */
  monthPeriod: string | null;
  /** Token positions used up by the date. */
  used: Set<number>;
  /** The date came after "as of", "by", "until": a point in time, never the day an event is named by. */
  pointInTime: boolean;
  /** The question named a month without its year ("for October"), so the year was guessed. */
  yearGuessed: boolean;
}

const dateLeadIns = new Set(["as", "of", "by", "until", "till", "through", "end", "before", "at", "on"]);
/** After these a date is a point in time ("as of", "by"), never the day an event is named by. */
const pointLeadIns = new Set(["as", "of", "by", "until", "till", "through", "before", "end"]);
/** A year after these is a point in time ("by 2024", "end of 2024"), not a period. */
const yearPointLeadIns = new Set(["by", "until", "till", "before", "end"]);
/** A year after these is a baseline ("since 2022", "more than in 2022"), not what is asked about. */
const baselineLeadIns = new Set(["since", "than", "vs", "versus", "compared", "from", "after"]);
/** Words saying a named month is the period itself, not a point in time. */
const monthOnlyWords = [
  "that month",
  "this month only",
  "month only",
  "only that month",
  "alone",
  "that month alone",
];
/** Past-tense event words: "died in December" counts December's dead, "casualties in December" is a count then. */
const eventVerb = (w: string | undefined): boolean =>
  w !== undefined &&
  (/^[a-z]{3,}ed$/.test(w) || ["died", "lost", "fell", "hurt", "slain", "shot", "cast", "won"].includes(w));

const pad = (n: number): string => String(n).padStart(2, "0");

function monthBefore(now: Date, offset: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

/** Reads "as of December 2024", "mid-dec 2024", "16 december 2024", "jan 7, 2025", "end of 2024", "in 2024". */
export function findDate(words: readonly string[], now: Date): DateFound {
  const used = new Set<number>();
  let asOf: string | null = null;
  let yearPeriod: number | null = null;
  let monthPeriod: string | null = null;
  let pointInTime = false;
  let yearGuessed = false;
  const yearAt = (i: number): number | null => {
    const w = words[i];
    return w && /^(19|20)\d\d$/.test(w) ? Number(w) : null;
  };
  const dayAt = (i: number): number | null => {
    const w = words[i]?.replace(/(st|nd|rd|th)$/, "");
    return w && /^\d{1,2}$/.test(w) && Number(w) >= 1 && Number(w) <= 31 ? Number(w) : null;
  };
  // "Last month", "this month": a month counted from today, asked about as a period.
  for (let i = 1; i < words.length; i++) {
    if (words[i] !== "month") continue;
    const which = words[i - 1];
    const offset = which === "last" || which === "previous" ? -1 : which === "this" ? 0 : null;
    if (offset === null) continue;
    monthPeriod = monthBefore(now, offset);
    used.add(i).add(i - 1);
    break;
  }
  // "2026-05-20", "2026-05": the ISO form a desk copies from a document.
  for (let i = 0; i + 1 < words.length && monthPeriod === null && asOf === null; i++) {
    const year = yearAt(i);
    const m = /^\d{1,2}$/.test(words[i + 1] ?? "") ? Number(words[i + 1]) : 0;
    if (year === null || m < 1 || m > 12) continue;
    const d = dayAt(i + 2);
    asOf = d !== null ? `${year}-${pad(m)}-${pad(d)}` : `${year}-${pad(m)}`;
    pointInTime = pointLeadIns.has(words[i - 1] ?? "");
    for (let j = i - 2; j <= i + (d !== null ? 2 : 1); j++) {
      const w = words[j];
      if (w !== undefined && (j >= i || dateLeadIns.has(w))) used.add(j);
    }
  }
  for (let i = 0; i < words.length && monthPeriod === null && asOf === null; i++) {
    const month = monthNumbers[words[i] ?? ""];
    if (month === undefined) continue;
    let year = yearAt(i + 1);
    let day = dayAt(i + 1);
    if (day !== null && year === null) year = yearAt(i + 2);
    const dayBefore = dayAt(i - 1);
    if (day === null && dayBefore !== null) day = dayBefore;
    // "may" and "march" are usually verbs or nouns; only months next to a year or a day.
    const leadIn = ["in", "of", "for", "by", "until", "through", "during", "since", "mid"].includes(
      words[i - 1] ?? "",
    );
    if ((words[i] === "may" || words[i] === "march") && year === null && day === null && !leadIn) continue;
    const mid = words[i - 1] === "mid";
    const dayFirst = /^\d{1,2}(st|nd|rd|th)?$/.test(words[i - 1] ?? "");
    const lead = mid || dayFirst ? words[i - 2] : words[i - 1];
    if (year === null) {
      if (day === null && !leadIn && words[i - 1] !== "after") continue;
      // No year: the most recent such month before now.
      yearGuessed = true;
      year = now.getUTCFullYear();
      if (month > now.getUTCMonth() + 1) year -= 1;
    }
    // "Since Feb 2022", "since it started in October" start a period; they do not ask for the figure then.
    const since = words.slice(Math.max(0, i - 5), i).some((w) => w === "since" || w === "after");
    if (lead === "since" || lead === "after" || since) {
      used.add(i);
      for (let j = i + 1; j <= i + 2; j++) if (/^\d+$/.test(words[j] ?? "")) used.add(j);
      continue;
    }
    const monthText = `${year}-${pad(month)}`;
    pointInTime = pointLeadIns.has(lead ?? "");
    asOf = day !== null ? `${monthText}-${pad(day)}` : mid ? `${monthText}-15` : monthText;
    for (let j = i - 2; j <= i + 3; j++) {
      const w = words[j];
      if (w === undefined) continue;
      if (j === i || /^\d+(st|nd|rd|th)?$/.test(w) || w === "mid" || (j < i && dateLeadIns.has(w)))
        used.add(j);
    }
    // "During May 2025", "died in December 2024", "in May 2025, just that month": the month itself is asked.
    const joined = ` ${words.join(" ")} `;
    const during = lead === "during" || lead === "throughout" || lead === "for";
    const eventIn = lead === "in" && eventVerb(words[dayFirst ? i - 3 : i - 2]);
    if (
      day === null &&
      !mid &&
      (during || eventIn || monthOnlyWords.some((p) => joined.includes(` ${p} `)))
    ) {
      monthPeriod = monthText;
      asOf = null;
      // "July alone": the word says the month is the period, and is used up with it.
      words.forEach((w, j) => {
        if (w === "alone" && j > i) used.add(j);
      });
    }
    break;
  }
  // "Last year", "this year": a calendar year counted from today.
  if (asOf === null && monthPeriod === null) {
    for (let i = 1; i < words.length; i++) {
      if (words[i] !== "year") continue;
      const which = words[i - 1];
      const offset = which === "last" || which === "previous" ? -1 : which === "this" ? 0 : null;
      if (offset === null) continue;
      yearPeriod = now.getUTCFullYear() + offset;
      used.add(i).add(i - 1);
      break;
    }
  }
  if (asOf === null && yearPeriod === null && monthPeriod === null) {
    for (let i = 0; i < words.length; i++) {
      const year = yearAt(i);
      if (year === null || used.has(i)) continue;
      const before = words[i - 1] ?? "";
      const before2 = words[i - 2] ?? "";
      used.add(i);
      if (baselineLeadIns.has(before) || before2 === "than") continue;
      // "Since the start of 2024" is a baseline too.
      if (words.slice(Math.max(0, i - 4), i).includes("since")) continue;
      if (before === "early" || before === "start" || before === "beginning") asOf = `${year}-03`;
      else if (yearPointLeadIns.has(before) || before2 === "end" || (before === "of" && before2 === "as"))
        asOf = `${year}-12-31`;
      else if (before === "late") asOf = `${year}-11`;
      else yearPeriod = year;
      break;
    }
  }
  // "2025 deficit as of March": a year beside a named date is the period asked about.
  if (asOf !== null && yearPeriod === null && monthPeriod === null) {
    for (let i = 0; i < words.length; i++) {
      const year = yearAt(i);
      if (year === null || used.has(i)) continue;
      const before = words[i - 1] ?? "";
      if (baselineLeadIns.has(before) || yearPointLeadIns.has(before) || before === "of") continue;
      yearPeriod = year;
      used.add(i);
      break;
    }
  }
  return { asOf, yearPeriod, monthPeriod, used, pointInTime, yearGuessed };
}
