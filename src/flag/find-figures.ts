import type { Qualifier, Unit } from "../claims/schema.ts";
import {
  audienceWords,
  claimContext,
  claimNouns,
  claimVerbs,
  durationNouns,
  idiomNouns,
  labelWords,
  logisticsNouns,
  moneyContext,
  monthWords,
  newsroomSpending,
  nounModifiers,
  otherClaimNouns,
  outcomeWords,
  percentLogistics,
  timeWords,
  warContext,
  weaponNames,
} from "./figure-words.ts";
import { flagConfig } from "./flag-config.ts";
import { type Clause, splitClauses } from "./split-clauses.ts";

/**
 * Units the index knows, plus countable things it does not ("count"), money other than dollars, and
 * multipliers ("3x", "3 times more"), which no index topic measures ("multiple").
 */
export type FigureUnit = Unit | "count" | "money" | "multiple";
export type FigureRate = "day" | "week" | "month" | "year";

/** A figure making a factual claim, found in a message's prose. */
export interface FoundFigure {
  /** As written, qualifier and rate included: "nearly 2,000 a day", "between 10,000 and 12,000". */
  text: string;
  start: number;
  end: number;
  /** In base units: 1.2 million is 1200000, 50% is 50, 2.5 to 1 is 2.5. */
  value?: number;
  low?: number;
  high?: number;
  unit: FigureUnit;
  qualifier?: Qualifier;
  rate?: FigureRate;
  /** The clause around the figure, for matching against the index. */
  clause: string;
  /** Where `clause` starts in the message prose, so that `start - clauseOffset` indexes into it. */
  clauseOffset: number;
  clauseIndex: number;
}

interface Amount {
  start: number;
  end: number;
  raw: string;
  value: number;
  currency: string | undefined;
  scaled: boolean;
  percent: boolean;
  plus: boolean;
  hasComma: boolean;
  written: boolean;
  /** "3x", "2×": a multiplier. */
  multiple: boolean;
}

// One amount: currency, digits (grouped or plain, dots kept so versions show), scale ("700k-ish" too) or
// multiplier ("3x", not "1920x1080"), percent, "+".
const amountPattern =
  /((?:US)?\$|£|€|₽|₴)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)*)(?:(k|mn|mln|bn|tn|m|b)(?:(?![a-z])|(?=ish\b))|\s?(thousand|million|billion|trillion|mn|mln|bn|tn)\b|([x×])(?![a-z\d]))?(\s?(?:%|percent\b|per cent\b|pct\b|percentage points?\b))?(\+)?/giy;
const amountSearch = new RegExp(amountPattern.source, "gi");
const writtenPattern =
  /\b(?:(half) a|(a quarter of) a|(a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty))\s+(thousand|million|billion)\b(\+| plus\b)?/gi;
// Never inside a grouped number: "500,000-600,000" is a range, not "000-600".
const phonePatterns = [
  /\+\d[\d\s().-]{6,}\d/g,
  /\(\d{3}\)\s?\d{3}[\s.-]\d{4}/g,
  /(?<![\d,.])\d{3}[.-]\d{3}[.-]\d{4}\b/g,
  /(?<![\d,.])\d{3}-0\d{3}\b/g,
  /(?<![\d,.])0\d{2,4}[\s-]?\d{3,4}(?:[\s-]?\d{3,4})?\b/g,
];
const scales: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  tn: 1e12,
  trillion: 1e12,
};
const writtenValues: Record<string, number> = {
  half: 0.5,
  "a quarter of": 0.25,
  a: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
};
// Qualifiers as written just before a figure, in one pattern (this runs for every number); longer
// phrases first within each group so "just over" wins over "over".
const qualifierPattern = new RegExp(
  "(?:" +
    [
      "(?<nearly>nearly|almost|close to|just under|approaching|getting on for)",
      "(?<over>more than|just over|well over|over|exceeding|exceeded|above|upwards of|north of|topping|topped|surpassing|surpassed|passed|beyond)",
      "(?<atleast>>|\\bat least|no fewer than|no less than|a minimum of)",
      "(?<upto>up to|as many as|as high as|a maximum of)",
      "(?<about>~|≈|\\bmore like|closer to|nearer to|nearer|more or less|in the region of|\\babout|around|approximately|approx\\.?|roughly|some|an estimated|estimated|circa|c\\.|ca\\.|ballpark|something like|like)",
      "(?<under>under|fewer than|less than|below)",
    ].join("|") +
    ")\\s*$",
  "i",
);
const qualifierOfGroup: Record<string, Qualifier | undefined> = {
  nearly: "nearly",
  over: "over",
  atleast: "at-least",
  upto: "up-to",
  about: "about",
  under: undefined,
};
const ratePattern =
  /^\s*(?:(?:a|an|per|each|every)\s+(day|week|month|year)\b|(daily|weekly|monthly|yearly|annually)\b)/i;
