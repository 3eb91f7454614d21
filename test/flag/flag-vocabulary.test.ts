import { describe, expect, it } from "vitest";
import { type Concept, ConceptSchema, type Source, type Topic } from "../../src/claims/schema.ts";
import { findUnsourcedFigures } from "../../src/flag/find-unsourced-figures.ts";
import { buildFlagVocabulary } from "../../src/flag/flag-vocabulary.ts";
import { harbourVocabulary, warVocabulary } from "./support/flag-fixtures.ts";

const topic = (over: Partial<Topic>): Topic => ({
  id: "t",
  title: "Sheep lost in the Tarn floods",
  subject: "Tarn farmers",
  measure: "sheep drowned",
  period: "cumulative since 2 May 2026",
  unit: "sheep",
  aliases: ["drowned flocks"],
  related: [],
  key: false,
  review_days: 30,
  ...over,
});
const source = (over: Partial<Source>): Source => ({
  id: "s",
  name: "Tarn Farmers' Union",
  aliases: [],
  kind: "union",
  ...over,
});
const concept = (id: string, phrases: string[], kind = "figure"): Concept =>
  ConceptSchema.parse({ id, kind, phrases });

describe("buildFlagVocabulary", () => {
  it("counts a topic's thing and unit, and the plurals of its words", () => {
    const v = buildFlagVocabulary({ topics: [topic({})], sourceById: new Map(), concepts: [] });
    expect(v.counted.get("sheep")).toBe("count");
    expect(v.counted.get("flocks")).toBe("count");
    expect(v.modifiers.has("drowned")).toBe(true);
    expect(v.storyContext.has("tarn")).toBe(true);
  });

  it("reads each figure concept by the start of its id, and no concept of another kind", () => {
    const v = buildFlagVocabulary({
      topics: [],
      sourceById: new Map(),
      concepts: [
        concept("figure-people-test", ["shepherds"]),
        concept("figure-harm-test", ["drowned"]),
        concept("figure-things-fisheries", ["trawlers"]),
        concept("killed", ["herders"], "measure"),
      ],
    });
    expect(v.counted.get("shepherds")).toBe("people");
    expect(v.counted.get("drowned")).toBe("people");
    expect(v.harm.has("drowned")).toBe(true);
    expect(v.counted.get("trawlers")).toBe("count");
    expect(v.counted.has("herders")).toBe(false);
  });

  it("knows the index's sources by name and alias, and nobody else", () => {
    const v = buildFlagVocabulary({
      topics: [topic({})],
      sourceById: new Map([["s", source({ aliases: ["TFU"] })]]),
      concepts: [],
    });
    const scan = (text: string) => findUnsourcedFigures(text, v);
    expect(scan("1,200 sheep drowned, according to the Tarn Farmers' Union").unsourced).toEqual([]);
    expect(scan("checked against the TFU sheet: 1,200 sheep drowned").unsourced).toEqual([]);
    expect(scan("checked against the sheet: 1,200 sheep drowned").unsourced.map((f) => f.text)).toEqual([
      "1,200",
    ]);
  });
});

describe("flagging learns a story from its data", () => {
  it("attributes a figure to a source only the story's data names", () => {
    const text = "checked against the Harbour Gazette table: 3,100 containers stuck";
    expect(findUnsourcedFigures(text, harbourVocabulary).unsourced).toEqual([]);
    expect(findUnsourcedFigures(text, warVocabulary).unsourced.map((f) => f.text)).toEqual(["3,100"]);
  });

  it("counts with the story's own nouns", () => {
    const text = "Quist told us 212 containers were stranded";
    expect(findUnsourcedFigures(text, harbourVocabulary).sourced.map((f) => f.text)).toEqual(["212"]);
    expect(
      findUnsourcedFigures("212 containers stranded", harbourVocabulary).unsourced.map((f) => f.text),
    ).toEqual(["212"]);
  });
});
