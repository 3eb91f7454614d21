import {
  authoritative,
  pronouns,
  sayVerbs,
  unsourcedSubjects,
} from "../../flag/attribution/attribution-words.ts";

/**
 * Where a sentence says who gives its figures, in newsroom English: "according to X", "X said", "said X",
 * "X figures show", "figures from X", "X put the toll at". Each cue keeps the span of the name as written.
 */
export interface Cue {
  /** Where the attributing words are, for choosing the cue nearest a figure. */
  at: number;
  /** The name as the sentence writes it ("the regional health authority", "Maria Costa, the mayor"). */
  name: string;
  nameStart: number;
  /** "he", "she", "they", "it": who is said only by an earlier sentence. */
  pronoun: boolean;
  /** "the agency", "officials": a body with no name of its own, which an earlier sentence may name. */
  generic: boolean;
}

// Who demands, offers, pledges or forecasts a figure gives it too.
const verbs = `${sayVerbs}|added|adds|explained|insisted|showed|shows|calculated|concluded|demanding|demands|demanded|calling for|called for|calls for|offered|offers|offering|recommended|recommends|expects|pledged|pledges|promised|promises|proposed|proposes|wants|seeking|seeks|found|finds`;
// Case-sensitive: a capitalised "States" in "the United States" is a name, not a verb.
const sayVerb = new RegExp(`\\b(?:${verbs})\\b`, "g");
// "said Maria Costa, the mayor", "said the agency": the name after the verb.
const saidThen = /\b(?:said|says|added|wrote|told|explained|according to|per|cited|citing)\s+/gi;
const dataNoun =
  "(?:figures|data|statistics|stats|numbers|estimates?|counts?|tally|tallies|records|reports?|assessments?|calculations|analysis|survey|poll)";
// "figures released by the ministry", "data from the agency", "a report by X".
const dataFrom = new RegExp(
  String.raw`\b(?:(?:the|a|an|new|latest|official|its|their|his|her|preliminary|provisional|updated|revised)\s+)*${dataNoun}\s+(?:\p{L}+ed\s+)?(?:from|by|of)\s+`,
  "giu",
);
// "Ministry figures show", "the agency's data suggest".
const dataShow = new RegExp(
  String.raw`\b${dataNoun}\s+(?:show|shows|showed|suggest|suggests|suggested|indicate|indicates|indicated|put|puts)\b`,
  "gi",
);
const clauseBreak =
  /[,;:()—–]|\s-\s|(?<!\p{Lu}\p{L}*\s)\band\b|\b(?:that|but|while|whereas|as|which|who|when|after|before|because|although|though|if|where)\b/gu;
const leadingFiller =
  /^(?:(?:and|but|yet|so|also|while|then|however|meanwhile|separately|in\s+a\s+statement|in\s+an?\s+\p{L}+)\s*,?\s*)+/iu;
const trailingFiller =
  /(?:\s+(?:is|are|was|were|has|have|had|also|previously|recently|earlier|later|now|then|separately|already|last|first|has\s+since|on\s+\p{L}+day|\p{Ll}+ly))+$/u;
const determiners = /^(?:a|an|the|this|that|these|those|my|our|your|his|her|their|its)$/i;
const maxNameWords = 9;

/** Whether the sentence attributes at all, even where no name before or after the verb reads as one. */
export function hasSayVerb(sentence: string): boolean {
  return new RegExp(sayVerb.source).test(sentence) || /\baccording to\b/i.test(sentence);
}

/** Every attribution cue in a sentence, in order. */
export function findCues(sentence: string): Cue[] {
  const cues: Cue[] = [];
  for (const m of sentence.matchAll(sayVerb)) {
    const before = sentence.slice(0, m.index);
    // "238 confirmed", "an estimated 3,800", "the reported figure": the verb describes the count.
    if (/[\d%]\s*$/.test(before) || determiners.test(/(\p{L}+)\s*$/u.exec(before)?.[1] ?? "")) continue;
    // "were reported", "is estimated": the subject is what was counted, unless "by" names who.
    // "is demanding", "are calling for": a progressive, not a passive.
    if (!/ing$/.test(m[0]) && /\b(?:is|are|was|were|be|been|being)\s+(?:\p{L}+ly\s+)?$/iu.test(before)) {
      const by = /^\s+by\s+/i.exec(sentence.slice(m.index + m[0].length));
      if (by) pushName(cues, sentence, m.index, m.index + m[0].length + by[0].length, "after");
      continue;
    }
    pushName(cues, sentence, m.index, m.index, "before");
  }
  for (const m of sentence.matchAll(saidThen))
    pushName(cues, sentence, m.index, m.index + m[0].length, "after");
  for (const m of sentence.matchAll(dataFrom))
    pushName(cues, sentence, m.index, m.index + m[0].length, "after");
  for (const m of sentence.matchAll(dataShow)) pushName(cues, sentence, m.index, m.index, "before");
  cues.sort((a, b) => a.at - b.at);
  return cues;
}

