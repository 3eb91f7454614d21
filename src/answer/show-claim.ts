import type { ClaimsIndex } from "../claims/claims-index.ts";
import type { Claim, Document, Source, Topic } from "../claims/schema.ts";
import { ageInDays, formatAge, formatAsOfDate } from "../figures/format-as-of.ts";
import { formatFigure } from "../figures/format-figure.ts";
import type { ShownClaim } from "./types.ts";

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
  return {
    claim,
    figure: {
      ...(claim.value !== undefined ? { value: claim.value } : {}),
      ...(claim.low !== undefined ? { low: claim.low } : {}),
      ...(claim.high !== undefined ? { high: claim.high } : {}),
      ...(claim.qualifier !== undefined ? { qualifier: claim.qualifier } : {}),
      unit: topic.unit,
      text: formatFigure({ ...claim, unit: topic.unit }),
    },
    source,
    document,
    reports: reports.length > 0 ? reports : [{ document, quote: claim.quote, claimId: claim.id }],
    dateText: formatAsOfDate(claim.as_of),
    ageText: formatAge(claim.as_of, now),
    ageDays: ageInDays(claim.as_of, now),
  };
}
