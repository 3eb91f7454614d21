import type { Qualifier } from "../../claims/schema.ts";
import { lastLettersOrDots } from "./word-scan.ts";

// Qualifiers as written just before a figure, in one pattern (this runs for every number); longer
// phrases first within each group so "just over" wins over "over".
const qualifierPattern = new RegExp(
  "(?:" +
    [
      "(?<nearly>nearly|almost|close to|just under|approaching|getting on for)",
      "(?<over>more than|just over|well over|over|exceeding|exceeded|above|upwards of|north of|topping|topped|surpassing|surpassed|passed|beyond)",
      "(?<atleast>>|\\bat least|no fewer than|no less than|a minimum of)",
      "(?<upto>up to|as many as|as high as|a maximum of)",
      "(?<about>~|≈|\\bmore like|closer to|nearer to|nearer|more or less|in the region of|\\babout|around|approximately|approx\\.?|roughly|some|an estimated|estimated|circa|c\\.|ca\\.|ballpark|something like|like)",
      "(?<under>under|fewer than|less than|below)",
    ].join("|") +
    ")\\s*$",
  "i",
);
const qualifierOfGroup: Record<string, Qualifier | undefined> = {
  nearly: "nearly",
  over: "over",
  atleast: "at-least",
  upto: "up-to",
  about: "about",
  under: undefined,
};

// The last word of every qualifier: a number after any other word has none, and the pattern need not run.
const lastWords = new Set(
  `nearly almost to under approaching for than over exceeding exceeded above of topping topped surpassing
   surpassed passed beyond least as like closer nearer less region about around approximately approx approx.
   roughly some estimated circa c. ca. ballpark fewer below`.split(/\s+/),
);

/** The qualifier written just before a figure ("nearly", "over", "~"), and how many characters it takes. */
export function qualifierBefore(before: string): { qualifier: Qualifier | undefined; length: number } | null {
  if (!/[~≈>]\s*$/.test(before)) {
    const word = lastLettersOrDots(before)?.toLowerCase();
    if (word === undefined || !lastWords.has(word)) return null;
  }
  const m = qualifierPattern.exec(before);
  if (!m?.groups) return null;
  const group = Object.keys(m.groups).find((k) => m.groups?.[k] !== undefined);
  return { qualifier: group ? qualifierOfGroup[group] : undefined, length: m[0].length };
}

/** "700k-ish", "800ish", "3,000-odd": about; "3,000-plus": over. */
export function hedgeSuffix(after: string): { qualifier: Qualifier; length: number } | null {
  const m = /^(?:-?ish|-odd|(-plus))\b/i.exec(after);
  return m ? { qualifier: m[1] ? "over" : "about", length: m[0].length } : null;
}
