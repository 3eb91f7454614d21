import { claimNouns, otherClaimNouns, weaponNames } from "./figure-words.ts";
import { questionStart } from "./find-question.ts";
import {
  acronymNames,
  actorAcronymNames,
  actorNames,
  institutionNames,
  personNames,
  placeNames,
} from "./source-names.ts";
import type { Clause } from "./split-clauses.ts";
import type { StrippedMessage } from "./strip-slack-markup.ts";

/**
 * Which figures of a message are attributed.
 *
 * Decided per clause (sentence, line, or half of a "…, but …"), because newsroom threads mix sourced
 * and unsourced figures in one message: "per the Pentagon 1,000 NK losses; I'd add that Russia lost
 * 250k killed" must still flag 250k. Two things source the whole message: a web link, and a line that
 * is only an attribution ("Source: CSIS", "— Reuters", "via AP"). "he said"/"they say" in a clause
 * counts only when another clause names who.
 */
export interface Attribution {
  wholeMessage: boolean;
  /** One entry per clause, in order: true when the clause attributes its figures. */
  clauses: boolean[];
}

type Verdict = "yes" | "pronoun" | "no";

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alternation = (names: readonly string[]): string =>
  [...names]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|");

// Monitors and outlets source a figure wherever they appear in its clause; actors (governments, armies,
// alliances) only in an attributing phrase. `institution` and `acronym` match both, for those phrases.
const observer = new RegExp(`\\b(?:${alternation(institutionNames)})\\b`, "i");
const observerAcronym = new RegExp(`\\b(?:${alternation(acronymNames)})\\b`);
const institution = new RegExp(`\\b(?:${alternation([...institutionNames, ...actorNames])})\\b`, "i");
const acronym = new RegExp(`\\b(?:${alternation([...acronymNames, ...actorAcronymNames])})\\b`);
const person = new RegExp(`\\b(?:${alternation(personNames)})\\b`, "i");
const personNameSet = new Set(personNames);
const placeNameSet = new Set(placeNames);

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
const sourceLine = /\b(?:sources?|src)\s*:\s*\S/i;
const fromPerson = new RegExp(`\\bfrom\\s+(?:the\\s+)?(?:${alternation(personNames)})\\b`, "i");
const colonLabel = /^\s*([^:\n]{2,40}?):\s/;
const parenthesised = /\(([^()]{2,50})\)/g;
const trailingDash = /[—–]\s*([^—–]{2,50})$/;
// "CSIS's figure", "the Pentagon number" (a known name only, without the "'s").
const possessiveFigure =
  /([\p{L}][\p{L}.-]*)(['’]s)?\s+(?:own\s+|latest\s+|new\s+|daily\s+|official\s+|updated\s+|current\s+|last\s+)?(?:figure|figures|number|numbers|count|estimate|estimates|tally|data|update|report|assessment|tracker|table|briefing|words|view|analysis|calculations?|projections?|research|study|survey|database|list|modell?ing)\b/giu;
const sayVerbs =
  "says|said|say|saying|reports|reported|reporting|estimates|estimated|estimate|claims|claimed|claim|puts|put|stated|states|announced|announces|told|tells|confirmed|confirms|confirm|reckons|reckoned|believes|counted|counts|tallied|wrote|writes|tweeted|posted|assessed|assesses|assess|acknowledged|acknowledges|admitted|admits|noted|notes|revealed|reveals|disclosed|calculated|calculates|thinks|think|reckon|believe|has it at|have it at|lists|listed|logged|logs|tracks|tracked|records|recorded|documents|documented|verified|verifies|geolocated|quotes|quoted|published|publishes|updated|registered|registers|projects|projected|forecasts|warned|warns";
const sayVerb = new RegExp(`\\b(${sayVerbs})\\b`, "gi");
const ownGuess =
  /\b(?:not|never|hasn't|haven't|hadn't|didn't|doesn't|don't|won't|isn't|aren't|wasn't|can't|cannot)\b|\b(?:i|we)(?:'d|\s+would)?\s+(?:think|guess|reckon|say|use|go with|put it at|estimate)\b|\bmy (?:guess|estimate|sense)\b|\bi heard\b|\b(?:my|our)\s+(?:own\s+)?(?:notes|tracker|maths?|sums|spreadsheet|sheet|calculations?|reckoning|tally|count)\b/i;

const authoritative = new Set(
  `officials official ministry military government govt intelligence intel report study tank analysts analyst mayor
   governor spokesman spokeswoman spokesperson staff army command commander commanders president minister
   secretary chief agency mission monitors observers experts researchers institute statement paper survey police
   prosecutors authorities administration office navy defence defense officers generals envoy ambassador diplomat
   diplomats department bureau council committee parliament court tribunal osce iaea icrc unhcr regiment brigade
   force forces kremlin pentagon ministry's`.split(/\s+/),
);
const unsourcedSubjects = new Set(
  `i we you someone somebody anyone anybody people everyone everybody folks twitter x telegram reddit rumour rumours
   rumor rumors reports sources source draft graf para paragraph lede hed dek chart graphic doc story piece copy
   sheet spreadsheet tracker embed box sidebar caption editor editors desk boss colleague friend guy mate reader
   readers wiki wikipedia google chatgpt commenter commenters internet nobody one who which that what i'd i'm
   we'd we're you'd`.split(/\s+/),
);
const countWords = new Set("toll tally total totals count figure figures number numbers".split(" "));
const pronouns = new Set(["he", "she", "they", "it"]);
/** After these a say verb is a noun: "my notes", "the estimate", "their claims". */
const determiners = new Set("my our your his her their its the a an this that these those".split(" "));
const sayVerbWord = new RegExp(`^(?:${sayVerbs})$`, "i");
// "refugees are still registered", "were reported": the subject is what was counted, not who counted it.
const passiveBefore =
  /\b(?:is|are|was|were|be|been|being|get|got)\s+(?:(?:still|now|already|also|officially|formally|currently|just|only|\p{L}+ly)\s+)*$/iu;
/** "Rosstat data: …", "Levada figures: …": a name before one of these labels a line as that name's. */
const dataNouns = new Set(
  "data figures numbers stats statistics estimate estimates count tally poll".split(" "),
);
const negations = /(?:n't|\bnot|\bnever|\bcannot)\s*$/i;
/** Capitalised words that start a sentence or a label without naming anyone. */
const notNames = new Set(
  `the a an this that these those it i so and but then also now just still per yes no ok okay fyi breaking
   update lede hed dek draft note reminder edit headline question q re ps nb tldr context correction important
   urgent todo summary total totals figures numbers latest today yesterday overnight background quick btw heads
   hmm new fact check caption chart graphic map box sidebar slug timeline when if our my your their his her its
   we you they he she what which who how why where is are was were do does did has have had can could should would
   will may might must let here there hey hi thanks thx pls please sorry key main top rough final raw big overall
   combined updated current old provisional preliminary revised working ballpark best worst`.split(/\s+/),
);
/** Words that label a line with its document, format or beat rather than with who said it. */
const topicLabels = new Set(
  `script scripts pod podcast transcript vo voiceover intro outro tease teaser promo bulletin package pkg rundown
   newsletter explainer liveblog blog push alert alerts graphics graphic visuals video radio tv social copy notes
   energy power grid economy economics markets oil gas sanctions aid weapons diplomacy talks frontline front weather
   nuclear humanitarian refugees casualties losses`.split(/\s+/),
);
/** Colleagues' first names are not sources: "Dave said use 800,000". */
const firstNames = new Set(
  `dave david sam sarah tom tim john jon james jim mike michael chris anna emma kate katie laura lucy ben dan daniel
   matt matthew alex alice amy andy rachel rob robert steve jess jessica joe josh mark paul peter pete nick nicola
   olivia rosie ruth simon sophie will jack harry charlie george ella grace hannah holly jane jen jenny liz lisa
   maria mary nina tara zoe omar ali priya raj`.split(/\s+/),
);

const signatureLine = /^\s*(?:[—–―]|--)\s*(\S.*)$/s;

export function detectAttribution(
  message: StrippedMessage,
  clauses: readonly Clause[],
  /** The clauses whose verdict matters (those with figures); all by default. Others are judged only if needed. */
  wanted: ReadonlySet<number> = new Set(clauses.keys()),
): Attribution {
  let wholeMessage = message.links.length > 0 || sourceLine.test(message.text);
  // Judging is the detector's costliest step, so a clause is judged only when its verdict can matter.
  const verdicts: (Verdict | undefined)[] = clauses.map(() => undefined);
  const verdict = (i: number): Verdict => {
    verdicts[i] ??= judgeClause(clauses[i]?.text ?? "");
    return verdicts[i];
  };
  if (!wholeMessage) {
    clauses.forEach((c, i) => {
      // A line that is nothing but an attribution ("Source CSIS", "(Reuters)", "via AP") covers the message;
      // one that starts with a dash signs only the lines above it (see signedClauses).
      if (
        !/\d/.test(c.text) &&
        c.text.trim().split(/\s+/).length <= 5 &&
        !signatureLine.test(c.text) &&
        verdict(i) === "yes"
      )
        wholeMessage = true;
    });
  }
  if (wholeMessage) return { wholeMessage, clauses: clauses.map(() => true) };
  const signed = signedClauses(message.text, clauses);
  for (const i of wanted) verdict(i);
  const needNames = [...wanted].some((i) => verdicts[i] === "pronoun");
  const anyNamed = needNames && clauses.some((_c, i) => verdict(i) === "yes");
  return {
    wholeMessage,
    clauses: verdicts.map(
      (v, i) => wanted.has(i) && (signed[i] === true || v === "yes" || (v === "pronoun" && anyNamed)),
    ),
  };
}

/**
 * Clauses signed by a later line that starts with a dash and names a source: a pasted quote followed by
 * "— CSIS, via the report PDF p. 4". A signature covers the lines since the previous one.
 */
function signedClauses(text: string, clauses: readonly Clause[]): boolean[] {
  const signed: boolean[] = [];
  let from = 0;
  clauses.forEach((c, i) => {
    if (c.start === 0 || text[c.start - 1] !== "\n" || !/[—–―-]/.test(c.text)) return;
    const signer = signatureLine.exec(c.text)?.[1];
    if (signer === undefined) return;
    if (!isNameOrBody(signer.split(/[\s,]+/)[0] ?? "") && judgeClause(signer) !== "yes") return;
    for (let j = from; j < i; j++) signed[j] = true;
    from = i + 1;
  });
  return signed;
}

function judgeClause(whole: string): Verdict {
  // A source named only in a question attributes nothing: "Russia lost 800k — should I attribute that to
  // UGS?", "is that Zelensky's number?". Only the statement before the question is judged.
  const asksFrom = questionStart(whole);
  const clause = asksFrom < 0 ? whole : whole.slice(0, asksFrom);
  if (!/\p{L}/u.test(clause)) return "no";
  if (accordingTo.test(clause) || citing.test(clause) || via.test(clause) || fromPerson.test(clause))
    return "yes";
  const perMatch = per.exec(clause);
  if (perMatch?.[1] && namesSomeone(perMatch[1])) return "yes";
  const fromMatch = figuresFrom.exec(clause);
  // "figures from the Pentagon"; not "count from the Odesa strike", where a place says where, not who.
  if (
    fromMatch?.[1] &&
    !placeOnly(fromMatch[1], clause.slice((fromMatch.index ?? 0) + fromMatch[0].length)) &&
    (namesSomeone(fromMatch[1]) || /^[A-Z]/.test(fromMatch[1]))
  )
    return "yes";
  // A source merely mentioned does not attribute when the clause denies that a source gave one, or gives
  // the writer's own guess: "the Pentagon hasn't said, I'd guess 1,000".
  const mentionOnly = ownGuess.test(clause);
  if (!mentionOnly && (observer.test(clause) || observerAcronym.test(clause))) return "yes";
  if (!mentionOnly && (hasPossessiveSource(clause) || dataShowSource(clause))) return "yes";
  if (labelNamesSource(clause) || parenthesesNameSource(clause)) return "yes";
  // "… — Zelensky", "… – UK MoD, June": a short tail that starts with a name.
  const dash = trailingDash.exec(clause)?.[1]?.trim();
  if (
    dash &&
    !dash.includes("?") &&
    dash.split(/\s+/).length <= 5 &&
    isNameOrBody(dash.split(/[\s,]+/)[0] ?? "")
  )
    return "yes";
  return sayVerbVerdict(clause);
}

/** "the Odesa strike": a place that is not followed by the official who speaks for it ("the Kharkiv governor"). */
function placeOnly(word: string, rest: string): boolean {
  if (!placeNameSet.has(word.toLowerCase())) return false;
  const next = /^\s+([\p{L}'’]+)/u.exec(rest)?.[1]?.toLowerCase();
  return next === undefined || !authoritative.has(next);
}

/** A word after "per", "figures from": a name, an institution, or an official body. */
function namesSomeone(word: string): boolean {
  const lower = word.toLowerCase().replace(/['’]s$/, "");
  // A colleague is not a source: "per Dave", "Sam's number".
  if (firstNames.has(lower)) return false;
  return (
    /^[A-Z]/.test(word) ||
    authoritative.has(lower) ||
    personNameSet.has(lower) ||
    institution.test(word) ||
    acronym.test(word)
  );
}

function isKnownName(word: string): boolean {
  return institution.test(word) || acronym.test(word) || personNameSet.has(word.toLowerCase());
}

function hasPossessiveSource(clause: string): boolean {
  for (const m of clause.matchAll(possessiveFigure)) {
    const owner = m[1] ?? "";
    if (owner.toLowerCase() === "russia" || owner.toLowerCase() === "ukraine") continue;
    if (m[2] ? namesSomeone(owner) : isKnownName(owner)) return true;
  }
  return false;
}

// "Rosstat figures show …", "Levada data suggest …".
const dataShow =
  /([\p{L}][\p{L}.'’-]*)\s+(?:data|figures|numbers|stats|statistics|estimates?|polling|poll|survey)\s+(?:show|shows|showed|suggest|suggests|suggested|indicate|indicates|put|puts)\b/gu;

function dataShowSource(clause: string): boolean {
  for (const m of clause.matchAll(dataShow))
    if (namesOwner([(m[1] ?? "").replace(/['’]s$/, "")])) return true;
  return false;
}

/** "Rutte: …", "UN figures: …", "Kyiv: …", but not "Kharkiv: …", "Lede: …", "Civilian deaths: …". */
function labelNamesSource(clause: string): boolean {
  const m = colonLabel.exec(clause);
  // "Zelensky (Feb 2025): …", "Rutte, in June: …", "Syrskyi on Dec 2: …": the name labels the line.
  const label = m?.[1]
    ?.replace(/\([^)]*\)/g, " ")
    .replace(/,.*$/, "")
    .replace(whenInLabel, "")
    .trim();
  if (!label || /\d/.test(label)) return false;
  if (institution.test(label) || acronym.test(label)) return true;
  const words = label.split(/\s+/);
  if (words.length > 4) return false;
  const first = words[0]?.toLowerCase() ?? "";
  if (notNames.has(first) || placeNameSet.has(label.toLowerCase())) return false;
  // "POD SCRIPT: …", "Energy: …", "HIMARS: …": a newsroom document, a beat or a weapon labels the line's topic.
  if (words.some((w) => topicLabels.has(w.toLowerCase()) || weaponNames.has(w.toLowerCase()))) return false;
  if (words.length >= 2 && dataNouns.has(words.at(-1)?.toLowerCase() ?? "") && namesOwner(words.slice(0, -1)))
    return true;
  // "Deaths: 500", "Russian tank losses: 3,900" name what is counted, not who counts.
  if (words.some((w) => isCountedThing(w.toLowerCase()))) return false;
  if (words.some((w) => authoritative.has(w.toLowerCase()))) return true;
  // "Reported: 1,200 killed" says that someone said it, not who.
  if (words.some((w) => sayVerbWord.test(w))) return false;
  return words.every((w) => /^[A-Z]/.test(w) || w === "of" || w === "the");
}

/** "Rosstat", "Levada Center": capitalised words that are neither a sentence opener nor a thing counted. */
function namesOwner(words: readonly string[]): boolean {
  return words.every((w) => {
    const lower = w.toLowerCase();
    return /^[A-Z]/.test(w) && !notNames.has(lower) && !isCountedThing(lower) && !placeNameSet.has(lower);
  });
}

const whenInLabel = /\s+(?:on|in|as of|at|from|this|last|yesterday|today|earlier|overnight)\b.*$/i;

function isCountedThing(word: string): boolean {
  return claimNouns.has(word) || otherClaimNouns.has(word) || countWords.has(word);
}

function parenthesesNameSource(clause: string): boolean {
  for (const m of clause.matchAll(parenthesised)) {
    const inner = m[1] ?? "";
    if (/\d/.test(inner)) continue;
    if (institution.test(inner) || acronym.test(inner) || person.test(inner)) return true;
    if (inner.split(/\s+/).some((w) => authoritative.has(w.toLowerCase()))) return true;
  }
  return false;
}

/** "Zelensky said", "the ministry said", "said Rutte"; not "we said", "the draft says", "Ukraine says nothing". */
function sayVerbVerdict(clause: string): Verdict {
  let verdict: Verdict = "no";
  for (const m of clause.matchAll(sayVerb)) {
    const before = clause.slice(0, m.index);
    const afterText = clause.slice(m.index + m[0].length);
    if (negations.test(before) || /^\s+(?:nothing|no\b|otherwise)/i.test(afterText)) continue;
    const subject = (before.match(/[\p{L}][\p{L}.'’-]*/gu) ?? []).slice(-4);
    const nearest = subject.at(-1);
    // "my notes", "Updated estimate": a noun, not someone saying something.
    if (nearest && (determiners.has(nearest.toLowerCase()) || sayVerbWord.test(nearest))) continue;
    if (passiveBefore.test(before)) {
      const agent = /^\s+by\s+(?:the\s+)?([\p{L}][\p{L}.'’-]*)/u.exec(afterText)?.[1];
      if (agent && isNameOrBody(agent)) return "yes";
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
      if (words.slice(-4).some(isNameOrBody)) return "yes";
    }
    const next = /^\s+(?:the\s+)?([\p{L}][\p{L}.'’-]*)/u.exec(afterText)?.[1];
    if (next && /^(?:says|said)$/i.test(m[0]) && isNameOrBody(next)) return "yes";
  }
  return verdict;
}

function isNameOrBody(word: string): boolean {
  const lower = word.toLowerCase().replace(/['’]s$/, "");
  if (notNames.has(lower) || firstNames.has(lower)) return false;
  return (
    /^[A-Z]/.test(word) || authoritative.has(lower) || personNameSet.has(lower) || institution.test(word)
  );
}
