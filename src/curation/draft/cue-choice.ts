import type { Cue } from "./attribution-cues.ts";
import type { KnownSources } from "./known-sources.ts";

/** Which cue of a sentence gives a figure, and the words that say what kind of cue it is. */

// "the study found", "the figures showed": a cue that refers back to data an earlier sentence names.
export const dataWords =
  /^(?:study|survey|report|review|analysis|poll|audit|census|assessment|figures|data|statistics|numbers|estimates?|counts?|tally)$/;
/** A sentence that names data of some kind: "a new poll by YouGov", "a study by the University of X". */
export const dataMention =
  /\b(?:study|studies|survey|poll|report|review|analysis|audit|census|assessment|figures|data|statistics|estimate)\b/i;
// "Officials said": no kind of body of its own, so whoever an earlier sentence cites.
export const vagueBodies = /^(?:officials?|authorities|a\s+spokes(?:person|man|woman)|sources?)$/i;
export const spokesperson = /\bspokes(?:person|man|woman)\b/i;

/** The noun a name ends with: "agency" in "the country's disaster agency". */
export function headOf(name: string): string {
  // "The network, a group of doctors": the head of the first noun phrase, before its apposition.
  const words = (name.split(",")[0] ?? "")
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/['’]s$/, ""));
  const last = words.at(-1) ?? "";
  // "a company spokesman", "ministry officials": who they speak for is the noun before.
  const before = words.at(-2);
  return speakerWord.test(last) && before && !/^(?:a|an|the|its|their)$/.test(before) ? before : last;
}

const speakerWord = /^(?:spokes(?:person|man|woman)|officials?|sources?)$/;

/** "According to the OAIC, …": a cue opening the sentence attributes all of it. */
export function framing(cues: readonly Cue[], sentence: string, at: number): Cue | undefined {
  if (!/^according to\b/i.test(sentence)) return undefined;
  const first = cues[0];
  return first && first.at === 0 && first.nameStart + first.name.length <= at ? first : undefined;
}

/** Whether a loaded source's kind or names hold the noun: "agency" for a "government agency". */
export function matchesHead(head: string, id: string, known: KnownSources): boolean {
  if (head.length < 3) return false;
  const words = [known.kindOf(id), ...known.namesOf(id)].join(" ").toLowerCase();
  return words.includes(head.replace(/s$/, ""));
}

/** The cue closest to the figure, before or after it. */
export function nearest(cues: readonly Cue[], at: number, end: number): Cue | undefined {
  let best: Cue | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of cues) {
    const distance = c.at >= end ? c.at - end : Math.max(0, at - c.at);
    if (distance < bestDistance) {
      best = c;
      bestDistance = distance;
    }
  }
  return best;
}

/** Where a quotation closes in a sentence, after `from`; -1 when it does not. */
export function closingQuote(text: string, from: number): number {
  const curly = text.indexOf("”", from + 1);
  if (curly >= 0) return curly;
  return text.indexOf('"', from + 1);
}
