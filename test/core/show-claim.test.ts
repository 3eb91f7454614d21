import path from "node:path";
import { describe, expect, it } from "vitest";
import { claimToJson } from "../../src/answer/answer-json.ts";
import { joinNames, reportOutlets } from "../../src/answer/report-outlets.ts";
import { showClaim } from "../../src/answer/show-claim.ts";
import { loadIndex } from "../../src/claims/load-index.ts";

const flood = "test/fixtures/claims-index/flood";
const now = new Date("2025-04-20T00:00:00Z");

async function shownFor(claimId: string) {
  const { index } = await loadIndex({ dataDirs: [flood], documentsDirs: [path.join(flood, "texts")] });
  const claim = index.claims.find((c) => c.id === claimId);
  const topic = claim && index.topicById.get(claim.topic);
  if (!claim || !topic) throw new Error(`fixture has no claim ${claimId}`);
  return showClaim(claim, topic, index, now);
}

describe("a claim reported by several documents", () => {
  it("is shown once, with its own document and every report", async () => {
    const shown = await shownFor("rea-flood-displaced-2025-03-04-river-post");
    expect(shown.document.outlet).toBe("River Post");
    expect(shown.reports.map((r) => r.document.id)).toEqual([
      "river-post-2025-03-05",
      "valley-daily-2025-03-04",
    ]);
    expect(joinNames(reportOutlets(shown))).toBe("River Post and The Valley Daily");
  });

  it("lists every report in the JSON answer, with the file and url each document has", async () => {
    const json = claimToJson(await shownFor("rea-flood-displaced-2025-03-04-river-post"));
    expect(json.outlet).toEqual({
      name: "River Post",
      document: "river-post-2025-03-05",
      seed: "river-post-2025-03-05.txt",
      url: "https://example.org/river-post/floods",
    });
    expect(json.reports).toEqual([
      {
        outlet: "River Post",
        document: "river-post-2025-03-05",
        url: "https://example.org/river-post/floods",
        seed: "river-post-2025-03-05.txt",
      },
      {
        outlet: "The Valley Daily",
        document: "valley-daily-2025-03-04",
        seed: "valley-daily-2025-03-04.txt",
      },
    ]);
  });

  it("gives a url-only document no seed file", async () => {
    const json = claimToJson(await shownFor("coast-wire-flood-killed-2025-03-05"));
    expect(json.outlet).toEqual({
      name: "Coast Wire",
      document: "coast-wire-2025-03-05",
      url: "https://example.org/coast-wire/flood-toll",
    });
    expect(json.reports).toHaveLength(1);
  });
});

describe("joinNames", () => {
  it("lists names as a newsroom does", () => {
    expect(joinNames([])).toBe("");
    expect(joinNames(["A"])).toBe("A");
    expect(joinNames(["A", "B", "C"])).toBe("A, B and C");
  });
});
