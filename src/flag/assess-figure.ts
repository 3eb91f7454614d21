import type { Match, ShownClaim, TallyCore } from "../answer/types.ts";
import type { Topic } from "../claims/schema.ts";
import type { FigureUnit, FoundFigure } from "./figures/types.ts";
import { type FlagConfig, flagConfig } from "./flag-config.ts";

/**
 * What the index says about one unsourced figure:
 * - agrees: it matches a claim on the topic (the latest, or another source's current figure);
 * - outdated: it matches an older claim, and the latest figure differs;
 * - contradicts: it matches nothing on the topic, or only a restatement, while the same number is a
 *   different measure of the same subject (800,000 "killed" is the killed-and-wounded total);
 * - unknown: no topic in the index matches the clause.
 */
export type Assessment =
  | { kind: "agrees"; topic: Topic; claim: ShownClaim; latest: ShownClaim }
  | { kind: "outdated"; topic: Topic; claim: ShownClaim; latest: ShownClaim }
  | {
      kind: "contradicts";
      topic: Topic;
      latest: ShownClaim;
      sameNumber: { topic: Topic; claim: ShownClaim } | null;
    }
  | { kind: "unknown" };

/** `query` is what to ask the index (see figure-query.ts); the figure's clause by default. */
export function assessFigure(
  figure: FoundFigure,
  core: TallyCore,
  query: string = figure.clause,
  config: FlagConfig = flagConfig,
): Assessment {
  const match = matchFor(figure, query, core, config);
  if (!match) return { kind: "unknown" };
  const latest = latestClaim(match);
  const onTopic = bestAgreeing(figure, match.history, config);
  const elsewhere = sameNumberElsewhere(figure, match.topic, core, config);
  // A restatement (the outlet's own, unattributed) that another measure's source contradicts is a mix-up.
  if (elsewhere && (!onTopic || (onTopic.claim.unattributed && !elsewhere.claim.claim.unattributed))) {
    return { kind: "contradicts", topic: match.topic, latest, sameNumber: elsewhere };
  }
  if (!onTopic) return { kind: "contradicts", topic: match.topic, latest, sameNumber: null };
  const latestAgrees = figureAgrees(figure, latest, config);
  if (latestAgrees) return { kind: "agrees", topic: match.topic, claim: latest, latest };
  if (onTopic.ageDays > latest.ageDays)
    return { kind: "outdated", topic: match.topic, claim: onTopic, latest };
  return { kind: "agrees", topic: match.topic, claim: onTopic, latest };
}

/** The matched topic, if confident and in the figure's unit; else the best suggestion in exactly its unit. */
function matchFor(figure: FoundFigure, query: string, core: TallyCore, config: FlagConfig): Match | null {
  const answer = core.ask(query);
  if (answer.match && answer.match.confidence >= config.minMatchConfidence) {
    return unitsCompatible(figure.unit, answer.match.topic.unit) ? answer.match : null;
  }
  for (const s of answer.suggestions) {
    if (s.confidence < config.minSuggestionConfidence) break;
    const m = core.answerTopic(s.topic.id)?.match;
    if (m && sameUnit(figure.unit, m.topic.unit)) return m;
  }
  return null;
}

// Units a topic measures in that a head count never is: money, shares, ratios, distances.
const measuredUnits = new Set(["usd", "eur", "gbp", "percent", "ratio", "km"]);

/**
 * A figure's unit against a topic's (free text: "people", "usd", "homes", "seats" …). A count, of people or of
 * things, may be any topic's that counts; money, shares, ratios and distances only their own.
 */
function unitsCompatible(figure: FigureUnit, topic: string): boolean {
  if (figure === topic) return true;
  if (figure === "money") return topic === "eur" || topic === "gbp";
  if (figure === "count" || figure === "people") return !measuredUnits.has(topic);
  return false;
}

/** Exactly the figure's unit, for a suggestion taken when the matcher abstains: a thing counted is a thing. */
function sameUnit(figure: FigureUnit, topic: string): boolean {
  if (figure === "count") return !measuredUnits.has(topic) && topic !== "people";
  return unitsCompatible(figure, topic) && (figure !== "people" || topic === "people");
}

function latestClaim(match: Match): ShownClaim {
  return match.headlineReason === "latest" ? match.headline : (match.history[0] ?? match.headline);
}

type Closeness = "rounded" | "exact";

