import {
  authoritative,
  pronouns,
  sayVerbs,
  unsourcedSubjects,
} from "../../flag/attribution/attribution-words.ts";
import { hasRole } from "./referents.ts";

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
const verbs = `${sayVerbs}|added|adds|explained|insisted|showed|shows|calculated|concluded|determined|determines|demanding|demands|demanded|calling for|called for|calls for|offered|offers|offering|recommended|recommends|expects|pledged|pledges|promised|promises|proposed|proposes|wants|seeking|seeks|found|finds`;
// Case-sensitive: a capitalised "States" in "the United States" is a name, not a verb.
const sayVerb = new RegExp(`\\b(?:${verbs})\\b`, "g");
// "said Maria Costa, the mayor", "said the agency": the name after the verb.
// Not "citing": in "X put the toll at 260, citing hospital records" X gives the figure, not the records.
// Not "told" either: after it comes who was told ("told reporters", "told MPs"), not who told them.
const saidThen = /\b(?:said|says|added|wrote|explained|according to|per|cited)\s+/gi;
const dataNoun =
  "(?:figures|data|statistics|stats|numbers|estimates?|counts?|tally|tallies|records|reports?|assessments?|calculations|analysis|survey|poll|study|studies|review|audit|census)";
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
// "the union's Trolley Watch count reached", "the agency's latest figures": whose data it is.
const possessedData = new RegExp(String.raw`['’]s\s+(?:[\p{L}-]+\s+){0,3}?${dataNoun}\b`, "gu");
const clauseBreak =
  /,(?!\d)|[;:()—–]|\s-\s|(?<!\p{Lu}\p{L}*\s)\band\b|\b(?:that|but|while|whereas|as|which|who|when|after|before|because|although|though|if|where)\b/gu;
const leadingFiller =
  /^(?:(?:and|but|yet|so|also|while|then|however|meanwhile|separately|in\s+a\s+statement|in\s+an?\s+\p{L}+)\s*,?\s*)+/iu;
