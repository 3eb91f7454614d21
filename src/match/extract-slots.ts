import { monthNumbers } from "./lexicon.ts";
import type { PhraseMatch } from "./phrase-matcher.ts";

/** What a question asks about, read off its words. */
export interface QuestionSlots {
  /** Whose figure: russia, ukraine, north-korea, ukraine-civilians, united-states, soviet-union, or "other". */
  subject: string | null;
  /** With no subject: the sides the question names without saying which is whose ("#ukraine #russia"). */
  subjectCandidates: string[];
  /** What is counted, as a measure concept (killed, wounded, casualties, missing, deployed, destroyed, …). */
  measure: string | null;
  /** Details that narrow the quantity: perday, y2024, kursk, tank, military, civilwar, irrecoverable … */
  details: Set<string>;
  /** Source ids the question names ("what does CSIS say"). */
  sources: string[];
  /** The date the question names, as YYYY-MM or YYYY-MM-DD: the headline is the figure as of then. */
  asOf: string | null;
}

const subjectConcepts: Record<string, string> = {
  russia: "russia",
  ukraine: "ukraine",
  northkorea: "north-korea",
  usa: "united-states",
  soviet: "soviet-union",
  othersubject: "other",
};

/** Words for a country that name a place ("losses in Ukraine") rather than whose losses, when after these. */
const placePrepositions = new Set(["in", "into", "inside", "to", "across", "throughout", "within"]);
/** Who did it or what was hit ("by Russian drones", "at Russian refineries"): never whose figure. */
const agentPrepositions = new Set(["by", "at", "against", "on", "onto"]);
const nounForms = new Set(["russia", "ukraine", "moscow", "kyiv", "kiev", "kremlin", "putin"]);
const dateLeadIns = new Set(["as", "of", "by", "until", "till", "through", "end", "before", "at"]);
/** A year after these is a point in time ("by 2024", "as of 2024", "end of 2024"), not a period. */
const yearPointLeadIns = new Set(["by", "until", "till", "before", "end"]);

const measureConcepts = new Set([
  "compare",
  "captured",
  "survived",
  "killed",
  "wounded",
  "casualties",
  "lost",
  "missing",
  "deployed",
  "trained",
  "launched",
  "shotdown",
  "jammed",
  "destroyed",
  "aid",
  "ratio",
  "share",
  "returned",
  "length",
  "territory",
]);
const thingConcepts = new Set([
  "tank",
  "ifv",
  "afv",
  "artillery",
  "drone",
  "equipment",
  "otherthing",
  "frontline",
]);
export const detailConcepts = new Set([
  "perday",
  "permonth",
  "peryear",
  "kursk",
  "kharkiv",
  "otherplace",
  "military",
  "budget",
  "total",
  "latestpackage",
  "civilwar",
  "worldwar",
  "koreanwar",
  "vietnam",
  "afghanistan",
  "history",
  "irrecoverable",
  "event",
  "increase",
  "village",
  "vovchansk",
  "children",
  "pastwars",
  ...thingConcepts,
]);

const pad = (n: number): string => String(n).padStart(2, "0");

interface DateFound {
  asOf: string | null;
  /** A bare year used as a period ("in 2024"). */
  yearPeriod: number | null;
  /** A month used as a period ("in May 2025, just that month"). */
  monthPeriod: string | null;
  /** Token positions used up by the date. */
  used: Set<number>;
}

