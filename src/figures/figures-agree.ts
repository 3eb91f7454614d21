import type { Qualifier } from "../claims/schema.ts";

/** How far below and above its number (fractions of it) a figure lets the true value lie. */
export interface Reach {
  below: number;
  above: number;
}

export interface AgreementConfig {
  roundingTolerance: number;
  qualifierReach: Readonly<Record<Qualifier, Readonly<Reach>>>;
}

/**
 * When two figures count as the same figure. Each figure stands for the values it allows: a plain number
 * itself give or take rounding, a range its span, and a qualifier widens that ("nearly 2,000" allows 1,900 to
 * 2,000). Two figures agree when the values they allow overlap, so "nearly 2,000" and 1,970 agree, and
 * "about 250,000" and "about 198,000" do not.
 */
export const agreementConfig: Readonly<AgreementConfig> = Object.freeze({
  /**
   * Rounding, each way: a plain figure allows this fraction below and above it, so two plain figures within
   * about half a percent of each other are the same figure ("250,000" and "249,000"; not "247,000").
   */
  roundingTolerance: 0.0025,
  /** How far below and above its number (fractions of it) each qualifier lets the true figure lie. */
  qualifierReach: Object.freeze({
    // "about 250,000" is a rounded figure: a couple of percent either way, not "anywhere near".
    about: Object.freeze({ below: 0.025, above: 0.025 }),
    // "nearly 2,000" is just under: 1,970 is nearly 2,000, 1,800 is not.
    nearly: Object.freeze({ below: 0.05, above: 0 }),
    // "over 1 million" is a floor said of a figure somewhat above it: 1.05 million, 1.2 million at most.
    over: Object.freeze({ below: 0, above: 0.2 }),
    // "at least 500" is a floor from what could be confirmed; the true count is often well above it.
    "at-least": Object.freeze({ below: 0, above: 0.5 }),
    // "up to 12,000" is a ceiling; 10,000–12,000 fits under it.
    "up-to": Object.freeze({ below: 0.5, above: 0 }),
  }),
});

export interface AgreementFigure {
  value?: number | undefined;
  low?: number | undefined;
  high?: number | undefined;
  qualifier?: Qualifier | undefined;
}

/** The values a figure allows, as [lowest, highest]. */
export function allowedSpan(
  f: AgreementFigure,
  config: Readonly<AgreementConfig> = agreementConfig,
): [number, number] {
  const low = f.value ?? f.low ?? 0;
  const high = f.value ?? f.high ?? low;
  const reach = f.qualifier ? config.qualifierReach[f.qualifier] : { below: 0, above: 0 };
  const below = Math.max(reach.below, config.roundingTolerance);
  const above = Math.max(reach.above, config.roundingTolerance);
  return [low * (1 - below), high * (1 + above)];
}

/** Whether two figures on one topic say the same thing, once their qualifiers and rounding are allowed for. */
export function figuresAgree(
  a: AgreementFigure,
  b: AgreementFigure,
  config: Readonly<AgreementConfig> = agreementConfig,
): boolean {
  const [aLow, aHigh] = allowedSpan(a, config);
  const [bLow, bHigh] = allowedSpan(b, config);
  return aLow <= bHigh && bLow <= aHigh;
}
