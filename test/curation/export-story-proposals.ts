import type { Claim } from "../../src/claims/schema.ts";
import type { Proposal, ProposalEntries } from "../../src/curation/proposal.ts";

/** The invented data folder the export tests write into (copied first: tests never write to it). */
export const EXPORT_STORY_DIR = "test/curation/fixtures/export-story";

/** A claim on the fixture's story, from a fixture source and document unless told otherwise. */
export function storyClaim(id: string, overrides: Partial<Claim> = {}): Claim {
  return {
    id,
    topic: "quake-killed",
    value: 52,
    as_of: "2025-03-06",
    source: "eastvale-council",
    unattributed: false,
    document: "valley-wire-2025-03-04",
    quote: "the council put the number of dead at 52",
    ...overrides,
  };
}

/** An approved proposal adding `entries` (by default only `claims`). */
export function approvedProposal(
  id: string,
  entries: Partial<ProposalEntries>,
  overrides: Partial<Proposal> = {},
): Proposal {
  return {
    id,
    status: "approved",
    entries: { topics: [], sources: [], documents: [], claims: [], ...entries },
    figureText: "52",
    corrects: null,
    answers: null,
    origin: {
      channel: "C0NEWS",
      messageTs: "1741255200.000100",
      permalink: `https://slack.example/archives/${id}`,
    },
    proposedBy: "U0PROPOSER",
    proposedAt: "2025-03-06T09:00:00.000Z",
    decision: { by: "U0CURATOR", at: "2025-03-06T10:00:00.000Z", reason: null },
    review: { channel: "C0REVIEW", ts: "1741255300.000100" },
    ...overrides,
  };
}

/** A new topic, source and document with a claim on them. */
export function newQuantityProposal(id: string): Proposal {
  return approvedProposal(id, {
    topics: [
      {
        id: "quake-displaced",
        title: "People displaced by the March 2025 Eastvale earthquake",
        subject: "Eastvale",
        measure: "people displaced",
        period: "cumulative since 3 Mar 2025",
        unit: "people",
        place: "Eastvale district",
        aliases: ["people displaced by the quake"],
        related: [],
        key: false,
        review_days: 7,
      },
    ],
    sources: [{ id: "eastvale-relief-agency", name: "Eastvale Relief Agency", aliases: [], kind: "ngo" }],
    documents: [
      {
        id: "valley-wire-2025-03-07",
        outlet: "Valley Wire",
        headline: "Thousands sleep outside after Eastvale quake",
        published: "2025-03-07",
        url: "https://example.org/valley-wire/displaced",
      },
    ],
    claims: [
      storyClaim("relief-agency-quake-displaced-2025-03-07", {
        topic: "quake-displaced",
        value: 4000,
        qualifier: "over",
        as_of: "2025-03-07",
        source: "eastvale-relief-agency",
        document: "valley-wire-2025-03-07",
        quote: "more than 4,000 people have been displaced, the relief agency said",
      }),
    ],
  });
}
