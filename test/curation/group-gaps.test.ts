import { beforeAll, describe, expect, it } from "vitest";
import { loadIndex } from "../../src/claims/load-index.ts";
import { groupGaps } from "../../src/curation/group-gaps.ts";
import type { GapRecord } from "../../src/curation/proposal.ts";
import { Vocabulary } from "../../src/match/vocabulary.ts";

const FIXTURE = "test/curation/fixtures/export-story";

let vocabulary: Vocabulary;
beforeAll(async () => {
  const { index } = await loadIndex({ dataDirs: [FIXTURE] });
  vocabulary = new Vocabulary(index.concepts);
});

let clock = Date.parse("2025-03-05T08:00:00.000Z");
/** Gaps a minute apart, in the order written. */
function ask(question: string, user: string | null = "U1", extra: Partial<GapRecord> = {}): GapRecord {
  clock += 60_000;
  return {
    kind: "no-match",
    question,
    user,
    channel: "C1",
    topicId: null,
    at: new Date(clock).toISOString(),
    ...extra,
  };
}

describe("groupGaps", () => {
  it("puts three reporters' wordings of the quake toll in one group, and turnout in another", () => {
    const gaps = [
      ask("how many dead in the quake", "U1"),
      ask("turnout in Lisbon", "U2"),
      ask("quake death toll?", "U2"),
      ask("what's the earthquake toll", "U3"),
    ];
    const groups = groupGaps(gaps, { vocabulary });
    expect(groups.map((g) => g.count)).toEqual([3, 1]);
    expect(groups[0]?.wordings).toEqual(
      expect.arrayContaining([
        "how many dead in the quake",
        "quake death toll?",
        "what's the earthquake toll",
      ]),
    );
    expect(groups[0]?.askers).toEqual(["U1", "U2", "U3"]);
    expect(groups[1]?.wording).toBe("turnout in Lisbon");
  });

  it("keeps one quantity asked about two places apart", () => {
    const groups = groupGaps([ask("turnout in Lisbon"), ask("turnout in Porto"), ask("Lisbon turnout?")], {
      vocabulary,
    });
    expect(groups.map((g) => [g.count, g.wording])).toEqual([
      [2, "Lisbon turnout?"],
      [1, "turnout in Porto"],
    ]);
  });

  it("keeps one measure asked about two events apart, and joins a compound to its head word", () => {
    const groups = groupGaps(
      [
        ask("homes destroyed by the flood"),
        ask("how many homes did the quake destroy"),
        ask("wildfire deaths"),
        ask("fire death toll"),
      ],
      { vocabulary },
    );
    expect(groups.map((g) => g.count).sort()).toEqual([1, 1, 2]);
    expect(groups[0]?.wordings).toEqual(["fire death toll", "wildfire deaths"]);
  });

  it("shows the most often asked wording, whatever its case and question mark", () => {
    const groups = groupGaps(
      [
        ask("Quake death toll?"),
        ask("quake death toll"),
        ask("death toll in the quake"),
        ask("quake death toll ?"),
      ],
      { vocabulary },
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]?.wording).toBe("quake death toll ?");
    expect(groups[0]?.wordings).toEqual(["quake death toll ?", "death toll in the quake"]);
  });

  it("shows the latest wording when each was asked once", () => {
    const groups = groupGaps([ask("quake death toll"), ask("how many died in the quake")], { vocabulary });
    expect(groups[0]?.wording).toBe("how many died in the quake");
  });

  it("counts kinds and distinct askers, and lists the topics answered for 'not what I asked'", () => {
    const groups = groupGaps(
      [
        ask("quake death toll", "U1"),
        ask("quake death toll", "U1", { kind: "not-what-i-asked", topicId: "quake-homes-destroyed" }),
        ask("quake deaths", null),
        ask("how many killed in the earthquake", "U2", { kind: "not-what-i-asked", topicId: "flood-killed" }),
      ],
      { vocabulary },
    );
    expect(groups).toHaveLength(1);
    const [g] = groups;
    expect(g?.count).toBe(4);
    expect(g?.askers).toEqual(["U1", "U2"]);
    expect(g?.kinds).toEqual({ noMatch: 2, notWhatIAsked: 2 });
    expect(g?.answeredTopicIds).toEqual(["quake-homes-destroyed", "flood-killed"]);
  });

  it("orders groups by how often they were asked, then by the most recent, with first and last asked", () => {
    const a1 = ask("turnout in Lisbon");
    const b1 = ask("homes destroyed by the flood");
    const c1 = ask("quake death toll");
    const b2 = ask("flood homes destroyed?");
    const groups = groupGaps([c1, b2, a1, b1], { vocabulary });
    expect(groups.map((g) => g.wording)).toEqual([
      "flood homes destroyed?",
      "quake death toll",
      "turnout in Lisbon",
    ]);
    expect(groups[0]).toMatchObject({ firstAt: b1.at, lastAt: b2.at });
  });

  it("groups an identical question with no content words with itself, and with nothing else", () => {
    const groups = groupGaps([ask("how many?"), ask("How many"), ask("what's the latest?")], { vocabulary });
    expect(groups.map((g) => g.count)).toEqual([2, 1]);
  });

  it("needs a stricter similarity to group loosely related wordings when configured so", () => {
    const gaps = [ask("how many dead in the quake"), ask("what's the earthquake toll")];
    expect(groupGaps(gaps, { vocabulary })).toHaveLength(1);
    expect(groupGaps(gaps, { vocabulary, config: { minSimilarity: 0.95 } })).toHaveLength(2);
  });

  it("gives nothing for no gaps", () => {
    expect(groupGaps([])).toEqual([]);
  });
});
