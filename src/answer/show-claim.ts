import type { ClaimsIndex } from "../claims/claims-index.ts";
import type { Claim, Document, Source, Topic } from "../claims/schema.ts";
import { ageInDays, formatAge, formatAsOfDate } from "../figures/format-as-of.ts";
import { formatFigure } from "../figures/format-figure.ts";
import type { ShownClaim } from "./types.ts";

/*
 * Every answer dresses its headline, each source's latest figure and each related topic's: the texts are worked
 * out once and reused: an index never changes, and an age depends only on the day of the clock (UTC). Bounded,
 * so a long-running process over many dates cannot grow them without end.
 */
const maxDates = 20_000;
const figureTexts = new WeakMap<Claim, { unit: Topic["unit"]; text: string }>();
const dateTexts = new Map<string, string>();
const ages = new Map<string, { at: number; text: string; days: number }>();

function figureText(claim: Claim, unit: Topic["unit"]): string {
  const known = figureTexts.get(claim);
  if (known?.unit === unit) return known.text;
  const text = formatFigure({ ...claim, unit });
  figureTexts.set(claim, { unit, text });
  return text;
}

function dateText(asOf: string): string {
  let text = dateTexts.get(asOf);
  if (text === undefined) {
    if (dateTexts.size >= maxDates) dateTexts.clear();
    text = formatAsOfDate(asOf);
    dateTexts.set(asOf, text);
  }
  return text;
}

function age(asOf: string, now: Date): { text: string; days: number } {
  const at = Math.floor(now.getTime() / 86_400_000);
  let known = ages.get(asOf);
  if (known?.at !== at) {
    if (ages.size >= maxDates) ages.clear();
    known = { at, text: formatAge(asOf, now), days: ageInDays(asOf, now) };
    ages.set(asOf, known);
  }
  return known;
}

/**
 * Dresses a claim for display: newsroom figure text, date, age from the injected clock, source, the document
 * it cites and every document that reports the same figure.
 */
export function showClaim(claim: Claim, topic: Topic, index: ClaimsIndex, now: Date): ShownClaim {
  // A validated index always has both; the fallbacks keep a hand-built index from crashing an answer.
  const document: Document = index.documentById.get(claim.document) ?? {
    id: claim.document,
    outlet: "unknown outlet",
    headline: "",
    published: claim.as_of,
  };
  const source: Source = index.sourceById.get(claim.source) ?? {
    id: claim.source,
    name: claim.source,
    aliases: [],
    kind: "outlet",
  };
  const reports = index.reportsByClaim.get(claim.id) ?? [];
  const { text: ageText, days: ageDays } = age(claim.as_of, now);
  return {
    claim,
    figure: {
      ...(claim.value !== undefined ? { value: claim.value } : {}),
      ...(claim.low !== undefined ? { low: claim.low } : {}),
      ...(claim.high !== undefined ? { high: claim.high } : {}),
      ...(claim.qualifier !== undefined ? { qualifier: claim.qualifier } : {}),
      unit: topic.unit,
      text: figureText(claim, topic.unit),
    },
    source,
    document,
    reports: reports.length > 0 ? reports : [{ document, quote: claim.quote, claimId: claim.id }],
    dateText: dateText(claim.as_of),
    ageText,
    ageDays,
  };
}
