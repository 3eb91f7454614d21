import { allMatches } from "../all-matches.ts";
import { flagConfig } from "../flag-config.ts";
import type { FlagVocabulary } from "../flag-vocabulary.ts";
import { type Amount, isYear } from "./amounts.ts";
import { type ClauseWords, hasAny, wordsBefore } from "./clause-words.ts";
import type { NounScan } from "./counted-noun.ts";
import { logisticsNouns, newsroomSpending, percentLogistics } from "./newsroom-words.ts";
import type { FigureRate } from "./types.ts";

/** Everything read about one number, for deciding whether it claims something. */
export interface ClaimEvidence {
  text: string;
  a: Amount;
  start: number;
  /** `wordsBefore(text, start, 3)`, when the reading already has them: it reads them for every number. */
  beforeWords?: readonly string[] | undefined;
  end: number;
  /** The number that decides size: the high end of a range, else the value. */
  pivot: number;
  percent: boolean;
  currency: string | undefined;
  ratio: boolean;
  km: boolean;
  multiple: boolean;
  share: boolean;
  /** Percentage points: "up 7 points", "6 points behind". */
  points: boolean;
  rate: FigureRate | undefined;
  noun: NounScan;
  context: ClauseWords;
  preceding: Preceding;
  vocabulary: FlagVocabulary;
}

/** What came before a number in its message. */
export interface Preceding {
  /** An earlier figure in the same clause was accepted. */
  followsFigure: boolean;
  /** An earlier figure in the message counted a noun ("63 drones"). */
  countedNoun: boolean;
  /** An earlier number in the same clause counted logistics ("800 words, it's currently 1,150"). */
  followsLogistics: boolean;
}

