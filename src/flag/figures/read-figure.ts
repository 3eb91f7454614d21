import type { Qualifier } from "../../claims/schema.ts";
import { flagConfig } from "../flag-config.ts";
import type { FlagVocabulary } from "../flag-vocabulary.ts";
import type { Clause } from "../split-clauses.ts";
import { type Amount, amountAt } from "./amounts.ts";
import { type ClauseWords, wordsBefore } from "./clause-words.ts";
import { type NounScan, nounAfter, possessedBefore, thingNamedBefore } from "./counted-noun.ts";
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

// A measure written after the number: "1,000 km", "300mm of rain", "45°C", "12 tonnes".
const measureUnit =
  /^\s?(?:(km|kilomet(?:re|er)s?)|mm|millimet(?:re|er)s?|cm|centimet(?:re|er)s?|kg|kgs|kilos|kilograms?|tonnes?|mph|kph|km\/h|kmh|°\s?[cf]|c(?=[^\p{L}\d-]|$)|degrees|ha|kwh|mwh|gwh|twh)(?![\p{L}\d])/iu;
// "up 7 points", "6 points behind": percentage points, in polls and results.
const pointsAfter =
  /^\s?(?:points?|pts?)(?=\s+(?:behind|ahead|up|down|clear|higher|lower|more|fewer|lead|on|since|from|to|in)\b|\s*[,.;]|\s*$)/i;
const pointsBefore =
  /\b(?:up|down|by|rose|fell|gained|lost|dropped|slipped|climbed|jumped|lead of|gap of|swing of)\s+(?:(?:about|around|roughly|nearly|almost|over|some|just|more than|less than)\s+)?$/i;
const multipleTimes =
  /^\s+times\s+(?=(?:more|higher|larger|bigger|greater|fewer|lower|smaller|as|the|that|what)\b)/i;
const notAFigure = (end: number): Read => ({ accepted: false, end, figure: null });
// Words after a measure that do not make it an adjective: "300mm fell", "12 km of front", "5 tonnes a day".
const afterMeasure = new Set(
  `of in on at over across by per a an the and or but than since this last overnight so far to from into within
   fell fall falls fallen hit hits was were is are had has have came come rose rise rising before after until
   while when as for with during through between against without about around near up down out off then now
   still already yet each every in total altogether`.split(/\s+/),
);

/** A measure followed by a noun it describes: "155mm shell", "a 10km stretch" (not "10 km stretch of road"). */
function describesNoun(after: string): boolean {
  const next = /^\s+(\p{Ll}[\p{L}'’-]*)/u.exec(after)?.[1];
  if (next === undefined || afterMeasure.has(next) || /ed$/.test(next)) return false;
  // "1,000 km front line": a line of the news; only the newsroom's own things make it an adjective.
  return !/^(?:front|frontline|border|stretch|line|coast|coastline|long|wide|deep|high|away|north|south|east|west|inland)$/.test(
    next,
  );
}

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
  let measured = false;
  let points = false;
  let compound: NounScan | undefined;
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
    else if (measureUnit.test(after)) {
      const m = measureUnit.exec(after);
      const length = m?.[0].length ?? 0;
      // "155mm shell explainer", "a 35mm lens": the measure describes a thing; "300mm fell", "641 mm of rain" claim.
      if (!a.scaled && !a.hasComma && describesNoun(text.slice(end + length, end + length + 30)))
        return "skip";
      if (m?.[1]) isKm = true;
      else measured = true;
      end += length;
    } else if (
      !a.percent &&
      !a.currency &&
      pointsAfter.test(after) &&
      pointsBefore.test(text.slice(Math.max(0, a.start - 24), a.start))
    ) {
      percent = true;
      points = true;
      end += pointsAfter.exec(after)?.[0].length ?? 0;
    } else if (!a.percent && !a.currency && /^\s?(?:points?|pts?)\s+(?:behind|ahead|clear)\b/i.test(after)) {
      percent = true;
      points = true;
      end += /^\s?(?:points?|pts?)/i.exec(after)?.[0].length ?? 0;
    } else if (/^\p{L}/u.test(after)) return "skip";
    else if (/^-\p{L}/u.test(after) && !/^-to-\d/i.test(after)) {
      // "600-word", "3-hour": a compound adjective, a claim only when it is a counted noun ("1,000-km", "7-seat").
      const word = /^-(\p{L}+)/u.exec(after)?.[1]?.toLowerCase() ?? "";
      const unit = vocabulary.counted.get(word) ?? vocabulary.counted.get(`${word}s`);
      if (word === "km" || word === "kilometre" || word === "kilometer") isKm = true;
      else if (word === "fold" && !a.percent && !a.currency) {
        multiple = true;
        end += word.length + 1;
      } else if (unit) {
        compound = { unit, word, logistics: false };
        end += word.length + 1;
      } else return "skip";
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
  const noun: NounScan =
    compound ??
    (measured
      ? { unit: "count", word: "measure", logistics: false }
      : nounAfter(text.slice(end, end + 80), context, vocabulary, {
          large: a.scaled || a.written || pivot >= flagConfig.largeCountMin,
          grouped: a.hasComma && pivot >= flagConfig.bareNumberMin,
        }));
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
    if (thing && possessedBefore(beforeWords, vocabulary))
      Object.assign(noun, { unit: "count", word: thing });
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
    beforeWords: start === a.start ? beforeWords : undefined,
    end,
    pivot,
    percent,
    currency,
    ratio,
    km: isKm,
    multiple,
    share: share !== undefined,
    points,
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
