import { describe, expect, it } from "vitest";
import { buildClaimsIndex } from "../../src/claims/claims-index.ts";
import { type Claim, type Concept, ConceptSchema, type Topic, TopicSchema } from "../../src/claims/schema.ts";
import { TopicMatcher } from "../../src/match/topic-matcher.ts";

// A small invented index of two stories, to show that the matcher reads any story from its fields alone.
const concepts: Concept[] = [
  { id: "killed", kind: "measure", phrases: ["killed", "dead", "died", "deaths", "death toll"], within: {} },
  { id: "injured", kind: "measure", phrases: ["injured", "hurt", "wounded"], within: {} },
  { id: "cases", kind: "measure", phrases: ["cases", "infections"], within: {} },
  { id: "per-week", kind: "period", phrases: ["per week", "weekly", "a week"], within: {} },
  { id: "police", kind: "group", phrases: ["police", "officers", "cops"], within: {} },
  { id: "protesters", kind: "group", phrases: ["protesters", "demonstrators"], within: {} },
].map((c) => ConceptSchema.parse(c));

const topic = (t: Partial<Topic> & { id: string; title: string; aliases: string[] }): Topic =>
  TopicSchema.parse({
    subject: "Sarvonia",
    measure: "deaths",
    period: "cumulative since 5 Oct 2025",
    unit: "people",
    ...t,
  });

const topics: Topic[] = [
  topic({ id: "flood-deaths", title: "Flood deaths in Sarvonia", key: true, aliases: ["flood death toll"] }),
  topic({
    id: "flood-deaths-lessin",
    title: "Flood deaths in Lessin province",
    place: "Lessin province",
    aliases: ["lessin deaths"],
  }),
  topic({
    id: "flood-injured",
    title: "People injured in the floods",
    measure: "injured",
    aliases: ["flood injuries"],
  }),
  topic({
    id: "ob-confirmed",
    title: "Confirmed Lwera cases in Uganda",
    subject: "Uganda",
    measure: "confirmed cases",
    aliases: ["uganda confirmed cases"],
  }),
  topic({
    id: "ob-suspected",
    title: "Suspected Lwera cases in Uganda",
    subject: "Uganda",
    measure: "suspected cases",
    aliases: ["uganda suspected cases"],
  }),
  topic({
    id: "ob-weekly",
    title: "New Lwera cases per week in Uganda",
    subject: "Uganda",
    measure: "new confirmed cases",
    period: "per week",
    aliases: ["weekly new cases"],
  }),
  topic({
    id: "prt-police-injured",
    title: "Police officers injured in the protests",
    subject: "police officers",
    measure: "injured",
    aliases: ["police injured"],
  }),
  topic({
    id: "prt-protesters-injured",
    title: "Protesters injured",
    subject: "protesters",
    measure: "injured",
    aliases: ["protesters injured"],
  }),
];
const claim = (topicId: string, source: string, document: string, value: number): Claim => ({
  id: `${source}-${topicId}`,
  topic: topicId,
  value,
  as_of: "2025-11-01",
  source,
  document,
  quote: "an invented quote of a figure",
  unattributed: false,
});
const docOf = (id: string) =>
  id.startsWith("ob") ? "outbreak-doc" : id.startsWith("prt") ? "protest-doc" : "flood-doc";
const index = (order: Topic[]) =>
  buildClaimsIndex(
    order,
    [
      { id: "ministry", name: "Interior Ministry", aliases: ["MoI"], kind: "government" },
      { id: "who", name: "World Health Organization", aliases: ["WHO"], kind: "agency" },
    ],
    ["flood-doc", "outbreak-doc", "protest-doc"].map((id) => ({
      id,
      outlet: "Invented Wire",
      headline: "Invented",
      published: "2025-11-01",
      url: `https://example.org/${id}`,
    })),
    order.map((t) => claim(t.id, t.id.startsWith("ob") ? "who" : "ministry", docOf(t.id), 100)),
    concepts,
  );
const now = new Date("2026-01-01T00:00:00Z");
const answer = (q: string, order = topics) => {
  const best = new TopicMatcher(index(order)).match(q, now).ranked[0];
  return best && best.confidence >= 0.5 ? best.topic.id : null;
};

describe("TopicMatcher on stories it learns from data", () => {
  it("answers a topic's own alias typed as the question", () => {
    for (const t of topics) expect(answer(t.aliases[0] ?? ""), t.id).toBe(t.id);
  });
  it("tells a province from the whole country by the place field", () => {
    expect(answer("how many people died in the floods")).toBe("flood-deaths");
    expect(answer("deaths in lessin")).toBe("flood-deaths-lessin");
  });
  it("tells confirmed from suspected, and a weekly rate from the running total", () => {
    expect(answer("suspected cases in uganda")).toBe("ob-suspected");
    expect(answer("confirmed cases in uganda")).toBe("ob-confirmed");
    expect(answer("new cases per week in uganda")).toBe("ob-weekly");
  });
  it("tells one group's injured from another's", () => {
    expect(answer("how many police officers were hurt")).toBe("prt-police-injured");
    expect(answer("how many protesters were hurt")).toBe("prt-protesters-injured");
  });
  it("reads a name's adjective as the name: Ugandan is Uganda", () => {
    expect(answer("ugandan suspected infections")).toBe("ob-suspected");
  });
  it("abstains on a measure or a place the index lacks", () => {
    expect(answer("how many arrests in uganda")).toBeNull();
    expect(answer("deaths per week in lessin")).toBeNull();
    expect(answer("deaths in murcia")).toBeNull();
  });
  it("reads named sources by name and alias", () => {
    const m = new TopicMatcher(index(topics)).match("what does the MoI say on flood deaths", now);
    expect(m.slots.sources).toEqual(["ministry"]);
    expect(m.ranked[0]?.topic.id).toBe("flood-deaths");
  });
  it("gives the same answers whatever order the files load in", () => {
    const reversed = [...topics].reverse();
    for (const q of ["flood death toll", "cases in uganda", "injured", "deaths"])
      expect(answer(q, reversed), q).toBe(answer(q));
  });
});
