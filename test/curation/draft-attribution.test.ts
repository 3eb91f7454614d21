import { describe, expect, it } from "vitest";
import { buildClaimsIndex } from "../../src/claims/claims-index.ts";
import { loadIndex } from "../../src/claims/load-index.ts";
import type { Source } from "../../src/claims/schema.ts";
import { draftClaims } from "../../src/curation/draft-claims.ts";

// The shipped figure words, from the CLI test's fixture; never the live data/ folder.
const { index: fixture } = await loadIndex({ dataDirs: ["test/curation/fixtures/draft-story"] });

// An invented story: a landslide in a valley town, with the sources a desk would have loaded.
const source = (id: string, name: string, kind: string, aliases: string[] = []): Source => ({
  id,
  name,
  kind,
  aliases,
});
const index = buildClaimsIndex(
  [],
  [
    source("valley-rescue", "Valley Rescue Service", "government agency", ["VRS"]),
    source("dunmore-water", "Dunmore Water", "company", ["Lena Hart"]),
    source("water-regulator", "Office of the Water Regulator", "regulator"),
  ],
  [],
  [],
  [...fixture.concepts],
);
const now = new Date("2026-04-20T12:00:00Z");
const draft = (text: string) => draftClaims({ text }, { index, matchTopic: () => null, now });
const sources = (text: string) => draft(text).map((d) => [d.figureText, d.source]);

describe("draftClaims: who 'the ministry', 'she' and 'Santos' are", () => {
  it("reads 'the ministry said' as the ministry an earlier sentence names, loaded or not", () => {
    expect(
      sources(
        "According to the Housing Ministry, 63% of the homes were old. The ministry said inspectors would check 900 more.",
      ),
    ).toEqual([
      ["63%", { name: "the Housing Ministry" }],
      ["900", { name: "Housing Ministry" }],
    ]);
  });

  it("reads 'the centre said' as the centre named earlier in the same sentence", () => {
    expect(
      sources(
        "The National Weather Centre logged 4,100 lightning strikes, the centre said in its report.",
      )[0],
    ).toEqual(["4,100", { name: "The National Weather Centre" }]);
  });

  it("pins down 'the country's rescue agency' by the agency a following sentence names", () => {
    expect(
      sources(
        "The landslide killed at least 40 people, the country's rescue agency said. The slide was 2 km wide, according to the VRS.",
      )[0],
    ).toEqual(["at least 40", { id: "valley-rescue" }]);
  });

  it("gives 'the presidency said' as written when nothing earlier is a presidency", () => {
    expect(
      sources("The VRS said 40 people died. The presidency said 2.5 billion lira had been released.")[1],
    ).toEqual(["2.5 billion", { name: "The presidency" }]);
  });

  it("reads a surname as the person an earlier cue wrote in full, and that person's body", () => {
    expect(
      sources(
        'VRS spokesperson Commander Ana Ruiz said 251 people were rescued.\n\n"We are not giving up on the 46," Ruiz said.',
      ),
    ).toEqual([
      ["251", { id: "valley-rescue" }],
      ["46", { id: "valley-rescue" }],
    ]);
  });

  it("reads 'she' as the person the sentence before opens with, named without the role", () => {
    expect(
      sources(
        "Transport Secretary Vivian Osei has ordered the road closed. She said the town would get 50,000 pesos.",
      )[0],
    ).toEqual(["50,000", { name: "Vivian Osei" }]);
  });

  it("gives a spokesperson's figure to the loaded body the sentence names", () => {
    expect(
      sources("The Valley Rescue Service raised its count to 251, spokesperson Ana Ruiz told reporters.")[0],
    ).toEqual(["251", { id: "valley-rescue" }]);
  });
});

describe("draftClaims: people speaking for bodies", () => {
  it("reads 'Its director, Ana Ruiz,' and 'the agency's director' as speaking for the body named before", () => {
    expect(
      sources(
        "The Valley Rescue Service sent 40 teams. Its director, Ana Ruiz, told reporters that 12 more would follow.",
      )[1],
    ).toEqual(["12", { id: "valley-rescue" }]);
    expect(
      sources("The VRS sent 40 teams. The agency's chief executive, Ana Ruiz, said 300 homes were empty.")[1],
    ).toEqual(["300", { id: "valley-rescue" }]);
  });

  it("reads 'a company spokesman' as speaking for the company the article names", () => {
    expect(
      sources(
        "Dunmore Water said 300 homes were cut off. Most are in the north, a company spokesman said, about 200.",
      )[1],
    ).toEqual(["about 200", { id: "dunmore-water" }]);
  });

  it("names a 'spokesman for X, Paul Okoye' by his name when X is not loaded", () => {
    expect(sources("A spokesman for the council, Paul Okoye, said 12 roads were shut.")[0]?.[1]).toEqual({
      name: "Paul Okoye",
    });
  });

  it("reads who was told as no source: 'told reporters', 'told MPs'", () => {
    expect(
      sources(
        'Governor Ana Ruiz told MPs that rents would rise 2.5%. "We are not there yet," she said. "Wages are up 5.6%."',
      ).map(([, s]) => s),
    ).toEqual([{ name: "Ana Ruiz" }, { name: "Ana Ruiz" }]);
  });

  it("gives a quotation going on after its speaker to that speaker", () => {
    expect(
      sources(
        '"We have seen a rise," said Tomas Brandt, a doctor. "More than 200 cases came in on Wednesday."',
      )[0]?.[1],
    ).toEqual({ name: "Tomas Brandt, a doctor" });
  });

  it("names a surname by the full name an earlier sentence wrote, without its role", () => {
    expect(
      sources(
        "Chancellor Rachel Moss will set out plans on Wednesday. Moss told the BBC that half of the money would go to schools.",
      )[0]?.[1],
    ).toEqual({ name: "Rachel Moss" });
  });

  it("shares the opening name between two verbs: 'X declared an emergency and said'", () => {
    expect(
      sources("Governor Tom Reed declared an emergency and said the state would give $25m in aid.")[0]?.[1],
    ).toEqual({ name: "Tom Reed" });
  });
});