const ratingBefore = /\b(?:a|an|rated?|scored?|gives?|gave|give it)\s+$/i;
const personalCopula = /(?:\b(?:i|we|you|they)['’](?:m|re)|\b(?:am|i am|we are|you are))\s+$/i;
const comparedWith = new Set(["to", "from", "vs", "versus", "than"]);
const continuingVerbs = new Set(["missing", "got", "made", "failed", "struck"]);
const moreOf = new Set(["another", "further", "additional"]);
const comparativeAfter = new Set(
  "more higher larger bigger greater fewer lower smaller as that the what than increase rise growth jump".split(
    " ",
  ),
);
const comparativeBefore = new Set(
  "up down grew grown rose risen jumped increased fell dropped climbed doubled tripled multiplied".split(" "),
);
// "28 were shot down", "12 destroyed", "3 of them captured", "40 more killed".
const outcomePattern =
  /^\s+(?:of\s+(?:them|those|these)\s+|more\s+)?(?:(?:were|was|are|have been|had been|got|get|being)\s+)?(?:\p{L}+ly\s+)?(\p{L}+)/iu;
const sameCountAfter =
  /^\s+more\b(?!\s+\p{L})|^\s+(?:the\s+(?:day|week|month|year|night)\s+(?:before|after|earlier|prior)|yesterday|today|overnight|earlier|(?:last|this)\s+(?:night|morning|week|month|year)|a\s+(?:day|week|month|year)\s+(?:earlier|later|before|after))\b/iu;
// "death toll", "casualty count", "vote tally", "the toll", "my count"; not "toll road" or "the tally bot".
const measureWord = /\b(?:toll|tally|count|total|estimate|number|figure)\b/gi;
const notATollAfter =
  /^\s+(?:road|roads|booth|booths|bridge|free|gate|gates|plaza|lane|lanes|charge|charges|fee|fees|collector)\b/i;
const wordBefore = /(\p{L}+)\s+$/u;
// "PUP won 83 seats and the DA 70", "PUP got 35.4 percent, DA 29.8": a name, then a number that goes on listing
// what the clause's last figure counted.
const listedAfterName =
  /(?:,|;|\band|\bwhile|\bwith|\bvs\.?|\bversus|\bagainst)\s+(?:the\s+)?\p{Lu}[\p{L}.'’&-]*(?:\s+\p{Lu}[\p{L}.'’&-]*)?\s+(?:(?:on|at|with|got|had|has|took|won)\s+)?$/u;
// "11.2", "35.4": a decimal share or rate, not a count of logistics.
const decimal = /^\d{1,3}\.\d$/;

/** Whether the number is a countable claim about the world rather than chatter. */
export function isFigureClaim(e: ClaimEvidence): boolean {
  const v = e.vocabulary;
  if (e.noun.logistics) return false;
  if (e.share)
    return !ratingBefore.test(e.text.slice(Math.max(0, e.start - 12), e.start)) && countsSomething(e);
  if (e.multiple) return isComparison(e);
  if (e.points) return true;
  if (isYear(e.a) && !e.percent && !countsLikeAYear(e)) return false;
  if (e.percent) {
    // "lost 40% of its generating capacity": a counting verb makes it a share of something real.
    if (
      hasAny(e.context.words, percentLogistics) &&
      !(countingVerbBefore(e) && hasAny(e.context.words, v.storyContext))
    )
      return false;
    // "I'm 100% with you", "we're 90% there": certainty or progress, not a share of anything.
    if (personalCopula.test(e.text.slice(Math.max(0, e.start - 12), e.start))) return false;
    return e.pivot !== 100 || hasAny(e.context.words, v.claimContext);
  }
  if (e.currency) {
    // "$1,200 for the fixer": the newsroom's own spending.
    if (hasAny(e.context.words, newsroomSpending)) return false;
    return e.pivot >= flagConfig.smallMoneyBelow || e.a.scaled || hasAny(e.context.words, v.moneyContext);
  }
  // "a thousand apologies" is an idiom; written thousands need a claim word, millions do not.
  if (e.a.written && e.pivot < 1e6)
    return Boolean(e.noun.unit || e.rate) || hasAny(e.context.words, v.claimContext);
  if (e.a.scaled || e.ratio || e.km) return true;
  if (e.noun.unit) return true;
  if (e.rate && e.pivot >= flagConfig.rateMin) return true;
  const beforeWords = wordsBeforeStart(e);
  // "Page views: 45,000", "word count 1,200"; not "2,300 killed last week, 2,100 …", where a comma lists.
  const previous = beforeWords.at(-1);
  const listed = /[,;]\s*$/.test(e.text.slice(Math.max(0, e.start - 3), e.start));
  if (previous !== undefined && logisticsNouns.has(previous) && !listed) return false;
  // "down from 1,500 a day to ~900": compared with a figure just claimed, it counts the same thing.
  if (e.preceding.followsFigure && previous !== undefined && comparedWith.has(previous)) return true;
  const verbBefore = beforeWords.some((w) => v.claimVerbs.has(w));
  // "Needs to come in at 800 words, it's currently 1,150": it goes on counting words.
  if (e.preceding.followsLogistics && !verbBefore) return false;
  // "63 drones … and 28 were shot down": what happened to the things counted before.
  // A small number needs a harm word ("3 were killed") unless it goes on counting ("… and 2 downed").
  const outcome = outcomePattern.exec(e.text.slice(e.end, e.end + 50))?.[1]?.toLowerCase();
  if (outcome && v.outcomes.has(outcome)) {
    if (e.preceding.countedNoun || e.pivot >= flagConfig.rateMin || v.harm.has(outcome)) return true;
  }
  // "40 Shaheds, 31 were destroyed and 6 lost to EW", "7 hit targets": a counting verb goes on counting them.
  if (outcome && e.preceding.countedNoun && (v.claimVerbs.has(outcome) || continuingVerbs.has(outcome)))
    return true;
  // "23 buildings damaged, 2 completely flattened", "20 jets delivered out of 85 pledged": a participle after
  // a number in a clause that already counted something says what happened to more of the same things.
  if (outcome && e.preceding.followsFigure && e.preceding.countedNoun && /\p{L}{3}ed$/u.test(outcome))
    return true;
  // "39 now plus another 20 coming", "a further 12": more of what the clause already counted.
  if (e.preceding.followsFigure && e.preceding.countedNoun && previous !== undefined && moreOf.has(previous))
    return true;
  // "death toll in the block now 46": the number a measure named earlier in the clause stands at.
  if (measuredBefore(e)) return true;
  // "PUP won 83 seats and the DA 70": the next name's share of the same count.
  if (
    e.preceding.followsFigure &&
    listedAfterName.test(e.text.slice(Math.max(0, e.start - 40), e.start)) &&
    /^\s*(?:$|[,;.)]|and\b|respectively\b)/.test(e.text.slice(e.end, e.end + 14))
  )
    return true;
  // "Greens on 11.2, 25 seats": a one-place decimal in a clause about the news is a share, not logistics.
  // Not "Tally 2.3", a version after a name.
  if (
    decimal.test(e.a.raw) &&
    !/\p{Lu}[\p{L}-]*\s+$/u.test(e.text.slice(Math.max(0, e.start - 20), e.start)) &&
    hasAny(e.context.words, v.storyContext)
  )
    return true;
  // "14 people yesterday and 9 the day before", "40 tanks this week and 12 more": the same count again.
  if (
    e.preceding.followsFigure &&
    e.preceding.countedNoun &&
    sameCountAfter.test(e.text.slice(e.end, e.end + 30))
  )
    return true;
  if (e.pivot >= flagConfig.rateMin) {
    if (verbBefore) return true;
    if (beforeWords.some((w) => v.counted.has(w))) return true;
  }
  if (e.pivot >= flagConfig.bareNumberMin) {
    // Grouped digits are how a newsroom writes a count; a bare run of digits is as often an id.
    if (e.a.hasComma) return true;
    return hasAny(e.context.words, v.claimContext);
  }
  return false;
}

