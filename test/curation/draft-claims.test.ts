import { describe, expect, it } from "vitest";
import { buildClaimsIndex } from "../../src/claims/claims-index.ts";
import { loadIndex } from "../../src/claims/load-index.ts";
import type { Source, Topic } from "../../src/claims/schema.ts";
import { draftClaims } from "../../src/curation/draft-claims.ts";

// The shipped figure words, from the copy in the CLI test's fixture; never the live data/ folder.
const { index: fixture } = await loadIndex({ dataDirs: ["test/curation/fixtures/draft-story"] });

// A tiny invented story, built in the test: a harbour fire, its sources and one topic.
const source = (id: string, name: string, kind: string, aliases: string[] = []): Source => ({
  id,
  name,
  kind,
  aliases,
});
const topic: Topic = {
  id: "harrow-fire-evacuated",
  title: "People evacuated from the Harrow quay fire",
  subject: "Harrow residents",
  measure: "evacuated",
  period: "since the fire began",
  unit: "people",
  aliases: ["people evacuated", "evacuees"],
  related: [],
  key: false,
  review_days: 30,
};
const index = buildClaimsIndex(
  [topic],
  [
    source("harrow-fire-service", "Harrow Fire and Rescue Service", "agency", ["the fire service", "HFRS"]),
    source("mayor-okafor", "Mayor Ada Okafor", "person", ["Ada Okafor", "Okafor"]),
    source("quay-monitor", "Quayside Air Monitor", "monitor"),
  ],
  [],
  [],
  [...fixture.concepts],
);
const now = new Date("2026-04-20T12:00:00Z");
// A stand-in matcher: "evacuated" means the one topic.
const matchTopic = (s: string) => (/evacuat/i.test(s) ? { topicId: topic.id, confidence: 0.9 } : null);
const draft = (text: string, published?: string) =>
  draftClaims({ text, ...(published ? { published } : {}) }, { index, matchTopic, now });

describe("draftClaims: figures and quotes", () => {
  it("drafts every figure with its exact sentence as the quote", () => {
    const drafts = draft(
      "About 1,200 people were evacuated, the fire service said. Crews rescued 40 people.",
    );
    expect(drafts.map((d) => [d.figureText, d.sentence])).toEqual([
      ["About 1,200", "About 1,200 people were evacuated, the fire service said."],
      ["40", "Crews rescued 40 people."],
    ]);
    expect(drafts[0]?.reading).toEqual({ value: 1200, qualifier: "about", unit: null });
  });

  it("trims a sentence longer than 400 characters around the figure, on word boundaries", () => {
    const long = `${"The quay was quiet that morning and ".repeat(8)}then 300 people were evacuated ${"as the smoke drifted over the old town and ".repeat(6)}.`;
    const [d] = draft(long);
    expect(d?.sentence.length).toBeLessThanOrEqual(400);
    expect(d?.sentence).toContain("300 people were evacuated");
    expect(long).toContain(d?.sentence);
    expect(d?.sentence).toMatch(/^\S.*\S$/);
  });

  it("reads money and percentages with their units", () => {
    const drafts = draft(
      "Okafor said repairs would cost €2.4m. The monitor said pollution was 40% above normal.",
    );
    expect(drafts.map((d) => d.reading.unit)).toEqual(["eur", "percent"]);
  });
});

describe("draftClaims: attribution", () => {
  it("names a loaded source by its name or alias", () => {
    const [a, b] = draft(
      "The Harrow Fire and Rescue Service said 1,200 people were evacuated. HFRS said 30 were hurt.",
    );
    expect(a?.source).toEqual({ id: "harrow-fire-service" });
    expect(b?.source).toEqual({ id: "harrow-fire-service" });
  });

  it("reads 'she said' and 'the agency said' from the nearest earlier sentence that names a source", () => {
    const drafts = draft(
      "Mayor Ada Okafor visited the quay on Monday. She said 1,200 people had been evacuated. Okafor added that 300 homes were damaged.",
    );
    expect(drafts.map((d) => d.source)).toEqual([{ id: "mayor-okafor" }, { id: "mayor-okafor" }]);
    const agency = draft(
      "Quayside Air Monitor readings were high. Officials said 2,000 people were evacuated.",
    );
    expect(agency[0]?.source).toEqual({ id: "quay-monitor" });
  });

  it("gives the source as the text names it when it is not loaded", () => {
    expect(
      draft("According to the regional health authority, 4,000 people were displaced.")[0]?.source,
    ).toEqual({
      name: "the regional health authority",
    });
    expect(draft("Maria Costa, the port's director, said 6,400 containers were lost.")[0]?.source).toEqual({
      name: "Maria Costa, the port's director",
    });
    expect(draft("About 90 people were hurt, said Tomas Ferrer, a paramedic.")[0]?.source).toEqual({
      name: "Tomas Ferrer, a paramedic",
    });
  });

  it("gives each figure of a sentence the source nearest it", () => {
    const drafts = draft(
      "The fire service counted 1,200 evacuees, while Mayor Ada Okafor put the number at 1,500.",
    );
    expect(drafts.map((d) => d.source)).toEqual([{ id: "harrow-fire-service" }, { id: "mayor-okafor" }]);
  });

  it("leaves a figure nobody gives unattributed", () => {
    expect(draft("Some 150 volunteers joined the clean-up.")[0]?.source).toBeNull();
    // "the United States" is a name, not "the United" stating something.
    expect(draft("The United States has sent 2,000 tents.")[0]?.source).toBeNull();
  });
});

