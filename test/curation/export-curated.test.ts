import { beforeAll, describe, expect, it } from "vitest";
import type { ClaimsIndex } from "../../src/claims/claims-index.ts";
import { loadIndex } from "../../src/claims/load-index.ts";
import { exportCurated } from "../../src/curation/export-curated.ts";
import type { Retirement } from "../../src/curation/proposal.ts";
import {
  approvedProposal,
  EXPORT_STORY_DIR,
  newQuantityProposal,
  storyClaim,
} from "./export-story-proposals.ts";

let index: ClaimsIndex;
beforeAll(async () => {
  const loaded = await loadIndex({ dataDirs: [EXPORT_STORY_DIR] });
  expect(loaded.problems).toEqual([]);
  index = loaded.index;
});

const retirement = (claimId: string, overrides: Partial<Retirement> = {}): Retirement => ({
  claimId,
  by: "U0CURATOR",
  at: "2025-03-08T16:30:00.000Z",
  reason: null,
  replacedBy: null,
  ...overrides,
});

describe("exportCurated", () => {
  it("writes a new figure with who proposed and approved it, when, and its Slack permalink", () => {
    const result = exportCurated({
      index,
      approved: [approvedProposal("p-1", { claims: [storyClaim("c-52")] })],
      retirements: [],
    });
    expect(result.claims).toEqual([
      {
        ...storyClaim("c-52"),
        provenance: {
          proposed_by: "U0PROPOSER",
          proposed_at: "2025-03-06T09:00:00.000Z",
          approved_by: "U0CURATOR",
          approved_at: "2025-03-06T10:00:00.000Z",
          permalink: "https://slack.example/archives/p-1",
          proposal: "p-1",
        },
      },
    ]);
    expect(result.topics).toEqual([]);
    expect(result.skipped).toEqual([]);
  });

  it("leaves the permalink out when the figure was not added from a message", () => {
    const p = approvedProposal("p-1", { claims: [storyClaim("c-52")] }, { origin: null });
    const [claim] = exportCurated({ index, approved: [p], retirements: [] }).claims;
    expect(claim?.provenance).not.toHaveProperty("permalink");
  });

  it("writes the new topic, source and document a proposal adds, and none data/ already has", () => {
    const p = newQuantityProposal("p-2");
    const document = index.documentById.get("valley-wire-2025-03-04");
    const topic = index.topicById.get("quake-killed");
    if (!document || !topic) throw new Error("the fixture has this document and topic");
    p.entries.documents.push({ ...document, headline: "edited" });
    p.entries.topics.push({ ...topic });
    const result = exportCurated({ index, approved: [p, newQuantityProposal("p-3")], retirements: [] });
    expect(result.topics.map((t) => t.id)).toEqual(["quake-displaced"]);
    expect(result.sources.map((s) => s.id)).toEqual(["eastvale-relief-agency"]);
    expect(result.documents.map((d) => d.id)).toEqual(["valley-wire-2025-03-07"]);
    expect(result.claims.map((c) => c.id)).toEqual(["relief-agency-quake-displaced-2025-03-07"]);
  });

  it("leaves out a claim data/ has by id, or by the same figure from the same source, topic and date", () => {
    const byId = approvedProposal("p-1", { claims: [storyClaim("council-quake-homes-2025-03-04")] });
    const restated = approvedProposal("p-2", {
      claims: [
        storyClaim("c-41", {
          value: 41,
          as_of: "2025-03-04",
          source: "eastvale-rescue-service",
          quote: "41 people had been killed, rescuers said",
        }),
      ],
    });
    const result = exportCurated({ index, approved: [byId, restated], retirements: [] });
    expect(result.claims).toEqual([]);
    expect(result.skipped.map((s) => [s.claimId, s.reason])).toEqual([
      ["council-quake-homes-2025-03-04", "in-data"],
      ["c-41", "same-figure"],
    ]);
  });

  it("leaves out and names a claim that contradicts a live data/ figure from its source on its date", () => {
    const clash = approvedProposal("p-1", {
      claims: [storyClaim("c-45", { value: 45, as_of: "2025-03-04", source: "eastvale-rescue-service" })],
    });
    const result = exportCurated({ index, approved: [clash], retirements: [] });
    expect(result.claims).toEqual([]);
    expect(result.skipped[0]).toMatchObject({ claimId: "c-45", reason: "conflict" });
    expect(result.skipped[0]?.detail).toContain("rescue-service-quake-killed-2025-03-04 gives 41");
  });

  it("writes a correction of a data/ figure retired in Slack, and says what to add to the retired one", () => {
    const correction = approvedProposal("p-1", {
      claims: [storyClaim("c-45", { value: 45, as_of: "2025-03-04", source: "eastvale-rescue-service" })],
    });
    const result = exportCurated({
      index,
      approved: [correction],
      retirements: [
        retirement("rescue-service-quake-killed-2025-03-04", {
          reason: "miscounted: see correction",
          replacedBy: "c-45",
        }),
      ],
      claimLocations: new Map([
        ["rescue-service-quake-killed-2025-03-04", { file: "data/claims/x.yml", line: 1 }],
      ]),
    });
    expect(result.claims.map((c) => c.id)).toEqual(["c-45"]);
    expect(result.retiredInData).toEqual([
      {
        claimId: "rescue-service-quake-killed-2025-03-04",
        where: { file: "data/claims/x.yml", line: 1 },
        retired: {
          on: "2025-03-08",
          by: "U0CURATOR",
          reason: "miscounted: see correction",
          replaced_by: "c-45",
        },
        lines: [
          "retired:",
          '  on: "2025-03-08"',
          "  by: U0CURATOR",
          '  reason: "miscounted: see correction"',
          "  replaced_by: c-45",
        ],
      },
    ]);
  });

  it("marks a curated figure retired in Slack, on the day it was retired", () => {
    const p = approvedProposal("p-1", { claims: [storyClaim("c-52")] });
    const [claim] = exportCurated({
      index,
      approved: [p],
      retirements: [retirement("c-52", { reason: "withdrawn" })],
    }).claims;
    expect(claim?.retired).toEqual({ on: "2025-03-08", by: "U0CURATOR", reason: "withdrawn" });
    expect(claim?.provenance?.proposal).toBe("p-1");
  });

  it("lists a retirement of a claim it cannot find, and one already marked in data/ not at all", () => {
    const result = exportCurated({ index, approved: [], retirements: [retirement("c-nowhere")] });
    expect(result.unknownRetirements).toEqual(["c-nowhere"]);
    expect(result.retiredInData).toEqual([]);
  });

  it("keeps the first of two approved claims with one id, and of two clashing figures", () => {
    const first = approvedProposal("p-1", { claims: [storyClaim("c-52")] });
    const again = approvedProposal("p-2", { claims: [storyClaim("c-52", { value: 53 })] });
    const clash = approvedProposal("p-3", { claims: [storyClaim("c-53", { value: 53 })] });
    const result = exportCurated({ index, approved: [first, again, clash], retirements: [] });
    expect(result.claims.map((c) => [c.id, c.value])).toEqual([["c-52", 52]]);
    expect(result.skipped.map((s) => [s.claimId, s.reason])).toEqual([["c-53", "conflict"]]);
  });

  it("exports nothing when nothing was approved", () => {
    const result = exportCurated({ index, approved: [], retirements: [] });
    expect([result.topics, result.sources, result.documents, result.claims, result.retiredInData]).toEqual([
      [],
      [],
      [],
      [],
      [],
    ]);
  });
});
