/**
 * Hand-made answers for unit tests of the Block Kit builders: no claims index, no matcher, just the
 * shapes the core returns, with whatever sizes and text a test needs.
 */
import type { Disagreement, Match, ShownClaim } from "../../src/answer/types.ts";
import type { Topic } from "../../src/claims/schema.ts";

export const fixtureTopic: Topic = {
  id: "ru-killed",
  title: "Russian military killed since 24 Feb 2022",
  subject: "Russia",
  measure: "killed",
  period: "cumulative since 24 Feb 2022",
  unit: "people",
  review_days: 30,
  aliases: ["russian soldiers killed"],
  key: true,
  related: [],
};

export interface ShownOptions {
  figure?: string;
  value?: number;
  sourceName?: string;
  sourceId?: string;
  outlet?: string;
  dateText?: string;
  ageDays?: number;
  quote?: string;
  unattributed?: boolean;
  documentFile?: string;
}

export function shown(options: ShownOptions = {}): ShownClaim {
  const value = options.value ?? 250_000;
  const sourceId = options.sourceId ?? "uk-mod";
  const document = {
    id: "thin-line-news-2025-06-13",
    file: options.documentFile ?? "003_52e54b49f32cf5ad.txt",
    outlet: options.outlet ?? "Thin Line News",
    headline: "Russian casualties pass one million",
    published: "2025-06-13",
  };
  const quote = options.quote ?? "with approximately 250,000 killed in action";
  return {
    claim: {
      id: `${sourceId}-claim-${value}`,
      topic: fixtureTopic.id,
      value,
      as_of: "2025-06-13",
      source: sourceId,
      unattributed: options.unattributed ?? false,
      document: document.id,
      quote,
    },
    figure: { value, unit: "people", text: options.figure ?? value.toLocaleString("en-GB") },
    source: {
      id: sourceId,
      name: options.sourceName ?? "UK Ministry of Defence",
      aliases: [],
      kind: "government",
    },
    document,
    reports: [{ document, quote, claimId: `${sourceId}-claim-${value}` }],
    dateText: options.dateText ?? "13 Jun 2025",
    ageText: "5 months ago",
    ageDays: options.ageDays ?? 160,
  };
}

export function disagreement(options: ShownOptions & { difference?: string } = {}): Disagreement {
  return {
    ...shown(options),
    difference: { absolute: 1, relative: 0.1, text: options.difference ?? "550,000 higher (+220%)" },
  };
}

export function fixtureMatch(overrides: Partial<Match> = {}): Match {
  const headline = shown();
  return {
    topic: fixtureTopic,
    confidence: 0.9,
    headline,
    headlineReason: "latest",
    related: [],
    review: null,
    disagreements: [
      disagreement({
        figure: "800,000",
        sourceName: "CC News Network",
        sourceId: "cc",
        outlet: "CC News Network",
        unattributed: true,
      }),
    ],
    agreements: [],
    history: [headline],
    ...overrides,
  };
}

/** `n` disagreeing sources named "Monitor 0001" …, each line about `padding` characters longer than usual. */
export function manyDisagreements(n: number, padding = 0): Disagreement[] {
  return Array.from({ length: n }, (_, i) =>
    disagreement({
      figure: `${(1000 + i).toLocaleString("en-GB")}`,
      value: 1000 + i,
      sourceName: `Monitor ${String(i + 1).padStart(4, "0")}${"x".repeat(padding)}`,
      sourceId: `monitor-${i + 1}`,
      outlet: "Widget Times",
    }),
  );
}