describe("draftClaims: dates", () => {
  it("resolves a date in the sentence against the published date", () => {
    const at = (text: string) => draft(text, "2026-03-11")[0]?.asOf;
    expect(at("As of 3 March, 1,200 people had been evacuated.")).toBe("2026-03-03");
    expect(at("The fire service said on Tuesday that 1,200 people were evacuated.")).toBe("2026-03-10");
    expect(at("By January 7, 2025, 1,200 people had been evacuated.")).toBe("2025-01-07");
    expect(at("Yesterday 1,200 people were evacuated.")).toBe("2026-03-10");
  });

  it("falls back to the published date, and leaves a baseline date alone", () => {
    expect(draft("1,200 people have been evacuated since 2 March.", "2026-03-11")[0]?.asOf).toBe(
      "2026-03-11",
    );
    expect(draft("1,200 people have been evacuated.")[0]?.asOf).toBeNull();
  });

  it("reads the published date from a dateline under the headline", () => {
    const article =
      "Quay fire forces 1,300 from homes\nPublished 2026-05-07\n\nOn Tuesday 1,300 people were evacuated, HFRS said.";
    const drafts = draft(article);
    expect(drafts.map((d) => [d.figureText, d.asOf])).toEqual([
      ["1,300", "2026-05-05"],
      ["1,300", "2026-05-05"],
    ]);
    expect(draft("Quay fire: the count\n14 March 2026\nSome 1,300 people were evacuated.")[0]?.asOf).toBe(
      "2026-03-14",
    );
    expect(draft("Quay fire: the count\n3 Feb (Reuters)\nSome 1,300 people were evacuated.")[0]?.asOf).toBe(
      "2026-02-03",
    );
  });
});

describe("draftClaims: headlines", () => {
  it("drafts a headline figure with the source the body gives the same figure, else none", () => {
    const article =
      "Quay fire forces 1,300 from homes, 12 hurt\nPublished 2026-05-07\n\nSome 1,300 people were evacuated, HFRS said.";
    expect(draft(article).map((d) => [d.sentence, d.source])).toEqual([
      ["Quay fire forces 1,300 from homes, 12 hurt", { id: "harrow-fire-service" }],
      ["Quay fire forces 1,300 from homes, 12 hurt", null],
      ["Some 1,300 people were evacuated, HFRS said.", { id: "harrow-fire-service" }],
    ]);
  });

  it("reads the speaker of a quotation from where it opens or closes", () => {
    const drafts = draft(
      'Mayor Ada Okafor said: "We are heartbroken. We evacuated 1,300 people overnight." "We have 40 crews out," the fire service said.',
    );
    expect(drafts.map((d) => d.source)).toEqual([{ id: "mayor-okafor" }, { id: "harrow-fire-service" }]);
  });
});

describe("draftClaims: topics", () => {
  it("takes the matcher's topic, or proposes one from the counted noun", () => {
    const [evacuated, homes] = draft("About 1,200 people were evacuated. The fire destroyed 40 warehouses.");
    expect(evacuated?.topic).toEqual({ id: topic.id, confidence: 0.9 });
    expect(homes?.topic).toEqual({
      proposed: { subject: null, measure: "destroyed", unit: "warehouses", thing: "warehouses" },
    });
  });

  it("proposes a new topic when the matched topic's unit cannot hold the figure", () => {
    const [d] = draft("Evacuation costs reached $6bn, the mayor said.");
    expect(d?.topic).toMatchObject({ proposed: { unit: "usd" } });
  });

  it("drafts from a Slack message's text, markup and all", () => {
    const [d] = draft(
      "<https://example.org/fire|Report>: *about 1,200* people evacuated, per <@U123> the fire service",
    );
    expect(d?.figureText).toBe("about 1,200");
    expect(d?.topic).toEqual({ id: topic.id, confidence: 0.9 });
  });
});
