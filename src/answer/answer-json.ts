import type { Answer, ShownClaim } from "./types.ts";

export interface ClaimJson {
  id: string;
  figure: { value?: number; low?: number; high?: number; qualifier?: string; unit: string; text: string };
  as_of: string;
  source: { name: string };
  outlet: { name: string; seed: string };
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
  };
  suggestions: Array<{ topic: { id: string; title: string }; confidence: number }>;
}

export function claimToJson(c: ShownClaim): ClaimJson {
  return {
    id: c.claim.id,
    figure: c.figure,
    as_of: c.claim.as_of,
    source: { name: c.source.name },
    outlet: { name: c.seed.outlet, seed: c.seed.file },
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
        }
      : null,
    suggestions: a.suggestions,
  };
}