describe("draftClaims: data and its owners", () => {
  it("names whose survey or study it is, and reads 'the study found' as theirs", () => {
    expect(
      sources("Separately, a survey by the Hill Retail Consortium found that prices fell 0.3%.")[0]?.[1],
    ).toEqual({ name: "the Hill Retail Consortium" });
    expect(
      sources(
        "According to a study published last year by the University of Dunmore, fires have doubled. About 30% of homes are at risk, the study found.",
      )[0]?.[1],
    ).toEqual({ name: "the University of Dunmore" });
  });

  it("reads 'the survey of 2,100 adults, carried out last week, found' as the poll's owner's", () => {
    expect(
      sources(
        "Labour leads, according to a new poll by the Hill Polling Unit. The survey of 2,100 adults, carried out last week, found that 34% backed it.",
      ),
    ).toEqual([
      ["2,100", { name: "the Hill Polling Unit" }],
      ["34%", { name: "the Hill Polling Unit" }],
    ]);
  });

  it("names whose data it is after 'according to data from'", () => {
    expect(
      sources(
        "According to data from the Hill Carmakers' Association (HCA), registrations fell 4.3% in April.",
      )[0]?.[1],
    ).toEqual({ name: "the Hill Carmakers' Association" });
  });

  it("reads a noun before 'of' as a noun, not a verb: 'claims of up to $800 million'", () => {
    expect(
      sources("Insurers could face claims of up to $800 million, according to analysts at Moody's.")[0]?.[1],
    ).toEqual({ name: "analysts at Moody" });
  });

  it("gives 'police said' as written rather than to the source of the sentence before", () => {
    expect(sources("The VRS said 40 people died. Police said 14 people were arrested.")[1]).toEqual([
      "14",
      { name: "Police" },
    ]);
  });

  it("reads 'she' past 'the figures showed' to the person who said it", () => {
    expect(
      sources(
        'Union leader Mary Dolan said the figures showed the plan had failed. "We had 10,000 more calls," she said.',
      )[0]?.[1],
    ).toEqual({ name: "Mary Dolan" });
  });
});

describe("draftClaims: names as written", () => {
  it("takes the subject before a relative clause, with its bracketed short name", () => {
    expect(
      sources(
        "The Mountain Medical Association (MMA), which has often clashed with the government, put the toll at no fewer than 60, citing hospital records.",
      )[0],
    ).toEqual(["no fewer than 60", { name: "The Mountain Medical Association (MMA)" }]);
    expect(sources("Hill Rail, which owns the track, said 1.2 million fewer journeys were made.")[0]).toEqual(
      ["1.2 million", { name: "Hill Rail" }],
    );
  });

  it("names whose estimate it is, with the 'and' inside the name", () => {
    expect(
      sources(
        "The closures cost £1.2bn, according to an estimate by the Centre for Roads and Transport Research (CRTR).",
      )[0],
    ).toEqual(["£1.2bn", { name: "the Centre for Roads and Transport Research" }]);
  });

  it("reads whose count or figures a possessive names", () => {
    expect(sources("Nationally, the DWF's figures show 584,000 people on the list.")[0]?.[1]).toEqual({
      name: "the DWF",
    });
    expect(
      sources("The VRS counted 40 dead. Nationally, the agency's Slide Watch count reached 1,210.")[1]?.[1],
    ).toEqual({ id: "valley-rescue" });
  });

  it("leaves the closing quotation mark out of who said it", () => {
    expect(sources('"We had 10,000 more calls," Tomas Brandt said.')[0]?.[1]).toEqual({
      name: "Tomas Brandt",
    });
  });

  it("lets an opening 'According to X,' attribute the whole sentence", () => {
    expect(
      sources(
        "According to the Office of the Water Regulator, the sector reported 102 leaks in the second half of 2025.",
      )[0]?.[1],
    ).toEqual({ id: "water-regulator" });
  });
});

describe("draftClaims: press releases", () => {
  const release = (body: string) => `Dunmore Water provides update on outage\nMEDIA RELEASE\n\n${body}`;

  it("leaves the issuer's own statements to the outlet (null) and gives its chief executive's to it", () => {
    expect(
      sources(
        release(
          'Dunmore Water today confirmed that 1.9 million customers were affected. The company expects the outage to cost $35 million.\n\nDunmore chief executive Lena Hart said: "We are sorry. We know 1.9 million people trusted us."',
        ),
      ).map(([, s]) => s),
    ).toEqual([null, null, { id: "dunmore-water" }]);
  });

  it("treats a text without a release line as reporting on the company", () => {
    expect(sources("Dunmore Water said 1.9 million customers were affected.")[0]?.[1]).toEqual({
      id: "dunmore-water",
    });
  });
});
