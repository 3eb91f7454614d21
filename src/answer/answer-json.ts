import type { Answer, ShownClaim } from "./types.ts";

export interface ClaimJson {
  id: string;
  figure: { value?: number; low?: number; high?: number; qualifier?: string; unit: string; text: string };
  as_of: string;
  source: { name: string };
  /** The document the claim cites; `seed` is its text copy's file name, when it has one. */
  outlet: { name: string; document: string; seed?: string; url?: string };
  /** Every document reporting this figure, the claim's own first. */
  reports: Array<{ outlet: string; document: string; url?: string; seed?: string }>;
  quote: string;
}

export interface AnswerJson {
  query: string;
  match: null | {
    topic: { id: string; title: string };
    confidence: number;
    headline: ClaimJson;
    disagreements: ClaimJson[];
    agreements: ClaimJson[];
    /** The latest figure on each neighbouring topic, as Slack and the CLI show it beside the answer. */
    related: Array<{ topic: { id: string; title: string }; claim: ClaimJson }>;
    /** What the question named: a source (and whether it has a figure here, so the headline is its own) and a date. */
    requested: null | {
      source: { id: string; name: string; hasFigure: boolean } | null;
      as_of: string | null;
    };
    /** Whether the desk is due to check the topic again (`review_days`). */
    review: null | { review_days: number; last_checked: string; days_since: number; due: boolean };
  };
  suggestions: Array<{ topic: { id: string; title: string }; confidence: number }>;
  /** Why `match` is null when the core can say more than "nothing matched"; null otherwise. */
  reason: null | {
    code: "before-first-figure";
    topic: { id: string; title: string };
    /** The date the question named. */
    asked: string;
    /** The topic's earliest figure in the index. */
    earliest: { as_of: string; claim: ClaimJson };
  };
}

export function claimToJson(c: ShownClaim): ClaimJson {
  return {
    id: c.claim.id,
    figure: c.figure,
    as_of: c.claim.as_of,
    source: { name: c.source.name },
    outlet: {
      name: c.document.outlet,
      document: c.document.id,
      ...(c.document.file !== undefined ? { seed: c.document.file } : {}),
      ...(c.document.url !== undefined ? { url: c.document.url } : {}),
    },
    reports: c.reports.map(({ document: d }) => ({
      outlet: d.outlet,
      document: d.id,
      ...(d.url !== undefined ? { url: d.url } : {}),
      ...(d.file !== undefined ? { seed: d.file } : {}),
    })),
    quote: c.claim.quote,
  };
}

/** The `ask --json` shape: numbers in base units, dates as given. */
export function answerToJson(a: Answer): AnswerJson {
  return {
    query: a.query,
    match: a.match
      ? {
          topic: { id: a.match.topic.id, title: a.match.topic.title },
          confidence: a.match.confidence,
          headline: claimToJson(a.match.headline),
          disagreements: a.match.disagreements.map(claimToJson),
          agreements: a.match.agreements.map(claimToJson),
          related: a.match.related.map((r) => ({
            topic: { id: r.topic.id, title: r.topic.title },
            claim: claimToJson(r.headline),
          })),
          requested: a.match.requested
            ? {
                source: a.match.requested.source
                  ? {
                      id: a.match.requested.source.id,
                      name: a.match.requested.source.name,
                      hasFigure: a.match.headlineReason === "named-source",
                    }
                  : null,
                as_of: a.match.requested.asOf ?? null,
              }
            : null,
          review: a.match.review
            ? {
                review_days: a.match.review.reviewDays,
                last_checked: a.match.review.lastChecked,
                days_since: a.match.review.daysSince,
                due: a.match.review.due,
              }
            : null,
        }
      : null,
    suggestions: a.suggestions,
    reason: a.reason
      ? {
          code: a.reason.code,
          topic: { id: a.reason.topic.id, title: a.reason.topic.title },
          asked: a.reason.asked,
          earliest: { as_of: a.reason.earliest.claim.as_of, claim: claimToJson(a.reason.earliest) },
        }
      : null,
  };
}
