import type { Qualifier } from "../../claims/schema.ts";
import { flagConfig } from "../flag-config.ts";
import type { FlagVocabulary } from "../flag-vocabulary.ts";
import type { Clause } from "../split-clauses.ts";
import { type Amount, amountAt } from "./amounts.ts";
import { type ClauseWords, wordsBefore } from "./clause-words.ts";
import { nounAfter, possessedBefore, thingNamedBefore } from "./counted-noun.ts";
import { isFigureClaim, type Preceding } from "./is-figure-claim.ts";
import { isDate, isModelNumber, isTimeAfter, rejectedByShape } from "./not-amounts.ts";
import { hedgeSuffix, qualifierBefore } from "./qualifiers.ts";
import { readRange, readShare } from "./ranges.ts";
import { rateLaterIn, rateRightAfter } from "./rates.ts";
import type { FigureRate, FigureUnit, FoundFigure } from "./types.ts";

/** One number read in its message: skipped, or read as a figure that is a claim or not. */
export type Read =
  | "skip"
  | {
      accepted: boolean;
      end: number;
      figure: FoundFigure | null;
      /** It counted a noun of its own. */
      counted?: boolean;
      /** It counted logistics (words, minutes, pages). */
      logistics?: boolean;
    };

const km = /^\s?(?:km|kilomet(?:re|er)s?)\b/i;
const multipleTimes =
  /^\s+times\s+(?=(?:more|higher|larger|bigger|greater|fewer|lower|smaller|as|the|that|what)\b)/i;
const notAFigure = (end: number): Read => ({ accepted: false, end, figure: null });