/** The name before `at` (its subject) or after `from` (its object), cleaned; pushed when it can be someone. */
function pushName(
  cues: Cue[],
  sentence: string,
  at: number,
  from: number,
  side: "before" | "after",
  /** "according to", "figures from": the words say a source follows, whatever its case. */
  explicit = false,
): void {
  const span = side === "before" ? nameBefore(sentence, at) : nameAfter(sentence, from);
  if (!span) return;
  const name = span.text;
  const words = name.split(/\s+/);
  const bare = words.filter((w) => !determiners.test(w));
  const first = (bare[0] ?? "").toLowerCase().replace(/['’]s$/, "");
  if (bare.length === 0 || words.length > maxNameWords || /\d/.test(name)) return;
  if (bare.length === 1 && unsourcedSubjects.has(first) && !pronouns.has(first)) return;
  // "the verb is a noun": "figures show" with a data noun and no owner names nobody.
  if (bare.length === 1 && new RegExp(`^${dataNoun}$`, "i").test(bare[0] ?? "")) return;
  if (cues.some((c) => c.nameStart === span.start)) return;
  const pronoun = bare.length === 1 && pronouns.has(first);
  const lower = bare.map((w) => w.toLowerCase());
  const head = (lower.at(-1) ?? "").replace(/['’]s$/, "");
  // "the fire service said", "the regional health authority said": a body named by what it is.
  const described = /^(?:the|The)\s/.test(name) && bare.length <= 5 && !unsourcedSubjects.has(head);
  const lowerCase = bare.every((w, i) => /^\p{Ll}/u.test(w) || i === 0);
  const generic = !pronoun && lowerCase && (lower.some(isBody) || described);
  if (!pronoun && !generic && !explicit && !bare.some((w) => /^\p{Lu}/u.test(w)) && !lower.some(isBody))
    return;
  cues.push({ at, name, nameStart: span.start, pronoun, generic });
}

/** "the ministry", "officials", "the authority": a word for a body that can speak. */
function isBody(word: string): boolean {
  const w = word.replace(/['’]s$/, "");
  return authoritative.has(w) || authoritative.has(`${w}s`) || authoritative.has(w.replace(/y$/, "ies"));
}

/** The subject before a verb: back to the last clause break, keeping an apposition ("Maria Costa, the mayor,"). */
function nameBefore(sentence: string, at: number): { text: string; start: number } | null {
  const before = sentence.slice(0, at);
  let cut = 0;
  for (const m of before.matchAll(clauseBreak))
    if (m.index + m[0].length < before.trimEnd().length) cut = m.index + m[0].length;
  let start = cut;
  let text = before.slice(cut);
  // "Maria Costa, the mayor, said": the apposition after a name belongs to it.
  const apposition = /(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*),\s*$/u.exec(before.slice(0, cut));
  const trimmed = text.replace(/,\s*$/, "").trim();
  if (apposition && /^(?:[Tt]he|[Aa]n?)\s+\p{Ll}/u.test(trimmed) && /,\s*$/.test(before.trimEnd())) {
    start = apposition.index;
    text = before.slice(apposition.index);
  }
  return clean(text, start);
}

/** The name after "according to", "said": up to the clause's end, with an apposition ("Costa, the mayor"). */
function nameAfter(sentence: string, from: number): { text: string; start: number } | null {
  const rest = sentence.slice(from);
  const m = /^[^,;:()—–.!?]+(?:,\s*(?:the|a|an)\s+\p{Ll}[^,;:()—–.!?]*)?/u.exec(rest);
  if (!m) return null;
  // "according to the agency on Tuesday", "said the mayor in a statement": the name ends before the when.
  const text = m[0].replace(
    /\s+(?:on|in|at|last|this|as|which|who|that|and|when|after|before|during|because|to)\b.*$/is,
    "",
  );
  return clean(text, from);
}

function clean(raw: string, start: number): { text: string; start: number } | null {
  const lead = leadingFiller.exec(raw.trimStart())?.[0].length ?? 0;
  const offset = raw.length - raw.trimStart().length + lead;
  const text = raw
    .slice(offset)
    .replace(/[\s,]+$/, "")
    .replace(trailingFiller, "")
    .trim();
  return text.length >= 2 ? { text, start: start + offset } : null;
}