function bestAgreeing(
  figure: FoundFigure,
  claims: readonly ShownClaim[],
  config: FlagConfig,
  closeness: Closeness = "rounded",
): ShownClaim | null {
  let best: ShownClaim | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of claims) {
    if (!figureAgrees(figure, c, config, closeness)) continue;
    const d = Math.abs(midpoint(figure) - claimMidpoint(c)) / Math.max(1, claimMidpoint(c));
    // History is newest first: on a tie the newer claim stays.
    if (d < bestDistance - 1e-9) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** The same number as a claim on another topic about the same subject and in the same unit. */
function sameNumberElsewhere(
  figure: FoundFigure,
  topic: Topic,
  core: TallyCore,
  config: FlagConfig,
): { topic: Topic; claim: ShownClaim } | null {
  for (const other of core.topics()) {
    if (other.id === topic.id || other.subject !== topic.subject || other.unit !== topic.unit) continue;
    // Compare like periods only: a per-day rate is not a cumulative total.
    if (isRate(other) !== isRate(topic)) continue;
    const history = core.answerTopic(other.id)?.match?.history ?? [];
    const claim = bestAgreeing(figure, history, config, "exact");
    if (claim && !claim.claim.unattributed) return { topic: other, claim };
  }
  return null;
}

/** A topic whose period is a rate ("per day", "a month on average", "daily"), not a running total. */
function isRate(topic: Topic): boolean {
  return /\b(?:per|a|an|each|every)\s+(?:day|week|month|year)\b|\b(?:daily|weekly|monthly)\b/i.test(
    topic.period,
  );
}

/**
 * Whether a figure as written and a claim can be the same number: "rounded" allows rounding, qualifiers
 * and ranges; "exact" (for "the same number on another measure") only the small relative tolerance.
 */
export function figureAgrees(
  figure: FoundFigure,
  claim: ShownClaim,
  config: FlagConfig = flagConfig,
  closeness: Closeness = "rounded",
): boolean {
  if (closeness === "exact") {
    const c = claimMidpoint(claim);
    return Math.abs(midpoint(figure) - c) <= config.agreeRelative * c;
  }
  const [fLow, fHigh] = figureInterval(figure, config);
  const [cLow, cHigh] = claimInterval(claim, config);
  return fLow <= cHigh && cLow <= fHigh;
}

function figureInterval(f: FoundFigure, config: FlagConfig): [number, number] {
  if (f.value === undefined) {
    const low = f.low ?? 0;
    const high = f.high ?? low;
    return [low * (1 - config.agreeRelative), high * (1 + config.agreeRelative)];
  }
  const v = f.value;
  const rounding = Math.min(roundingStep(v) / 2, config.maxRoundingRelative * v);
  const tolerance = Math.max(config.agreeRelative * v, rounding);
  switch (f.qualifier) {
    case "over":
    case "at-least":
      return [v - tolerance, v * (1 + config.oneSidedRelative)];
    case "nearly":
    case "up-to":
      return [v * (1 - config.oneSidedRelative), v + tolerance];
    case "about":
      return [
        v - Math.max(tolerance, config.aboutRelative * v),
        v + Math.max(tolerance, config.aboutRelative * v),
      ];
    default:
      return [v - tolerance, v + tolerance];
  }
}

function claimInterval(c: ShownClaim, config: FlagConfig): [number, number] {
  const { value, low, high, qualifier } = c.figure;
  if (value === undefined) return [low ?? 0, high ?? low ?? 0];
  switch (qualifier) {
    case "over":
    case "at-least":
      return [value, value * (1 + config.oneSidedRelative)];
    case "nearly":
    case "up-to":
      return [value * (1 - config.oneSidedRelative), value];
    case "about":
      return [value * (1 - config.aboutRelative), value * (1 + config.aboutRelative)];
    default:
      return [value, value];
  }
}

/** 800,000 is written to the nearest 100,000; 765,110 to the nearest 10. */
function roundingStep(v: number): number {
  if (!Number.isInteger(v) || v === 0) return 0;
  let step = 1;
  while (v % (step * 10) === 0 && step < 1e12) step *= 10;
  return step;
}

function midpoint(f: FoundFigure): number {
  return f.value ?? ((f.low ?? 0) + (f.high ?? f.low ?? 0)) / 2;
}

function claimMidpoint(c: ShownClaim): number {
  const { value, low, high } = c.figure;
  return value ?? ((low ?? 0) + (high ?? low ?? 0)) / 2;
}
