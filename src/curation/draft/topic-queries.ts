import type { FoundFigure } from "../../flag/find-figures.ts";
import type { Sentence } from "./sentences.ts";

// Pieces of a sentence: between commas, semicolons, brackets and dashes.
const pieceBreak = /[,;()—–]|\s-\s/g;
const leadingJoin = /^\s*(?:and|or|with|while|but|whereas|including)\s+/i;
// "since the river burst its banks", "on Monday", "as of 3 March": when, which the matcher reads as a date slot.
const trailingWhen = /\s+(?:since|as of|as at|on|by|in|last|this)\s+[^,;]*$/i;

/**
 * What the topic matcher is asked for one figure, most specific first: the piece of the sentence around the
 * figure ("with total casualties exceeding 800,000"); for a figure in a list, the words the list shares
 * before its first figure with this figure's piece ("Russian forces have lost" + "1,865 tanks"); the sentence.
 */
export function topicQueries(
  text: string,
  sentence: Sentence,
  figure: FoundFigure,
  inSentence: readonly FoundFigure[],
): string[] {
  const own = pieceAround(text, sentence, figure.start, figure.end);
  const queries = [own.replace(trailingWhen, "")];
  const first = inSentence[0];
  if (first && first !== figure) {
    // The words of the first figure's piece before it: "CSIS estimates Russian forces have lost approximately".
    const lead = pieceBefore(text, sentence, first.start);
    queries.push(`${lead} ${own.replace(leadingJoin, "")}`.replace(trailingWhen, ""));
  }
  queries.push(sentence.text);
  return [...new Set(queries.map((q) => q.replace(/\s+/g, " ").trim()).filter((q) => q.length > 0))];
}

/** The piece of the sentence up to `at`: from the last break before it. */
function pieceBefore(text: string, sentence: Sentence, at: number): string {
  const s = text.slice(sentence.start, at);
  let from = 0;
  for (const m of s.matchAll(pieceBreak)) from = m.index + m[0].length;
  return s.slice(from).replace(leadingJoin, "").trim();
}

/** The piece of the sentence that holds [start, end), without a leading "and" or "with". */
function pieceAround(text: string, sentence: Sentence, start: number, end: number): string {
  const s = text.slice(sentence.start, sentence.end);
  let from = 0;
  let to = s.length;
  for (const m of s.matchAll(pieceBreak)) {
    const at = m.index;
    if (at + m[0].length <= start - sentence.start) from = at + m[0].length;
    else if (at >= end - sentence.start) {
      to = at;
      break;
    }
  }
  return s.slice(from, to).replace(leadingJoin, "").trim();
}