const casualtyWords =
  /\b(?:killed|injured|wounded|dead|died|hurt|evacuated|displaced|missing|detained|hospitali[sz]ed|deaths)\b/i;
const yearCountNouns = new Set([
  "soldiers",
  "troops",
  "men",
  "drones",
  "tanks",
  "shells",
  "people",
  "civilians",
]);

const mayHaveWrittenAmount = /thousand|million|billion/i;
// "F-16s", "Su-34", "T-72B3s", "MiG-29s", "S-300": letters, an optional dash, digits.
const modelDesignation = /^\p{L}{1,8}-?\d+[\p{L}\d]*$/u;
const multipleTimes =
  /^\s+times\s+(?=(?:more|higher|larger|bigger|greater|fewer|lower|smaller|as|the|that|what)\b)/i;
const ratingBefore = /\b(?:a|an|rated?|scored?|gives?|gave|give it)\s+$/i;
const personalCopula = /(?:\b(?:i|we|you|they)['’](?:m|re)|\b(?:am|i am|we are|you are))\s+$/i;
const comparativeAfter = new Set(
  "more higher larger bigger greater fewer lower smaller as that the what than increase rise growth jump".split(
    " ",
  ),
);
const comparativeBefore = new Set(
  "up down grew grown rose risen jumped increased fell dropped climbed doubled tripled multiplied".split(" "),
);
const comparedWith = new Set(["to", "from", "vs", "versus", "than"]);
const hasDigit = /\d/;

/** A clause's words, computed only when a decision needs them (most numbers are settled without). */
class ClauseWords {
  #words: Set<string> | null = null;
  constructor(private readonly text: string) {}
  get words(): Set<string> {
    this.#words ??= wordsOf(this.text);
    return this.#words;
  }
}

export function findFigures(prose: string, clauses: Clause[] = splitClauses(prose)): FoundFigure[] {
  const digits = hasDigit.test(prose);
  const written = mayHaveWrittenAmount.test(prose);
  if (!digits && !written) return [];
  const text = digits ? blankPhoneNumbers(prose) : prose;
  const amounts = digits ? numericAmounts(text) : [];
  if (written) amounts.push(...writtenAmounts(text));
  amounts.sort((a, b) => a.start - b.start);
  const figures: FoundFigure[] = [];
  const contexts = new Map<number, ClauseWords>();
  let consumedUntil = 0;
  // What the numbers read so far counted: a later number without a noun may continue them.
  let countedNoun = false;
  let logisticsClause = -1;
  for (const amount of amounts) {
    if (amount.start < consumedUntil) continue;
    const clauseIndex = clauseAt(clauses, amount.start);
    const clause = clauses[clauseIndex];
    if (!clause) continue;
    let context = contexts.get(clauseIndex);
    if (!context) {
      context = new ClauseWords(clause.text);
      contexts.set(clauseIndex, context);
    }
    const before: Preceding = {
      followsFigure: figures.at(-1)?.clauseIndex === clauseIndex,
      countedNoun,
      followsLogistics: logisticsClause === clauseIndex,
    };
    const figure = readFigure(text, amount, clause, clauseIndex, context, before);
    if (figure === "skip") continue;
    consumedUntil = figure.end;
    if (figure.accepted) {
      figures.push(figure.figure);
      if (figure.counted) countedNoun = true;
    } else if (figure.logistics) logisticsClause = clauseIndex;
  }
  return figures;
}

/** What came before a number in its message. */
interface Preceding {
  /** An earlier figure in the same clause was accepted. */
  followsFigure: boolean;
  /** An earlier figure in the message counted a noun ("63 drones"). */
  countedNoun: boolean;
  /** An earlier number in the same clause counted logistics ("800 words, it's currently 1,150"). */
  followsLogistics: boolean;
}

type Read =
  | "skip"
  | {
      accepted: boolean;
      end: number;
      figure: FoundFigure;
      /** It counted a noun of its own. */
      counted?: boolean;
      /** It counted logistics (words, minutes, pages). */
      logistics?: boolean;
    };

function readFigure(
  text: string,
  a: Amount,
  clause: Clause,
  clauseIndex: number,
  context: ClauseWords,
  preceding: Preceding,
): Read {
  const beforeWords = wordsBefore(text, a.start, 3);
  if (!a.written && rejectedByShape(text, a, beforeWords.at(-1))) return "skip";
  if (!a.written && isModelNumber(text, a)) return "skip";
  let end = a.end;
  let low: number | undefined;
  let high: number | undefined;
  let ratio = false;
  let km = false;
  let percent = a.percent;
  let currency = a.currency;
  let rangeStart = a.start;
  let multiple = a.multiple;
  let hedge: Qualifier | undefined;
  let after = text.slice(end, end + 40);

  if (!a.written) {
    // "700k-ish", "800ish", "3,000-odd": about; "3,000-plus": over.
    const suffix = /^(?:-?ish|-odd|(-plus))\b/i.exec(after);
    if (suffix) {
      hedge = suffix[1] ? "over" : "about";
      end += suffix[0].length;
      after = text.slice(end, end + 40);
    }
    if (/^:\d/.test(after)) {
      // "17:30" is a time; "3:1" a ratio.
      if (!/^:1(?![\w:.])/.test(after) || a.scaled || a.percent || a.currency) return "skip";
      ratio = true;
      end += 2;
    } else if (/^\/\d/.test(after)) return "skip";
    else if (/^\s?(?:km|kilomet(?:re|er)s?)\b/i.test(after)) {
      km = true;
      end += /^\s?(?:km|kilomet(?:re|er)s?)/i.exec(after)?.[0].length ?? 0;
    } else if (/^\p{L}/u.test(after)) return "skip";
    else if (/^-\p{L}/u.test(after) && !/^-to-\d/i.test(after)) {
      // "600-word", "3-hour": a compound adjective, a claim only when it is a claim noun ("1,000-km").
      const word = /^-(\p{L}+)/u.exec(after)?.[1]?.toLowerCase() ?? "";
      if (word === "km" || word === "kilometre" || word === "kilometer") km = true;
      else if (word === "fold" && !a.percent && !a.currency) {
        multiple = true;
        end += word.length + 1;
      } else if (!claimNouns.has(word)) return "skip";
    }
    if (isTimeAfter(after)) return "skip";
    // "3 times more drones", "5 times the level": a multiplier, not "3 times" (occasions).
    const times = multipleTimes.exec(after);
    if (times && !multiple && !a.percent && !a.currency && !a.scaled) {
      multiple = true;
      end += times[0].length;
    }
  }

  // "1 in 5 households", "3 out of 4": a share, read as a percentage.
  let share: number | undefined;
  if (!ratio && !km && !multiple && !a.written && !a.scaled && !a.percent && !a.currency) {
    const joiner = /^\s+(?:in|out of)\s+/i.exec(text.slice(end, end + 12));
    const b = joiner ? amountAt(text, end + joiner[0].length) : null;
    if (b && isShare(a, b) && !/^(?::\d|\/\d|\p{L})/u.test(text.slice(b.end, b.end + 2))) {
      share = (a.value / b.value) * 100;
      end = b.end;
    }
  }

  // Ranges "500,000-600,000", "10 to 12k", "between 10,000 and 12,000"; ratios "2.5 to 1".
  if (!ratio && !km && !a.written && share === undefined) {
    const between = /\bbetween\s+$/i.exec(text.slice(Math.max(0, a.start - 12), a.start));
    const joiner = (between ? /^\s+and\s+/i : /^\s?(?:-to-|-|–|—|to)\s?/i).exec(text.slice(end));
    if (joiner) {
      const b = amountAt(text, end + joiner[0].length);
      if (b) {
        const afterB = text.slice(b.end, b.end + 20);
        const isTo = /to/i.test(joiner[0]);
        if (isTimeAfter(afterB) || /^:\d/.test(afterB))
          return { accepted: false, end: b.end, figure: dummy(a) };
        if (isTo && b.raw === "1" && !b.scaled && a.value > 1 && !a.scaled && !a.percent && !a.currency) {
          ratio = true;
          end = b.end;
        } else if (/^0\d/.test(b.raw) || /^\p{L}/u.test(afterB)) {
          return { accepted: false, end: b.end, figure: dummy(a) };
        } else {
          const aValue =
            !a.scaled && b.scaled && a.value < b.value ? a.value * (b.value / rawNumber(b.raw)) : a.value;
          if (b.value > aValue) {
            if (isYear(a) && isYear(b)) return { accepted: false, end: b.end, figure: dummy(a) };
            low = aValue;
            high = b.value;
            percent = percent || b.percent;
            multiple = multiple || b.multiple;
            currency = currency ?? b.currency;
            end = b.end;
            if (between) rangeStart = a.start - between[0].length;
          }
        }
      }
    }
  }

  const dateLike = !a.written && isDate(text, a, end);
  if (dateLike) return { accepted: false, end, figure: dummy(a) };

  // Qualifier just before: "nearly", "over", "~" …
  let start = rangeStart;
  let qualifier: Qualifier | undefined;
  const before = text.slice(Math.max(0, start - 24), start);
  const qm = qualifierPattern.exec(before);
  if (qm?.groups) {
    const group = Object.keys(qm.groups).find((k) => qm.groups?.[k] !== undefined);
    qualifier = group ? qualifierOfGroup[group] : undefined;
    start -= qm[0].length;
  }
  if (a.plus && !qualifier) qualifier = "over";
  qualifier ??= hedge;

  // Rate right after: "2,000 a day", "1,200 daily".
  let rate: FigureRate | undefined;
  const rateMatch = ratePattern.exec(text.slice(end, end + 30));
  if (rateMatch) {
    rate = rateOf(rateMatch[1] ?? rateMatch[2] ?? "");
    end += rateMatch[0].length;
  }

  const pivot = high ?? a.value;
  const noun = nounAfter(text.slice(end, end + 80), context, {
    large: a.scaled || a.written || pivot >= flagConfig.largeCountMin,
    grouped: a.hasComma && pivot >= flagConfig.bareNumberMin,
  });
  // "28 of 63 drones": the first number counts what the second does.
  if (!noun.unit && !noun.logistics && !percent && !currency) {
    const of = /^\s+of\s+(?:the\s+|all\s+|those\s+|these\s+)?(?=\d)/i.exec(text.slice(end, end + 16));
    const b = of ? amountAt(text, end + of[0].length) : null;
    if (b && !b.percent && !b.currency) {
      const whole = nounAfter(text.slice(b.end, b.end + 80), context, { large: false, grouped: false });
      if (whole.unit) Object.assign(noun, whole);
    }
  }
  // "HIMARS: they've got 39 now": a weapon named earlier in the clause is what a possessed number counts.
  if (!noun.unit && !noun.logistics && !percent && !currency && !multiple) {
    const weapon = weaponNamedBefore(text, clause, a.start);
    if (weapon && possessedBefore(beforeWords)) Object.assign(noun, { unit: "count", word: weapon });
  }
  if (!rate) {
    const later = /(?:\b(?:a|an|per|each|every)\s+(day|week|month|year)\b|\b(daily|weekly|monthly)\b)/i.exec(
      text.slice(end, end + 50),
    );
    if (later && noun.unit) rate = rateOf(later[1] ?? later[2] ?? "");
  }
  if (!currency && /^\s*(?:us\s+)?dollars\b/i.test(text.slice(end, end + 12))) currency = "$";
  if (!currency && /\bUSD\s*$/.test(text.slice(Math.max(0, a.start - 4), a.start))) currency = "$";
  const value = share ?? (low === undefined ? a.value : undefined);
  const figure: FoundFigure = {
    text: text.slice(start, end).trim(),
    start,
    end,
    unit: unitOf({
      currency,
      percent: percent || share !== undefined,
      ratio,
      km,
      multiple,
      noun: noun.unit,
      context,
    }),
    clause: clause.text.trim(),
    clauseOffset: clause.start + (clause.text.length - clause.text.trimStart().length),
    clauseIndex,
    ...(value !== undefined ? { value } : { low, high }),
    ...(qualifier ? { qualifier } : {}),
    ...(rate ? { rate } : {}),
  };
  const accepted = isClaim({
    text,
    a,
    start,
    end,
    pivot,
    percent,
    currency,
    ratio,
    km,
    multiple,
    share: share !== undefined,
    rate,
    noun,
    context,
    preceding,
  });
  return { accepted, end, figure, counted: noun.unit !== undefined, logistics: noun.logistics };
}

interface ClaimEvidence {
  text: string;
  a: Amount;
  start: number;
  end: number;
  pivot: number;
  percent: boolean;
  currency: string | undefined;
  ratio: boolean;
  km: boolean;
  multiple: boolean;
  share: boolean;
  rate: FigureRate | undefined;
  noun: NounScan;
  context: ClauseWords;
  preceding: Preceding;
}

/** Whether the number is a countable claim about the world rather than chatter. */
function isClaim(e: ClaimEvidence): boolean {
  if (e.noun.logistics) return false;
  if (e.share)
    return !ratingBefore.test(e.text.slice(Math.max(0, e.start - 12), e.start)) && countsSomething(e);
  if (e.multiple) return isComparison(e);
  if (isYear(e.a) && !e.percent && !(e.noun.word && yearCountNouns.has(e.noun.word))) return false;
  if (e.percent) {
    // "lost 40% of its generating capacity": a claim verb makes it a share of something real.
    if (
      hasAny(e.context.words, percentLogistics) &&
      !(claimVerbBefore(e) && hasAny(e.context.words, warContext))
    )
      return false;
    // "I'm 100% with you", "we're 90% there": certainty or progress, not a share of anything.
    if (personalCopula.test(e.text.slice(Math.max(0, e.start - 12), e.start))) return false;
    return e.pivot !== 100 || hasAny(e.context.words, claimContext);
  }
  if (e.currency) {
    // "$1,200 for the fixer": the newsroom's own spending.
    if (hasAny(e.context.words, newsroomSpending)) return false;
    return e.pivot >= flagConfig.smallMoneyBelow || e.a.scaled || hasAny(e.context.words, moneyContext);
  }
  // "a thousand apologies" is an idiom; written thousands need a claim word, millions do not.
  if (e.a.written && e.pivot < 1e6)
    return Boolean(e.noun.unit || e.rate) || hasAny(e.context.words, claimContext);
  if (e.a.scaled || e.ratio || e.km) return true;
  if (e.noun.unit) return true;
  if (e.rate && e.pivot >= flagConfig.rateMin) return true;
  const beforeWords = wordsBefore(e.text, e.start, 3);
  // "Page views: 45,000", "word count 1,200"; not "2,300 killed last week, 2,100 …", where a comma lists.
  const previous = beforeWords.at(-1);
  const listed = /[,;]\s*$/.test(e.text.slice(Math.max(0, e.start - 3), e.start));
  if (previous !== undefined && logisticsNouns.has(previous) && !listed) return false;
  // "down from 1,500 a day to ~900": compared with a figure just claimed, it counts the same thing.
  if (e.preceding.followsFigure && previous !== undefined && comparedWith.has(previous)) return true;
  const verbBefore = beforeWords.some((w) => claimVerbs.has(w));
  // "Needs to come in at 800 words, it's currently 1,150": it goes on counting words.
  if (e.preceding.followsLogistics && !verbBefore) return false;
  // "63 drones … and 28 were shot down": what happened to the things counted before.
  // A small number needs a casualty word ("3 were killed") unless it goes on counting ("… and 2 downed").
  const outcome = outcomeAfter(e.text, e.end);
  if (outcome && outcomeWords.has(outcome)) {
    if (e.preceding.countedNoun || e.pivot >= flagConfig.rateMin || casualtyWords.test(outcome)) return true;
  }
  // "40 Shaheds, 31 were destroyed and 6 lost to EW", "7 hit targets": a claim verb goes on counting them.
  if (outcome && e.preceding.countedNoun && (claimVerbs.has(outcome) || continuingVerbs.has(outcome)))
    return true;
  // "23 buildings damaged, 2 completely flattened", "20 jets delivered out of 85 pledged": a participle after
  // a number in a clause that already counted something says what happened to more of the same things.
  if (outcome && e.preceding.followsFigure && e.preceding.countedNoun && /\p{L}{3}ed$/u.test(outcome))
    return true;
  // "39 now plus another 20 coming", "a further 12": more of what the clause already counted.
  if (e.preceding.followsFigure && e.preceding.countedNoun && previous !== undefined && moreOf.has(previous))
    return true;
  // "death toll in the Dnipro block now 46": the number a measure named earlier in the clause stands at.
  if (measuredBefore(e)) return true;
  // "14 people yesterday and 9 the day before", "40 tanks this week and 12 more": the same count again.
  if (
    e.preceding.followsFigure &&
    e.preceding.countedNoun &&
    sameCountAfter.test(e.text.slice(e.end, e.end + 30))
  )
    return true;
  if (e.pivot >= flagConfig.rateMin) {
    if (verbBefore) return true;
    if (beforeWords.some((w) => claimNouns.has(w))) return true;
  }
  if (e.pivot >= flagConfig.bareNumberMin) {
    // Grouped digits are how a newsroom writes a count; a bare run of digits is as often an id.
    if (e.a.hasComma) return true;
    return hasAny(e.context.words, claimContext);
  }
  return false;
}

function claimVerbBefore(e: ClaimEvidence): boolean {
  return wordsBefore(e.text, e.start, 3).some((w) => claimVerbs.has(w));
}

// "28 were shot down", "12 destroyed", "3 of them captured", "40 more killed".
const outcomePattern =
  /^\s+(?:of\s+(?:them|those|these)\s+|more\s+)?(?:(?:were|was|are|have been|had been|got|get|being)\s+)?(?:\p{L}+ly\s+)?(\p{L}+)/iu;

const sameCountAfter =
  /^\s+more\b(?!\s+\p{L})|^\s+(?:the\s+(?:day|week|month|year|night)\s+(?:before|after|earlier|prior)|yesterday|today|overnight|earlier|(?:last|this)\s+(?:night|morning|week|month|year)|a\s+(?:day|week|month|year)\s+(?:earlier|later|before|after))\b/iu;

const possessionVerbs = new Set(
  "got have has had received receive receiving delivered own owns operate operates operating field fields fielded".split(
    " ",
  ),
);

function possessedBefore(beforeWords: readonly string[]): boolean {
  return beforeWords.some((w) => possessionVerbs.has(w) || claimVerbs.has(w));
}

/** The weapon system named in the clause before a number, with no other number in between. */
function weaponNamedBefore(text: string, clause: Clause, at: number): string | undefined {
  const before = text.slice(Math.max(clause.start, at - 60), at);
  if (/\d/.test(before)) return undefined;
  for (const w of before.toLowerCase().match(/\p{L}[\p{L}-]*/gu) ?? []) if (weaponNames.has(w)) return w;
  return undefined;
}

const moreOf = new Set(["another", "further", "additional"]);

// "death toll", "casualty count", "the toll from the strike": what a later number in the clause measures; not
// "toll road" or "the tally bot".
const measureNoun =
  /\b(?:death|deaths|casualty|casualties|civilian|body|kill|loss|losses|injury|victim)\s+(?:toll|tally|count)\b|\btoll\s+(?:from|of|in|after)\b/gi;

/** A measure named earlier in the clause, a few words back, with no other number in between. */
function measuredBefore(e: ClaimEvidence): boolean {
  const before = e.text.slice(Math.max(0, e.start - 60), e.start);
  let last: RegExpExecArray | undefined;
  for (const m of before.matchAll(measureNoun)) last = m;
  if (!last) return false;
  // "death toll: 46", "casualty count from the strike: 14": a label's colon; any other mark or number ends its reach.
  const gap = before
    .slice(last.index + last[0].length)
    .replace(/:\s*$/, "")
    .replace(/^\s*:/, "");
  return !/[\d.;:!?\n]/.test(gap) && (gap.match(/\p{L}+/gu)?.length ?? 0) <= 8;
}

const continuingVerbs = new Set(["missing", "got", "made", "failed", "struck"]);

/** The verb right after a number, past an auxiliary: "28 were shot down" → shot. */
function outcomeAfter(text: string, end: number): string | undefined {
  return outcomePattern.exec(text.slice(end, end + 50))?.[1]?.toLowerCase();
}

/** "1 in 5": whole numbers, the first smaller, the second no year and no bigger than a thousand. */
function isShare(a: Amount, b: Amount): boolean {
  return (
    !b.scaled &&
    !b.percent &&
    !b.currency &&
    !b.multiple &&
    !b.hasComma &&
    !isYear(b) &&
    Number.isInteger(a.value) &&
    Number.isInteger(b.value) &&
    a.value >= 1 &&
    b.value > a.value &&
    b.value <= 1000
  );
}

/** A share counts things when a plural noun follows ("1 in 5 households") or the clause is about the war. */
function countsSomething(e: ClaimEvidence): boolean {
  if (e.noun.unit || hasAny(e.context.words, claimContext)) return true;
  const next = /^\s+(?:of\s+(?:the\s+|all\s+|our\s+)?)?(\p{L}+)/u.exec(e.text.slice(e.end, e.end + 40))?.[1];
  return next !== undefined && next.length > 3 && /s$/i.test(next) && !logisticsNouns.has(next.toLowerCase());
}

/** A multiplier claims when it compares ("up 3x", "2x that", "3 times more") or the clause is about the war. */
function isComparison(e: ClaimEvidence): boolean {
  if (hasAny(e.context.words, percentLogistics)) return false;
  if (hasAny(e.context.words, claimContext)) return true;
  const next = /^\s*(\p{L}+)/u.exec(e.text.slice(e.end, e.end + 20))?.[1]?.toLowerCase();
  if (next && comparativeAfter.has(next)) return true;
  const previous = wordsBefore(e.text, e.start, 1).at(-1);
  return previous !== undefined && comparativeBefore.has(previous);
}

interface NounScan {
  unit?: FigureUnit;
  word?: string;
  logistics: boolean;
}

/**
 * The noun a number counts, skipping modifiers: "38,000 Russian soldiers" → soldiers. Names are modifiers
 * too ("3 Patriot launchers", "500 Wagner fighters"), and a plural model designation is the noun
 * ("20 F-16s", "12 T-72B3s").
 */
function nounAfter(
  after: string,
  context: ClauseWords,
  /** large: scaled or at least tens of thousands; grouped: written with a thousands separator. */
  size: { large: boolean; grouped: boolean },
): NounScan {
  let seenPeople = false;
  let weapon: string | undefined;
  let count = 0;
  // "fell 24% year on year": how it was measured, not what.
  if (periodOnPeriod.test(after)) return { logistics: false };
  let previous = "";
  for (const m of after.matchAll(/[\p{L}][\p{L}\d'’.-]*|[^\s\p{L}]/gu)) {
    const token = m[0];
    if (!/^\p{L}/u.test(token)) {
      if (token === "+" || token === "~") continue;
      break;
    }
    const word = token
      .toLowerCase()
      .replace(/['’]s$/, "")
      .replace(/\.$/, "");
    if (durationNouns.has(word)) {
      // "1,340 the day before": when, not what. "1,026 days" of war: nobody plans thousands of days.
      if (previous === "the") break;
      if (size.grouped && !seenPeople && longDurations.has(word))
        return { unit: "count", word, logistics: false };
    }
    if (logisticsNouns.has(word)) return seenPeople ? { logistics: true } : { logistics: true, word };
    const unit = claimNouns.get(word);
    if (unit) return { unit, word, logistics: false };
    if (otherClaimNouns.has(word)) return { unit: "count", word, logistics: false };
    if (weapon && isPluralNoun(word)) return { logistics: false };
    if (weapon) break;
    if (weaponNames.has(word)) weapon = word;
    else if (word === "people") seenPeople = true;
    else if (modelDesignation.test(token)) {
      // "20 F-16s" counts jets; in "2 F-16 explainers" the model only describes the noun after it.
      if (/\d[\p{L}\d]*s$/iu.test(token)) return { unit: "count", word, logistics: false };
    } else if (!nounModifiers.has(word) && !/^\p{Lu}/u.test(token)) break;
    previous = word;
    if (++count >= flagConfig.nounLookahead) break;
  }
  if (weapon) return { unit: "count", word: weapon, logistics: false };
  if (seenPeople) {
    for (const word of context.words)
      if (casualtyWords.test(word)) return { unit: "people", word: "people", logistics: false };
    // "900,000 people under arms", "6.7 million people": a population, unless they read or watched something.
    const population = size.large || (size.grouped && hasAny(context.words, warContext));
    if (population && !hasAny(context.words, audienceWords))
      return { unit: "people", word: "people", logistics: false };
    return { logistics: true };
  }
  return { logistics: false };
}

const periodOnPeriod = /^\s*(?:year|month|week|quarter)[\s-]+(?:on|over)[\s-]+(?:year|month|week|quarter)\b/i;
const longDurations = new Set(["days", "weeks", "months", "nights"]);

const notPlurals = new Set(
  "this does goes plus less across thus always perhaps whereas hers ours yours theirs".split(" "),
);

function isPluralNoun(word: string): boolean {
  return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") && !notPlurals.has(word);
}

function unitOf(f: {
  currency: string | undefined;
  percent: boolean;
  ratio: boolean;
  km: boolean;
  multiple: boolean;
  noun: FigureUnit | undefined;
  context: ClauseWords;
}): FigureUnit {
  if (f.multiple) return "multiple";
  if (f.currency) return f.currency.endsWith("$") ? "usd" : "money";
  if (f.percent) return "percent";
  if (f.ratio) return "ratio";
  if (f.km) return "km";
  if (f.noun) return f.noun;
  for (const word of f.context.words) if (claimNouns.get(word) === "people") return "people";
  return "count";
}

/** Shapes that are never amounts: ids, versions, times, tickets, labels, numbers glued to letters. */
function rejectedByShape(text: string, a: Amount, previous: string | undefined): boolean {
  const digitsAt = a.currency ? a.start + a.currency.length : a.start;
  const before = text[a.start - 1] ?? " ";
  const before2 = text[a.start - 2] ?? " ";
  if (/[\p{L}\d_#/@.,]/u.test(before)) return true;
  if (/[-–—]/.test(before) && /[\p{L}\d]/u.test(before2)) return true;
  if (before === ":" && /\d/.test(before2)) return true;
  const raw = text.slice(digitsAt, digitsAt + a.raw.length);
  if ((raw.match(/\./g) ?? []).length >= 2) return true;
  if (/^0\d/.test(raw)) return true;
  return (
    previous !== undefined &&
    labelWords.has(previous) &&
    !/[,;:]\s*$/.test(text.slice(Math.max(0, a.start - 4), a.start))
  );
}

// "85 Leopard 2 tanks", "the Patriot 3 batteries": a capitalised word after a count or determiner, then the number.
const modelWordBefore =
  /(?:\d|\b(?:a|an|the|more|some|any|many|few|several|two|three|four|five|six|seven|eight|nine|ten|dozen|of|their|its|our|his|her|new|old|german|french|british|american|soviet|russian|ukrainian|polish))\s+(\p{L}[\p{L}-]*)\s$/iu;

/**
 * A number that is part of a model name: right after a capitalised model word that itself follows a count or
 * a determiner, and followed by the noun counted ("85 Leopard 2 tanks"). "In Kharkiv 3 were killed" is not.
 */
function isModelNumber(text: string, a: Amount): boolean {
  if (a.hasComma || a.scaled || a.percent || a.currency || a.multiple || a.plus || a.raw.length > 3)
    return false;
  if (!/\p{L}/u.test(text[a.start - 2] ?? "")) return false;
  const model = modelWordBefore.exec(text.slice(Math.max(0, a.start - 40), a.start))?.[1];
  if (model === undefined || !/^\p{Lu}/u.test(model)) return false;
  const next = /^\s+(\p{Ll}[\p{L}'’-]*)/u.exec(text.slice(a.end, a.end + 30))?.[1];
  if (next === undefined) return false;
  return claimNouns.has(next) || otherClaimNouns.has(next) || weaponNames.has(next) || isPluralNoun(next);
}

function couldBeDayOrYear(a: Amount): boolean {
  if (a.scaled || a.percent || a.currency || a.multiple) return false;
  return isYear(a) || (!a.hasComma && Number.isInteger(a.value) && a.value <= 31);
}

function isYear(a: Amount): boolean {
  return (
    !a.hasComma && !a.scaled && !a.currency && !a.percent && /^(19|20)\d\d$/.test(a.raw) && a.value >= 1900
  );
}

function isTimeAfter(after: string): boolean {
  const m = /^\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|^\s+([\p{L}'.]+)/iu.exec(after);
  if (!m) return false;
  if (m[1] === undefined) return true;
  return timeWords.has(m[1].toLowerCase());
}

/** "Jan 7", "June 12-14", "7 January", "Dec. 16"; not "Feb 41,000", which lists a month's figure. */
function isDate(text: string, a: Amount, end: number): boolean {
  const start = a.start;
  const previous = /(\p{L}+)\.?\s+$/u.exec(text.slice(Math.max(0, start - 12), start))?.[1]?.toLowerCase();
  if (previous && monthWords.has(previous)) return couldBeDayOrYear(a);
  const next = /^\s+(\p{L}+)/u.exec(text.slice(end, end + 12))?.[1]?.toLowerCase();
  return next !== undefined && monthWords.has(next) && next !== "may" && next !== "mar";
}

function numericAmounts(text: string): Amount[] {
  const out: Amount[] = [];
  for (const m of text.matchAll(amountSearch)) out.push(toAmount(m, m.index));
  return out;
}

function amountAt(text: string, at: number): Amount | null {
  amountPattern.lastIndex = at;
  const m = amountPattern.exec(text);
  return m ? toAmount(m, at) : null;
}

function toAmount(m: RegExpExecArray | RegExpMatchArray, start: number): Amount {
  const [whole, currency, raw = "", short, word, times, pct, plus] = m;
  const scale = short ?? word;
  const base = rawNumber(raw);
  return {
    start,
    end: start + whole.length,
    raw,
    value: scale ? base * (scales[scale.toLowerCase()] ?? 1) : base,
    currency: currency ?? undefined,
    scaled: scale !== undefined,
    percent: pct !== undefined,
    plus: plus !== undefined,
    hasComma: raw.includes(","),
    written: false,
    multiple: times !== undefined,
  };
}

function writtenAmounts(text: string): Amount[] {
  const out: Amount[] = [];
  for (const m of text.matchAll(writtenPattern)) {
    const multiplier = writtenValues[(m[1] ?? m[2] ?? m[3] ?? "").toLowerCase()] ?? 1;
    const end = m.index + m[0].length;
    const next = /^\s+(\p{L}+)/u.exec(text.slice(end, end + 20))?.[1]?.toLowerCase();
    if (next && idiomNouns.has(next)) continue;
    // "one in a million", "thanks a million".
    if (
      /\bin\s+$|\b(?:thanks|thank you|thx|ta|cheers)\s+$/i.test(
        text.slice(Math.max(0, m.index - 12), m.index),
      )
    )
      continue;
    out.push({
      start: m.index,
      end,
      raw: m[0],
      value: multiplier * (scales[(m[4] ?? "").toLowerCase()] ?? 1),
      currency: undefined,
      scaled: true,
      percent: false,
      plus: m[5] !== undefined,
      hasComma: false,
      written: true,
      multiple: false,
    });
  }
  return out;
}

function dummy(a: Amount): FoundFigure {
  return {
    text: a.raw,
    start: a.start,
    end: a.end,
    unit: "count",
    clause: "",
    clauseOffset: 0,
    clauseIndex: -1,
  };
}

function rawNumber(raw: string): number {
  return Number(raw.replace(/,/g, ""));
}

function rateOf(word: string): FigureRate {
  const w = word.toLowerCase();
  if (w.startsWith("week")) return "week";
  if (w.startsWith("month")) return "month";
  if (w.startsWith("year") || w.startsWith("annual")) return "year";
  return "day";
}

function clauseAt(clauses: Clause[], at: number): number {
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i];
    if (c && at < c.end) return i;
  }
  return clauses.length - 1;
}

function wordsBefore(text: string, at: number, n: number): string[] {
  const slice = text.slice(Math.max(0, at - 40), at);
  const words = slice.toLowerCase().match(/[\p{L}][\p{L}'’]*/gu) ?? [];
  // Only words after the last hard break count: "file by 6pm: 300 …" does not see "file".
  const cut = Math.max(slice.lastIndexOf("\n"), slice.lastIndexOf(". "));
  const tail =
    cut >= 0
      ? (slice
          .slice(cut)
          .toLowerCase()
          .match(/[\p{L}][\p{L}'’]*/gu) ?? [])
      : words;
  return tail.slice(-n).map((w) => w.replace(/['’]s$/, ""));
}

function wordsOf(clause: string): Set<string> {
  const set = new Set<string>();
  for (const w of clause.toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? []) {
    set.add(w);
    set.add(w.replace(/['’]s$/, ""));
  }
  return set;
}

function hasAny(words: Set<string>, vocabulary: ReadonlySet<string>): boolean {
  for (const w of words) if (vocabulary.has(w)) return true;
  return false;
}

function blankPhoneNumbers(text: string): string {
  let out = text;
  for (const p of phonePatterns) out = out.replace(p, (m) => " ".repeat(m.length));
  return out;
}
