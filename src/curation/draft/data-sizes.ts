import type { Qualifier } from "../../claims/schema.ts";
import { qualifierBefore } from "../../flag/figures/qualifiers.ts";
import type { FoundFigure } from "../../flag/figures/types.ts";
import type { Clause } from "../../flag/split-clauses.ts";

// "412GB", "1.2 TB", "500 megabytes": how much data, which the flag reading skips as a number glued to letters
// (in chatter "a 5MB file" is logistics; in a breach story the size is the news).
const dataSize =
  /(?<![\p{L}\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(?:[KMGTP]B|(?:kilo|mega|giga|tera|peta)bytes?)(?![\p{L}\d])/gu;

/** Every amount of data a text gives, as a figure in the unit it is written in. */
export function dataSizes(text: string, clauses: readonly Clause[]): FoundFigure[] {
  const out: FoundFigure[] = [];
  for (const m of text.matchAll(dataSize)) {
    const q = qualifierBefore(text.slice(Math.max(0, m.index - 24), m.index));
    const qualifier: Qualifier | undefined = q?.qualifier;
    const start = m.index - (q?.length ?? 0);
    const end = m.index + m[0].length;
    let clauseIndex = clauses.findIndex((c) => m.index < c.end);
    if (clauseIndex < 0) clauseIndex = clauses.length - 1;
    const clause = clauses[clauseIndex];
    if (!clause) continue;
    out.push({
      text: text.slice(start, end).trim(),
      start,
      end,
      value: Number((m[1] ?? "0").replace(/,/g, "")),
      unit: "count",
      clause: clause.text.trim(),
      clauseOffset: clause.start + (clause.text.length - clause.text.trimStart().length),
      clauseIndex,
      ...(qualifier ? { qualifier } : {}),
    });
  }
  return out;
}