/** Reads "as of December 2024", "mid-dec 2024", "16 december 2024", "jan 7, 2025", "end of 2024", "in 2024". */
export function findDate(words: readonly string[], now: Date): DateFound {
  const used = new Set<number>();
  let asOf: string | null = null;
  let yearPeriod: number | null = null;
  const yearAt = (i: number): number | null => {
    const w = words[i];
    return w && /^(19|20)\d\d$/.test(w) ? Number(w) : null;
  };
  const dayAt = (i: number): number | null => {
    const w = words[i]?.replace(/(st|nd|rd|th)$/, "");
    return w && /^\d{1,2}$/.test(w) && Number(w) >= 1 && Number(w) <= 31 ? Number(w) : null;
  };
  for (let i = 0; i < words.length; i++) {
    const month = monthNumbers[words[i] ?? ""];
    // "may" is usually the verb; only a month when a year or day is next to it.
    if (month !== undefined) {
      let year = yearAt(i + 1);
      let day = dayAt(i + 1);
      if (day !== null && year === null) year = yearAt(i + 2);
      const dayBefore = dayAt(i - 1);
      if (day === null && dayBefore !== null) day = dayBefore;
      if (words[i] === "may" && year === null && day === null) continue;
      if (year === null) {
        if (day === null && words[i - 1] !== "in" && words[i - 1] !== "of" && words[i - 1] !== "mid")
          continue;
        // No year: the most recent such month before now.
        year = now.getUTCFullYear();
        if (month > now.getUTCMonth() + 1) year -= 1;
      }
      const mid = words[i - 1] === "mid";
      // "Since Feb 2022" starts a period; it does not ask for the figure as of then.
      const dayFirst = /^\d{1,2}(st|nd|rd|th)?$/.test(words[i - 1] ?? "");
      const lead = mid || dayFirst ? words[i - 2] : words[i - 1];
      if (lead === "since" || lead === "after") {
        used.add(i);
        for (let j = i + 1; j <= i + 2; j++) if (/^\d+$/.test(words[j] ?? "")) used.add(j);
        continue;
      }
      asOf =
        day !== null
          ? `${year}-${pad(month)}-${pad(day)}`
          : mid
            ? `${year}-${pad(month)}-15`
            : `${year}-${pad(month)}`;
      for (let j = i - 2; j <= i + 3; j++) {
        const w = words[j];
        if (w === undefined) continue;
        if (j === i || /^\d+(st|nd|rd|th)?$/.test(w) || w === "mid" || (j < i && dateLeadIns.has(w)))
          used.add(j);
      }
      break;
    }
  }
  // "Last year", "this year": a calendar year counted from today.
  if (asOf === null) {
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
  if (asOf === null && yearPeriod === null) {
    for (let i = 0; i < words.length; i++) {
      const year = yearAt(i);
      if (year === null || used.has(i)) continue;
      const before = words[i - 1] ?? "";
      const before2 = words[i - 2] ?? "";
      used.add(i);
      // "More than in 2022", "vs 2022", "since 2022": a baseline, not the period asked about.
      if (["since", "than", "vs", "versus", "compared", "from"].includes(before) || before2 === "than")
        continue;
      // "Since the start of 2024" is a baseline too.
      if (words.slice(Math.max(0, i - 4), i).includes("since")) continue;
      if (before === "early" || before === "start" || before === "beginning") {
        asOf = `${year}-03`;
      } else if (
        yearPointLeadIns.has(before) ||
        before2 === "end" ||
        (before === "of" && before2 === "as") ||
        before === "late"
      ) {
        asOf = before === "late" ? `${year}-11` : `${year}-12-31`;
      } else {
        yearPeriod = year;
      }
      break;
    }
  }
  // "In May 2025, just that month": a month asked about as a period, which no topic counts.
  const monthOnly = asOf !== null && asOf.length === 7;
  const periodWords = ["that month", "this month only", "month only", "only that month", "during"];
  const joined = ` ${words.join(" ")} `;
  if (monthOnly && periodWords.some((p) => joined.includes(` ${p} `))) {
    return { asOf: null, yearPeriod, monthPeriod: asOf, used };
  }
  return { asOf, yearPeriod, monthPeriod: null, used };
}

/**
 * Turns the concepts found in a question into slots. `words` are the stemmed words; `raw` the words as typed
 * (adjective or noun form matters for whose figure it is).
 */
export function extractSlots(
  matches: readonly PhraseMatch[],
  raw: readonly string[],
  sources: string[],
  date: DateFound,
): QuestionSlots {
  const details = new Set<string>();
  const measures = new Set<string>();
  const adjectiveSubjects: string[] = [];
  const demotedSubjects: string[] = [];
  const nounSubjects: string[] = [];
  let civilianAt = -1;
  for (const m of matches) {
    const c = m.concept;
    if (c === "civilian") civilianAt = m.start;
    const subject = subjectConcepts[c];
    if (subject) {
      const before = raw[m.start - 1] ?? "";
      const word = raw[m.start] ?? "";
      const isNoun = nounForms.has(word) && m.end - m.start === 1;
      // "Injured by Russian drones", "launched at Russian refineries", "killed in Ukraine": the attacker, the
      // target or the place, not whose figure. Only used when nothing else says whose.
      if (agentPrepositions.has(before)) continue;
      if (placePrepositions.has(before)) demotedSubjects.push(subject);
      else if (isNoun) nounSubjects.push(subject);
      else adjectiveSubjects.push(subject);
      continue;
    }
    if (subject) continue;
    if (measureConcepts.has(c)) measures.add(c);
    if (detailConcepts.has(c) || c.startsWith("place-")) details.add(c);
  }
  if (date.yearPeriod !== null) {
    details.add(`y${date.yearPeriod}`);
    // "Annual total for 2024": the year says it all.
    details.delete("peryear");
  }
  if (date.monthPeriod !== null) details.add(`m${date.monthPeriod}`);

  // "How much" is money; with the US in the question, aid.
  const howMuch = raw.some((w, i) => w === "much" && raw[i - 1] === "how");
  const aidWords = measures.has("aid") || details.has("latestpackage") || details.has("budget");
  const subjects =
    adjectiveSubjects.length > 0
      ? adjectiveSubjects
      : nounSubjects.length > 0
        ? nounSubjects
        : demotedSubjects;
  const mentionsUs = subjects.includes("united-states") || nounSubjects.includes("united-states");
  const usHistory = ["civilwar", "worldwar", "koreanwar", "vietnam"].some((d) => details.has(d));
  if (mentionsUs) {
    if (howMuch && !aidWords) measures.add("aid");
    // "US troops killed in Korea": the Korean War, not North Korea.
    for (const list of [subjects, demotedSubjects]) {
      const nk = list.indexOf("north-korea");
      if (nk >= 0 && !aidWords) {
        list.splice(nk, 1);
        details.add("koreanwar");
      }
    }
  }
  // Ukraine receives aid: in an aid question it is the recipient, not whose figure.
  if ((aidWords || measures.has("aid")) && !mentionsUs) {
    for (const list of [subjects, nounSubjects, demotedSubjects]) {
      const at = list.indexOf("ukraine");
      if (at >= 0) list.splice(at, 1);
    }
  }
  // Weapons in an aid package are its military part.
  if ((aidWords || measures.has("aid")) && details.delete("equipment")) details.add("military");
  let subject: string | null = null;
  if (subjects.includes("north-korea")) subject = "north-korea";
  else if (subjects.includes("soviet-union")) subject = "soviet-union";
  else if (mentionsUs && (measures.has("aid") || aidWords || usHistory || details.has("koreanwar")))
    subject = "united-states";
  else if (subjects.includes("other")) subject = "other";
  else if (new Set(subjects).size > 1 && adjectiveSubjects.length === 0) subject = null;
  else subject = subjects.find((s) => s !== "united-states") ?? subjects[0] ?? null;
  // "#ukraine #russia casualties": two sides named as nouns, neither as whose; the topics decide between them.
  const subjectCandidates = subject === null ? [...new Set(subjects)] : [];
  if (civilianAt >= 0) {
    const before = raw[civilianAt - 1] ?? "";
    subject = before === "russian" || before === "russia" ? "other" : "ukraine-civilians";
  }

  return {
    subject,
    subjectCandidates,
    measure: resolveMeasure(measures, details),
    details,
    sources,
    asOf: date.asOf,
  };
}

/** Several measure words resolve to one: "killed and wounded" is casualties, "tanks lost" is destroyed. */
function resolveMeasure(m: Set<string>, details: Set<string>): string | null {
  // Irrecoverable losses are counted as deaths; the parts of an aid package are aid.
  if (details.has("irrecoverable")) return "killed";
  if (details.has("military") || details.has("budget") || details.has("latestpackage")) {
    if (m.has("aid") || details.has("budget") || details.has("latestpackage")) return "aid";
  }
  const equipment = ["tank", "ifv", "afv", "artillery", "drone", "equipment"].some((d) => details.has(d));
  // Missing alone is not a casualty count; with killed or wounded it is the CSIS-style measure.
  if (m.has("missing"))
    return m.has("casualties") || m.has("killed") || m.has("wounded") || m.has("lost")
      ? "missing"
      : "missingonly";
  if (m.has("territory")) return "territory";
  if (m.has("ratio")) return "ratio";
  if (m.has("survived")) return "survived";
  if (m.has("captured")) return "captured";
  if (m.has("returned")) return "returned";
  if (m.has("territory")) return "territory";
  if (m.has("jammed")) return "jammed";
  if (m.has("shotdown")) return "destroyed";
  if (m.has("launched") || (details.has("drone") && m.has("deployed"))) return "launched";
  if (m.has("trained")) return "trained";
  if (m.has("aid")) return "aid";
  if (m.has("length")) return "length";
  if (equipment && (m.has("destroyed") || m.has("casualties") || m.has("killed") || m.has("lost")))
    return "destroyed";
  if (m.has("killed") && m.has("wounded")) return "casualties";
  if (m.has("casualties")) return "casualties";
  if (m.has("killed")) return "killed";
  if (m.has("lost") && !m.has("wounded")) return "casualties";
  if (m.has("wounded")) return "wounded";
  if (m.has("destroyed")) return "destroyed";
  if (m.has("deployed")) return "deployed";
  if (m.has("share")) return "share";
  if (m.has("compare")) return "ratio";
  return null;
}
