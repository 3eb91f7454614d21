/** A sentence of an article or message, with where it sits in the text. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** Which paragraph (blank- or line-separated block) it is in: attributions rarely reach across one. */
  paragraph: number;
}

// Words whose trailing dot is not a sentence's end: titles, months, "No. 4", "approx.", "U.S.".
const abbreviations = new Set(
  `mr mrs ms dr prof gen lt col maj capt sgt st sen rep gov pres jr sr rev no nr vs etc approx est fig
   jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e u.s u.k u.n a.m p.m inc ltd co corp dept univ`.split(
    /\s+/,
  ),
);
// A sentence ends at . ! ? (and a closing quote or bracket) before a space; a line break always ends one.
const boundary = /[.!?]+["'”’)\]]*(?=\s)|\n+/g;

/** The text cut into sentences, skipping abbreviations ("Dr. Costa"), initials ("J. Smith") and decimals. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  let paragraph = 0;
  for (const m of text.matchAll(boundary)) {
    const at = m.index;
    if (!m[0].startsWith("\n")) {
      if (m[0].startsWith(".") && m[0].length === 1 && notAnEnd(text, at)) continue;
      push(out, text, start, at + m[0].length, paragraph);
      start = at + m[0].length;
      continue;
    }
    push(out, text, start, at, paragraph);
    start = at + m[0].length;
    paragraph++;
  }
  push(out, text, start, text.length, paragraph);
  return out;
}

function notAnEnd(text: string, dotAt: number): boolean {
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dotAt - 8), dotAt))?.[1] ?? "";
  if (abbreviations.has(word.toLowerCase())) return true;
  // "J. Smith", "Maria C. Costa": one capital before the dot.
  if (/^\p{Lu}$/u.test(word)) return true;
  // A lower-case word after the dot continues the sentence ("approx. 40 people", "the U.S. army").
  return /^\s+\p{Ll}/u.test(text.slice(dotAt + 1, dotAt + 4));
}

function push(out: Sentence[], text: string, start: number, end: number, paragraph: number): void {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const body = raw.trim();
  if (body.length === 0) return;
  out.push({ text: body, start: start + lead, end: start + lead + body.length, paragraph });
}
