import { allMatches } from "./all-matches.ts";
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

// The spaces before "but" (or a dash, or "and I'd guess") are at most 40: tried from each space of a long run,
// an unbounded run was quadratic (20,000 spaces took half a second). Past 40 the boundary starts later in the
// run, which only moves spaces from one clause to the other.
const boundary = /[.!?;]+(?=\s|$)|\n+|,?\s{1,40}but\s+/gi;
// The writer's own guess after a sourced figure is a clause of its own: "ISW has 4,000, and I'd guess 5,000",
// "…, and I'd add that the wounded are 3x that".
const ownGuess = String.raw`(?:i|we)(?:['’]d|\s+would)?\s+(?:guess|reckon|say|estimate|bet|suspect|think(?!\s*,)|put it|go with|go for|add)\b|(?:i|we)['’]m\s+guessing\b|my\s+(?:own\s+)?(?:guess|estimate|bet|sense|hunch|gut|math|maths|reckoning)\b|personally\b`;
const boundaryOrGuess = new RegExp(
  String.raw`${boundary.source}|(?:,\s*|\s{1,40}[—–]\s*|,?\s{1,40}(?=(?:and|though|although|while|whereas)\s))(?:(?:and|though|although|while|whereas|so)\s+)?(?=${ownGuess})`,
  "gi",
);
// Every message is split, so the costlier boundaries are tried only when a guess word is present.
const mayGuess =
  /guess|reckon|say|estimat|bet|suspect|think|put it|go with|go for|add|hunch|gut|math|personally/i;

export function splitClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  for (const m of allMatches(mayGuess.test(text) ? boundaryOrGuess : boundary, text)) {
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
  const part = text.slice(start, end);
  if (part.trim().length > 0) clauses.push({ text: part, start, end });
}