const trailingFiller =
  /(?:\s+(?:is|are|was|were|has|have|had|also|previously|recently|earlier|later|now|then|separately|already|today|yesterday|tonight|last|first|has\s+since|on\s+\p{L}+day|\p{Ll}+ly))+$/u;
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
    // "a study published by", "claims of up to $800 million": a participle after a data noun, a noun before "of".
    const next = sentence.slice(m.index + m[0].length);
    if (
      new RegExp(String.raw`\b${dataNoun}\s*$`, "i").test(before) &&
      /^\s+(?:by|in|on|at|from|last|this|earlier)\b/.test(next)
    )
      continue;
    if (/^\s+of\b/.test(sentence.slice(m.index + m[0].length))) continue;
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
    if (!/\bciting\s+$/i.test(sentence.slice(0, m.index)))
      pushName(cues, sentence, m.index, m.index + m[0].length, "after");
  for (const m of sentence.matchAll(dataShow)) pushName(cues, sentence, m.index, m.index, "before");
  for (const m of sentence.matchAll(possessedData)) pushName(cues, sentence, m.index, m.index, "before");
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
  // "the study found" refers back to a study an earlier sentence names; "figures show" alone to nobody.
  if (words.length === 1 && new RegExp(`^${dataNoun}$`, "i").test(bare[0] ?? "")) return;
  if (cues.some((c) => c.nameStart === span.start)) return;
  const pronoun = bare.length === 1 && pronouns.has(first);
  const lower = bare.map((w) => w.toLowerCase());
  const head = (lower.at(-1) ?? "").replace(/['’]s$/, "");
  // "the fire service said", "the regional health authority said": a body named by what it is.
  const described = /^(?:the|The)\s/.test(name) && bare.length <= 5 && !unsourcedSubjects.has(head);
  // "Officials said" opens a sentence; "the NTPF" is a name, not a description.
  const lowerCase = bare.every((w, i) => /^\p{Ll}/u.test(w) || (i === 0 && isBody(w.toLowerCase())));
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
  // "Network Rail, which owns the track, said": the subject is before the relative clause.
  // "The survey, carried out last week, found" too: a participle clause between commas.
  const relative = /,\s*(?:which|who|\p{Ll}+ed)\b[^,;]*,\s*$/u.exec(sentence.slice(0, at));
  const before = sentence.slice(0, relative ? relative.index : at);
  // "The Turkish Medical Association (TTB) said": the bracketed short name is part of the name, not a break.
  const unbracketed = before.replace(/\s\(\p{Lu}[\p{L}\d&]{1,9}\)/gu, (m) => " ".repeat(m.length));
  let cut = 0;
  for (const m of unbracketed.matchAll(clauseBreak))
    if (m.index + m[0].length < before.trimEnd().length) cut = m.index + m[0].length;
  let start = cut;
  let text = before.slice(cut);
  // "Governor Tom Reed declared an emergency and said": the two verbs share the clause's opening name.
  if (/\band\s*$/.test(before)) {
    const shared = /^\s*((?:[Tt]he\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*)/u.exec(text);
    if (shared?.[1]) text = shared[0];
  }
  // "Maria Costa, the mayor, said": the apposition after a name belongs to it.
  // "The network, a group of doctors, said" too: a noun phrase with its determiner before the apposition.
  const apposition =
    /((?:\p{Lu}[\p{L}'’.-]*|(?:[Tt]he|[Aa]n?)\s+(?:[\p{L}'’.-]+\s+){0,3}[\p{L}'’.-]+)(?:\s+\p{Lu}[\p{L}'’.-]*)*),\s*$/u.exec(
      before.slice(0, cut),
    );
  const trimmed = text.replace(/,\s*$/, "").trim();
  if (apposition && /^(?:[Tt]he|[Aa]n?)\s+\p{Ll}/u.test(trimmed) && /,\s*$/.test(before.trimEnd())) {
    start = apposition.index;
    text = before.slice(apposition.index);
  }
  // "A spokesman for the ministry, Paul Okoye, said": the role before the name belongs to it too.
  const role = /((?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+[^,;]{2,60}),\s*$/u.exec(before.slice(0, cut));
  if (role && hasRole(role[1] ?? "") && /^\p{Lu}/u.test(trimmed) && start === cut) {
    start = role.index;
    text = before.slice(role.index);
  }
  // "The survey of 2,100 adults found": the survey, which an earlier sentence says is whose.
  const data = new RegExp(
    String.raw`^\s*(?:the|this|that)\s+(?:\p{L}+\s+)?${dataNoun}(?=\s+of\b)`,
    "iu",
  ).exec(text);
  if (data) text = data[0];
  // "a survey by the British Retail Consortium found": the name is whose survey it is.
  const by = dataBy.exec(text);
  if (by) {
    start += by[0].length;
    text = text.slice(by[0].length);
  }
  return clean(text, start);
}

// "a survey by", "a study published last year by": whose data it is follows.
const dataBy = new RegExp(
  String.raw`^\s*(?:(?:an?|the)\s+)?(?:\p{L}+\s+)?${dataNoun}\s+(?:\p{Ll}+ed\s+(?:\p{Ll}+\s+){0,3}?)?(?:by|from|of)\s+`,
  "iu",
);

/** The name after "according to", "said": up to the clause's end, with an apposition ("Costa, the mayor"). */
function nameAfter(sentence: string, from: number): { text: string; start: number } | null {
  const rest = sentence.slice(from);
  // "according to an estimate by the Centre …": the name is the one the data noun is by.
  const lead = dataBy.exec(rest);
  const skip = lead?.[0].length ?? 0;
  const body = rest.slice(skip);
  // "Costa, the mayor": an apposition, unless what follows the comma is the rest of the sentence.
  const withApposition =
    /^[^,;:()—–.!?]+(?:,\s*(?:the|a|an)\s+\p{L}[^,;:()—–!?]*?(?=[,;:()—–!?]|\.(?:\s|$)|$))?/u.exec(body)?.[0];
  const plain = /^[^,;:()—–.!?]+/u.exec(body)?.[0];
  if (plain === undefined) return null;
  // "according to the agency on Tuesday", "said the mayor in a statement": the name ends before the when;
  // "and" ends it too unless a capital follows ("the Centre for Economics and Business Research"). Only
  // lower-case words end it: "the WHO's representative" goes on past "WHO".
  const cut = (t: string) =>
    t.replace(
      /\s+(?:on|in(?!\s+\p{Lu})|at(?!\s+\p{Lu})|last|this|as|which|who|that|and(?!\s+\p{Lu})|when|after|before|during|because|to|shows?|showed|suggest(?:s|ed)?|indicate[sd]?|reveal(?:s|ed)?|found|finds?|puts?|estimate[sd]?)\b.*$/su,
      "",
    );
  // An apposition runs to its comma ("said Costa, the mayor, on Monday"), not on into the sentence.
  const full = withApposition && cut(withApposition) === withApposition ? withApposition : cut(plain);
  const text = /\d/.test(full) || full.split(/\s+/).length > maxNameWords ? cut(plain) : full;
  // "said the real toll was higher": what follows is a clause, not who said it.
  if (/\b(?:is|are|was|were|has|have|had|will|would|could|may|might|can|did|does)\b/i.test(text)) return null;
  return clean(text, from + skip);
}

function clean(raw: string, start: number): { text: string; start: number } | null {
  // '"We had 10,000 …," she said': the quotation's closing mark is no part of who said it.
  const unquoted = raw.replace(/^[\s"“”'‘’]+/, "");
  const lead = leadingFiller.exec(unquoted)?.[0].length ?? 0;
  const offset = raw.length - unquoted.length + lead;
  const text = raw
    .slice(offset)
    .replace(/[\s,]+$/, "")
    .replace(/['’]s$/, "")
    .replace(trailingFiller, "")
    .trim();
  return text.length >= 2 ? { text, start: start + offset } : null;
}
