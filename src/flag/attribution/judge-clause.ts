import { allMatches } from "../all-matches.ts";
import { proposalOpening, questionStart } from "../find-question.ts";
import type { FlagVocabulary } from "../flag-vocabulary.ts";
import {
  authoritative,
  countWords,
  dataNouns,
  determiners,
  eventNouns,
  firstNames,
  notNames,
  pronouns,
  sayVerbs,
  topicLabels,
  unsourcedSubjects,
} from "./attribution-words.ts";

/** Whether a clause attributes its figures: "yes", only through a pronoun ("he said"), or "no". */
export type Verdict = "yes" | "pronoun" | "no";

const accordingTo =
  /\baccording to\s+(?!(?:me|my|our|us|you|your|the draft|this draft|the doc|the chart|the graphic|the sheet|twitter|rumou?rs?|reports)\b)\S/i;
const per =
  /\bper\s+(?!(?:day|cent|week|month|year|hour|minute|capita|person|head|word|unit|my|our|your|me|us|style|standards|usual|se)\b)(?:the\s+)?([\p{L}][\p{L}.'’-]*)/iu;
const citing = /\bcit(?:ing|es|ed)\s+(?!(?:my|our|no|nobody|none|it|this)\b)\S/i;
const figuresFrom =
  /\b(?:figures?|data|numbers?|estimates?|stats|statistics|counts?|tally|assessment|report|update|briefing|quote|reporting|tweet)\s+(?:from|by)\s+(?!(?:my|our|the draft|me|us|twitter)\b)(?:the\s+)?([\p{L}][\p{L}.'’-]*)/iu;
// "via AP", "h/t Kofman"; not "via Telegram", "via a friend": a channel or a hearsay is nobody.
const via =
  /\b(?:via|h\/t|hat tip to)\s+(?!(?:telegram|twitter|x|reddit|whatsapp|tiktok|e-?mail|dm|slack|the grapevine|word of mouth|a friend|friends|someone|somebody|my|our|me|us|rumou?rs?)\b)\S/i;
const fromName = /\bfrom\s+(?:the\s+)?(?=\S)/gi;
const colonLabel = /^\s*([^:\n]{2,40}?):\s/;
const parenthesised = /\(([^()]{2,50})\)/g;
const trailingDash = /[—–]\s*([^—–]{2,50})$/;
// "CSIS's figure", "the Pentagon number" (a known name only, without the "'s").
const possessiveFigure =
  /([\p{L}][\p{L}.-]*)(['’]s)?\s+(?:own\s+|latest\s+|new\s+|daily\s+|official\s+|updated\s+|current\s+|last\s+|final\s+|revised\s+|provisional\s+)?(?:figure|figures|number|numbers|count|estimate|estimates|tally|data|update|report|assessment|tracker|table|briefing|words|view|analysis|calculations?|projections?|research|study|survey|database|list|modell?ing)\b/giu;
const sayVerb = new RegExp(`\\b(${sayVerbs})\\b`, "gi");
const sayVerbWord = new RegExp(`^(?:${sayVerbs})$`, "i");
// "announced a $6bn package", "announces another €500m": the announcement is the act the figure measures.
const announces = /^(?:announced|announces|announce)$/i;
const announcedMoney =
  /^\s+(?:(?:a|an|another|its|their|his|her|new|fresh|further|additional|extra|nearly|almost|over|about|up to|some)\s+)*(?:(?:US)?\$|£|€|₽|₴|¥|₹)\s?\d/i;
const ownGuess =
  /\b(?:not|never|hasn't|haven't|hadn't|didn't|doesn't|don't|won't|isn't|aren't|wasn't|can't|cannot)\b|\b(?:i|we)(?:'d|\s+would)?\s+(?:think|guess|reckon|say|use|go with|put it at|estimate)\b|\bmy (?:guess|estimate|sense)\b|\bi heard\b|\b(?:my|our)\s+(?:own\s+)?(?:notes|tracker|maths?|sums|spreadsheet|sheet|calculations?|reckoning|tally|count)\b/i;
// "refugees are still registered", "were reported": the subject is what was counted, not who counted it.
const passiveBefore =
  /\b(?:is|are|was|were|be|been|being|get|got)\s+(?:(?:still|now|already|also|officially|formally|currently|just|only|\p{L}+ly)\s+)*$/iu;
const negations = /(?:n't|\bnot|\bnever|\bcannot)\s*$/i;
const whenInLabel = /\s+(?:on|in|as of|at|from|this|last|yesterday|today|earlier|overnight)\b.*$/i;
// "Rosstat figures show …", "Levada data suggest …".
const dataShow =
  /([\p{L}][\p{L}.'’-]*)\s+(?:data|figures|numbers|stats|statistics|estimates?|polling|poll|survey)\s+(?:show|shows|showed|suggest|suggests|suggested|indicate|indicates|put|puts)\b/gu;

/** Judges one clause. Only the statement before a question counts, unless the question proposes what to print. */
export function judgeClause(whole: string, v: FlagVocabulary): Verdict {
  // "Russia lost 800k — should I attribute that to UGS?", "is that Zelensky's number?": a source named only in
  // a question attributes nothing. "can we go with CSIS's 1.2m in the hed?" proposes a sourced line.
  const opening = proposalOpening(whole);
  const asksFrom = opening > 0 ? -1 : questionStart(whole);
  const clause = asksFrom < 0 ? whole : whole.slice(0, asksFrom);
  if (!/\p{L}/u.test(clause)) return "no";
  // Each pattern below needs its key word, in any case: a look for the word first is cheaper than the pattern,
  // and every clause with a figure is judged. (Lower-casing keeps every ASCII letter where it was.)
  const lower = clause.toLowerCase();
  if (
    (lower.includes("according to") && accordingTo.test(clause)) ||
    (lower.includes("cit") && citing.test(clause)) ||
    ((lower.includes("via") || lower.includes("h/t") || lower.includes("hat tip to")) && via.test(clause)) ||
    (lower.includes("from") && fromSomeone(clause, v))
  )
    return "yes";
  const perMatch = lower.includes("per") ? per.exec(clause) : null;
  if (perMatch?.[1] && namesSomeone(perMatch[1], v)) return "yes";
  // "per the civil protection ministry": the body may come a word or two after "per the".
  if (perMatch && /\bper\s+the\s+/i.test(perMatch[0])) {
    const after = clause
      .slice((perMatch.index ?? 0) + perMatch[0].length)
      .split(/[\s,;:]+/)
      .slice(0, 3);
    if (after.some((w) => authoritative.has(w.toLowerCase().replace(/['’]s$/, "")))) return "yes";
  }
  const fromMatch = lower.includes("from") || lower.includes("by") ? figuresFrom.exec(clause) : null;
  // "figures from the Pentagon"; not "count from the Odesa strike", where a place says where, not who.
  if (
    fromMatch?.[1] &&
    !placeOnly(fromMatch[1], clause.slice((fromMatch.index ?? 0) + fromMatch[0].length), v) &&
    (namesSomeone(fromMatch[1], v) || /^[A-Z]/.test(fromMatch[1]))
  )
    return "yes";
  // A source merely mentioned does not attribute when the clause denies that a source gave one, or gives
  // the writer's own guess: "the Pentagon hasn't said, I'd guess 1,000".
  // In a proposal, "can we go with" is the proposing, not the writer's own guess.
  const mentionOnly = ownGuess.test(clause.slice(opening));
  if (!mentionOnly && v.sources.observerIn(clause)) return "yes";
  if (!mentionOnly && (hasPossessiveSource(clause, v) || dataShowSource(clause, v))) return "yes";
  if (labelNamesSource(clause, v) || parenthesesNameSource(clause, v)) return "yes";
  // "… — Zelensky", "… – UK MoD, June": a short tail that starts with a name.
  const dash = trailingDash.exec(clause)?.[1]?.trim();
  if (
    dash &&
    !dash.includes("?") &&
    dash.split(/\s+/).length <= 5 &&
    isNameOrBody(dash.split(/[\s,]+/)[0] ?? "", v)
  )
    return "yes";
  return sayVerbVerdict(clause, v);
}

/** "from Zelensky", "from the UK MoD": a source's name right after "from". */
function fromSomeone(clause: string, v: FlagVocabulary): boolean {
  for (const m of allMatches(fromName, clause))
    if (v.sources.startsWithName(clause.slice(m.index + m[0].length))) return true;
  return false;
}

/**
 * "the Odesa strike", "the Kherson shelling": an event, or a place that is not followed by the official who
 * speaks for it ("the Kharkiv governor").
 */
function placeOnly(word: string, rest: string, v: FlagVocabulary): boolean {
  const next = /^\s+([\p{L}'’]+)/u.exec(rest)?.[1]?.toLowerCase();
  if (next !== undefined && eventNouns.has(next)) return true;
  if (!v.places.has(word.toLowerCase())) return false;
  return next === undefined || !authoritative.has(next);
}

/** A word after "per", "figures from": a name, a source, or an official body. */
function namesSomeone(word: string, v: FlagVocabulary): boolean {
  const lower = word.toLowerCase().replace(/['’]s$/, "");
  // A colleague is not a source: "per Dave", "Sam's number".
  if (firstNames.has(lower)) return false;
  return (
    /^[A-Z]/.test(word) || authoritative.has(lower) || v.sources.isOneWordName(word) || v.sources.anyIn(word)
  );
}

// Cheap first looks for the costlier patterns, which try every word of the clause.
const figureNoun =
  /\b(?:figures?|numbers?|count|estimates?|tally|data|update|report|assessment|tracker|table|briefing|words|view|analysis|calculations?|projections?|research|study|survey|database|list|modell?ing)\b/i;
const showVerb = /\b(?:shows?|showed|suggests?|suggested|indicates?|puts?)\b/i;

function hasPossessiveSource(clause: string, v: FlagVocabulary): boolean {
  if (!figureNoun.test(clause)) return false;
  for (const m of allMatches(possessiveFigure, clause)) {
    const owner = m[1] ?? "";
    // "Russia's numbers" are its soldiers, not its count: a topic's subject is what is counted.
    if (v.subjects.has(owner.toLowerCase())) continue;
    if (m[2] ? namesSomeone(owner, v) : v.sources.isOneWordName(owner) || v.sources.anyIn(owner)) return true;
  }
  return false;
}

function dataShowSource(clause: string, v: FlagVocabulary): boolean {
  if (!showVerb.test(clause)) return false;
  for (const m of allMatches(dataShow, clause))
    if (namesOwner([(m[1] ?? "").replace(/['’]s$/, "")], v)) return true;
  return false;
}

/** "Rutte: …", "UN figures: …", "Health ministry: …"; not "Kharkiv: …", "Lede: …", "Civilian deaths: …". */
function labelNamesSource(clause: string, v: FlagVocabulary): boolean {
  const m = colonLabel.exec(clause);
  // "Zelensky (Feb 2025): …", "Rutte, in June: …", "Syrskyi on Dec 2: …": the name labels the line.
  const label = m?.[1]
    ?.replace(/\([^)]*\)/g, " ")
    .replace(/,.*$/, "")
    .replace(whenInLabel, "")
    .trim();
  if (!label || /\d/.test(label)) return false;
  const words = label.split(/\s+/);
  const lower = words.map((w) => w.toLowerCase());
  const first = lower[0] ?? "";
  // "Kiel Institute figures: …", "Rosstat data: …": the name before a data noun owns the line.
  if (words.length >= 2 && dataNouns.has(lower.at(-1) ?? "") && !notNames.has(first)) {
    if (namesOwner(words.slice(0, -1), v) || v.sources.anyIn(label)) return true;
  }
  // "Deaths: 500", "Ukraine injured: 390,000", "Russian tank losses: 3,900" name what is counted, not who counts.
  if (lower.some((w) => isCountedThing(w, v))) return false;
  if (v.sources.anyIn(label)) return true;
  if (words.length > 4) return false;
  if (notNames.has(first) || v.places.has(label.toLowerCase())) return false;
  if (lower.some((w) => authoritative.has(w))) return true;
  // "POD SCRIPT: …", "Energy: …", "Aid: …": a newsroom document or a beat labels the line's topic.
  if (lower.some((w) => topicLabels.has(w) || v.beats.has(w))) return false;
  // "Reported: 1,200 killed" says that someone said it, not who.
  if (words.some((w) => sayVerbWord.test(w))) return false;
  // "Kherson: …" names a place as often as a source: one unknown word is not taken for a source's name.
  if (words.length === 1) return false;
  return words.every((w) => /^[A-Z]/.test(w) || w === "of" || w === "the");
}

/** "Rosstat", "Levada Center": capitalised words that are neither a sentence opener nor a thing counted. */
function namesOwner(words: readonly string[], v: FlagVocabulary): boolean {
  return words.every((w) => {
    const lower = w.toLowerCase();
    return /^[A-Z]/.test(w) && !notNames.has(lower) && !isCountedThing(lower, v) && !v.places.has(lower);
  });
}

function isCountedThing(word: string, v: FlagVocabulary): boolean {
  return v.counted.has(word) || countWords.has(word);
}

function parenthesesNameSource(clause: string, v: FlagVocabulary): boolean {
  for (const m of allMatches(parenthesised, clause)) {
    const inner = m[1] ?? "";
    if (/\d/.test(inner)) continue;
    if (v.sources.anyIn(inner)) return true;
    if (inner.split(/\s+/).some((w) => authoritative.has(w.toLowerCase()))) return true;
  }
  return false;
}

/** Characters read on either side of a say verb: far more than the few words that name who says so. */
const SAY_WINDOW = 300;

/** "Zelensky said", "the ministry said", "said Rutte"; not "we said", "the draft says", "Ukraine says nothing". */
function sayVerbVerdict(clause: string, v: FlagVocabulary): Verdict {
  let verdict: Verdict = "no";
  for (const m of allMatches(sayVerb, clause)) {
    // Who says so is in the words around the verb. Read from the clause's start, a clause of 2,000 "said"s
    // took seconds: every verb rescanned everything before it.
    const before = clause.slice(Math.max(0, m.index - SAY_WINDOW), m.index);
    const afterText = clause.slice(m.index + m[0].length, m.index + m[0].length + SAY_WINDOW);
    if (negations.test(before) || /^\s+(?:nothing|no\b|otherwise)/i.test(afterText)) continue;
    // "Kenya has 238 confirmed", "1,200 reported": right after a number the verb describes what is counted.
    if (/[\d%]/.test(before.trimEnd().at(-1) ?? "")) continue;
    // "The US just announced a $6bn package": a country or an unnamed actor announcing money is the news
    // itself, and the figure needs a source; one of the desk's sources announcing it is one ("the Biden
    // administration announced nearly $6bn").
    if (announces.test(m[0]) && announcedMoney.test(afterText) && !v.sources.anyIn(before)) continue;
    const subject = (before.match(/[\p{L}][\p{L}.'’-]*/gu) ?? []).slice(-4);
    const nearest = subject.at(-1);
    // "my notes", "Updated estimate": a noun, not someone saying something.
    if (nearest && (determiners.has(nearest.toLowerCase()) || sayVerbWord.test(nearest))) continue;
    if (passiveBefore.test(before)) {
      const agent = /^\s+by\s+(?:the\s+)?([\p{L}][\p{L}.'’-]*)/u.exec(afterText)?.[1];
      if (agent && isNameOrBody(agent, v)) return "yes";
      continue;
    }
    if (nearest) {
      const lower = nearest.toLowerCase().replace(/['’]s$/, "");
      if (pronouns.has(lower)) {
        verdict = "pronoun";
        continue;
      }
      if (unsourcedSubjects.has(lower) || firstNames.has(lower)) continue;
      // Stop at a break: "file by 6pm: Russia says" reads from "Russia".
      const tail = before.split(/[,;:—–(]/).at(-1) ?? before;
      const words = tail.match(/[\p{L}][\p{L}.'’-]*/gu) ?? [];
      if (words.slice(-4).some((w) => isNameOrBody(w, v))) return "yes";
      // "the port authority says": a source's name of several words.
      if (v.sources.anyIn(words.slice(-6).join(" "))) return "yes";
    }
    const next = /^\s+(?:the\s+)?([\p{L}][\p{L}.'’-]*)/u.exec(afterText)?.[1];
    if (next && /^(?:says|said)$/i.test(m[0]) && isNameOrBody(next, v)) return "yes";
  }
  return verdict;
}

/** A capitalised name, an official body, or a known source: someone who can say so. */
export function isNameOrBody(word: string, v: FlagVocabulary): boolean {
  const lower = word.toLowerCase().replace(/['’]s$/, "");
  if (notNames.has(lower) || firstNames.has(lower)) return false;
  return /^[A-Z]/.test(word) || authoritative.has(lower) || v.sources.isOneWordName(word);
}