/** Reads the figure that starts with amount `a`: its extent, value, unit, qualifier and rate, and whether it claims. */
export function readFigure(
  text: string,
  a: Amount,
  clause: Clause,
  clauseIndex: number,
  context: ClauseWords,
  preceding: Preceding,
  vocabulary: FlagVocabulary,
): Read {
  const beforeWords = wordsBefore(text, a.start, 3);
  if (!a.written && rejectedByShape(text, a, beforeWords.at(-1))) return "skip";
  if (!a.written && isModelNumber(text, a, vocabulary)) return "skip";
  let end = a.end;
  let low: number | undefined;
  let high: number | undefined;
  let ratio = false;
  let isKm = false;
  let percent = a.percent;
  let currency = a.currency;
  let rangeStart = a.start;
  let multiple = a.multiple;
  let hedge: Qualifier | undefined;
  let after = text.slice(end, end + 40);

  if (!a.written) {
    const suffix = hedgeSuffix(after);
    if (suffix) {
      hedge = suffix.qualifier;
      end += suffix.length;
      after = text.slice(end, end + 40);
    }
    if (/^:\d/.test(after)) {
      // "17:30" is a time; "3:1" a ratio.
      if (!/^:1(?![\w:.])/.test(after) || a.scaled || a.percent || a.currency) return "skip";
      ratio = true;
      end += 2;
    } else if (/^\/\d/.test(after)) return "skip";
    else if (km.test(after)) {
      isKm = true;
      end += km.exec(after)?.[0].length ?? 0;
    } else if (/^\p{L}/u.test(after)) return "skip";
    else if (/^-\p{L}/u.test(after) && !/^-to-\d/i.test(after)) {
      // "600-word", "3-hour": a compound adjective, a claim only when it is a counted noun ("1,000-km").
      const word = /^-(\p{L}+)/u.exec(after)?.[1]?.toLowerCase() ?? "";
      if (word === "km" || word === "kilometre" || word === "kilometer") isKm = true;
      else if (word === "fold" && !a.percent && !a.currency) {
        multiple = true;
        end += word.length + 1;
      } else if (!vocabulary.counted.has(word)) return "skip";
    }
    if (isTimeAfter(after)) return "skip";
    // "3 times more drones", "5 times the level": a multiplier, not "3 times" (occasions).
    const times = multipleTimes.exec(after);
    if (times && !multiple && !a.percent && !a.currency && !a.scaled) {
      multiple = true;
      end += times[0].length;
    }
  }

  let share: number | undefined;
  if (!ratio && !isKm && !multiple && !a.written && !a.scaled && !a.percent && !a.currency) {
    const read = readShare(text, a, end);
    if (read) {
      share = read.percent;
      end = read.end;
    }
  }

  if (!ratio && !isKm && !a.written && share === undefined) {
    const range = readRange(text, a, end);
    if (range?.kind === "not-a-figure") return notAFigure(range.end);
    if (range?.kind === "ratio") {
      ratio = true;
      end = range.end;
    } else if (range?.kind === "range") {
      low = range.low;
      high = range.high;
      percent = percent || range.second.percent;
      multiple = multiple || range.second.multiple;
      currency = currency ?? range.second.currency;
      end = range.end;
      rangeStart = range.start;
    }
  }

  if (!a.written && isDate(text, a, end)) return notAFigure(end);

  let start = rangeStart;
  const q = qualifierBefore(text.slice(Math.max(0, start - 24), start));
  let qualifier = q?.qualifier;
  if (q) start -= q.length;
  if (a.plus && !qualifier) qualifier = "over";
  qualifier ??= hedge;

  let rate: FigureRate | undefined;
  const rateRead = rateRightAfter(text.slice(end, end + 30));
  if (rateRead) {
    rate = rateRead.rate;
    end += rateRead.length;
  }

  const pivot = high ?? a.value;
  const noun = nounAfter(text.slice(end, end + 80), context, vocabulary, {
    large: a.scaled || a.written || pivot >= flagConfig.largeCountMin,
    grouped: a.hasComma && pivot >= flagConfig.bareNumberMin,
  });
  // "28 of 63 drones": the first number counts what the second does.
  if (!noun.unit && !noun.logistics && !percent && !currency) {
    const of = /^\s+of\s+(?:the\s+|all\s+|those\s+|these\s+)?(?=\d)/i.exec(text.slice(end, end + 16));
    const b = of ? amountAt(text, end + of[0].length) : null;
    if (b && !b.percent && !b.currency) {
      const whole = nounAfter(text.slice(b.end, b.end + 80), context, vocabulary, {
        large: false,
        grouped: false,
      });
      if (whole.unit) Object.assign(noun, whole);
    }
  }
  // "HIMARS: they've got 39 now": a thing named earlier in the clause is what a possessed number counts.
  if (!noun.unit && !noun.logistics && !percent && !currency && !multiple) {
    const thing = thingNamedBefore(text, clause.start, a.start, vocabulary);
    if (thing && possessedBefore(beforeWords, vocabulary)) Object.assign(noun, { unit: "count", word: thing });
  }
  if (!rate && noun.unit) rate = rateLaterIn(text.slice(end, end + 50));
  if (!currency && /^\s*(?:us\s+)?dollars\b/i.test(text.slice(end, end + 12))) currency = "$";
  if (!currency && /\bUSD\s*$/.test(text.slice(Math.max(0, a.start - 4), a.start))) currency = "$";
  const value = share ?? (low === undefined ? a.value : undefined);
  const unit = unitOf({
    currency,
    percent: percent || share !== undefined,
    ratio,
    km: isKm,
    multiple,
    noun: noun.unit,
    context,
    vocabulary,
  });
  const figure: FoundFigure = {
    text: text.slice(start, end).trim(),
    start,
    end,
    unit,
    clause: clause.text.trim(),
    clauseOffset: clause.start + (clause.text.length - clause.text.trimStart().length),
    clauseIndex,
    ...(value !== undefined ? { value } : { low, high }),
    ...(qualifier ? { qualifier } : {}),
    ...(rate ? { rate } : {}),
  };
  const accepted = isFigureClaim({
    text,
    a,
    start,
    end,
    pivot,
    percent,
    currency,
    ratio,
    km: isKm,
    multiple,
    share: share !== undefined,
    rate,
    noun,
    context,
    preceding,
    vocabulary,
  });
  return { accepted, end, figure, counted: noun.unit !== undefined, logistics: noun.logistics };
}

function unitOf(f: {
  currency: string | undefined;
  percent: boolean;
  ratio: boolean;
  km: boolean;
  multiple: boolean;
  noun: FigureUnit | undefined;
  context: ClauseWords;
  vocabulary: FlagVocabulary;
}): FigureUnit {
  if (f.multiple) return "multiple";
  if (f.currency) return f.currency.endsWith("$") ? "usd" : "money";
  if (f.percent) return "percent";
  if (f.ratio) return "ratio";
  if (f.km) return "km";
  if (f.noun) return f.noun;
  for (const word of f.context.words) if (f.vocabulary.counted.get(word) === "people") return "people";
  return "count";
}
