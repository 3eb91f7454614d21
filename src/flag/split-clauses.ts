/**
 * A message cut into clauses: sentences, lines, and the halves of a "…, but …". Attribution is decided per
 * clause, so "CSIS says 1.2 million, but I'd use 1 million" sources the first figure and not the second.
 */
export interface Clause {
  text: string;
  start: number;
  end: number;
}

// Words whose trailing dot is an abbreviation, not the end of a sentence ("p. 4", "Dec. 16", "approx. 1,000").
const abbreviations = new Set(
  "p pp ext no nr dec jan feb mar apr jun jul aug sep sept oct nov approx est vs c ca mr mrs ms dr gen lt col st u.s u.k e.g i.e etc fig".split(
    " ",
  ),
);

const boundary = /[.!?;]+(?=\s|$)|\n+|,?\s+but\s+/gi;

export function splitClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const at = m.index;
    if (m[0].startsWith(".") && m[0].length === 1 && isAbbreviation(text, at)) continue;
    // Keep the clause's own end mark: "is that Zelensky's number?" is a question.
    const mark = /^[.!?;]+/.exec(m[0])?.[0].length ?? 0;
    push(clauses, text, start, at + mark);
    start = at + m[0].length;
  }
  push(clauses, text, start, text.length);
  return clauses;
}

function isAbbreviation(text: string, dotAt: number): boolean {
  const word = /([\w.]+)$/.exec(text.slice(Math.max(0, dotAt - 6), dotAt))?.[1]?.toLowerCase();
  return word !== undefined && abbreviations.has(word);
}

function push(clauses: Clause[], text: string, start: number, end: number): void {
  if (text.slice(start, end).trim().length > 0) clauses.push({ text: text.slice(start, end), start, end });
}