function wordsBeforeStart(e: ClaimEvidence): readonly string[] {
  return e.beforeWords ?? wordsBefore(e.text, e.start, 3);
}

// "Russia's 2024 casualties", "the 2022 floods", "since 2023 attacks": the year says when.
const yearAsAdjective =
  /(?:['’]s|\b(?:the|this|that|these|those|its|their|our|his|her|in|since|of|for|by|from|until|after|before|during|last|next))\s+$/i;

/** "lost 2000 soldiers": a year-like number right before what it counts, and not after a word that makes it a when. */
function countsLikeAYear(e: ClaimEvidence): boolean {
  const next = /^\s+(\p{L}+)/u.exec(e.text.slice(e.end, e.end + 30))?.[1]?.toLowerCase();
  if (next === undefined || next !== e.noun.word) return false;
  return !yearAsAdjective.test(e.text.slice(Math.max(0, e.start - 12), e.start));
}

function countingVerbBefore(e: ClaimEvidence): boolean {
  return wordsBeforeStart(e).some((w) => e.vocabulary.claimVerbs.has(w));
}

/** A measure named earlier in the clause, a few words back, with no other number in between. */
function measuredBefore(e: ClaimEvidence): boolean {
  const before = e.text.slice(Math.max(0, e.start - 60), e.start);
  let lastEnd = -1;
  for (const m of allMatches(measureWord, before))
    if (measures(m[0], before, m.index, e)) lastEnd = m.index + m[0].length;
  if (lastEnd < 0) return false;
  // "death toll: 46", "casualty count from the strike: 14": a label's colon; any other mark or number ends its reach.
  const gap = before.slice(lastEnd).replace(/:\s*$/, "").replace(/^\s*:/, "");
  return !/[\d.;:!?\n]/.test(gap) && (gap.match(/\p{L}+/gu)?.length ?? 0) <= 8;
}

/** "toll" (not "toll road"); "death toll", "vote tally"; "my count", "our own estimate". */
function measures(word: string, before: string, at: number, e: ClaimEvidence): boolean {
  const lower = word.toLowerCase();
  if (lower === "toll") return !notATollAfter.test(before.slice(at + word.length));
  const previous = wordBefore.exec(before.slice(Math.max(0, at - 20), at))?.[1]?.toLowerCase();
  if (previous === undefined) return false;
  if (previous === "my" || previous === "our" || previous === "own") return true;
  return (lower === "tally" || lower === "count") && countsWith(previous, e);
}

/** "death" in "death toll", "vote" in "vote count": a counted word, or the singular of one. */
function countsWith(word: string, e: ClaimEvidence): boolean {
  const w = word.toLowerCase();
  const { counted, outcomes } = e.vocabulary;
  return counted.has(w) || outcomes.has(w) || counted.has(`${w}s`) || counted.has(w.replace(/y$/, "ies"));
}

/** A share counts things when a plural noun follows ("1 in 5 households") or the clause is about the news. */
function countsSomething(e: ClaimEvidence): boolean {
  if (e.noun.unit || hasAny(e.context.words, e.vocabulary.claimContext)) return true;
  const next = /^\s+(?:of\s+(?:the\s+|all\s+|our\s+)?)?(\p{L}+)/u.exec(e.text.slice(e.end, e.end + 40))?.[1];
  return next !== undefined && next.length > 3 && /s$/i.test(next) && !logisticsNouns.has(next.toLowerCase());
}

/** A multiplier claims when it compares ("up 3x", "2x that", "3 times more") or the clause is about the news. */
function isComparison(e: ClaimEvidence): boolean {
  if (hasAny(e.context.words, percentLogistics)) return false;
  if (hasAny(e.context.words, e.vocabulary.claimContext)) return true;
  const next = /^\s*(\p{L}+)/u.exec(e.text.slice(e.end, e.end + 20))?.[1]?.toLowerCase();
  if (next && comparativeAfter.has(next)) return true;
  // The last of the three is the one word before.
  const previous = wordsBeforeStart(e).at(-1);
  return previous !== undefined && comparativeBefore.has(previous);
}
