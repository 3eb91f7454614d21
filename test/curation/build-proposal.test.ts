import { describe, expect, it } from "vitest";
import { buildClaimsIndex } from "../../src/claims/claims-index.ts";
import { ClaimSchema, DocumentSchema, SourceSchema, TopicSchema } from "../../src/claims/schema.ts";
import {
  buildProposal,
  newTopicTitle,
  type ProposalMeta,
  slugOf,
  uniqueId,
} from "../../src/curation/build-proposal.ts";
import { type FigureForm, FigureFormSchema, FORM_LIMITS } from "../../src/curation/figure-form.ts";

const topic = TopicSchema.parse({
  id: "flood-displaced",
  title: "People displaced by the Riverland floods",
  subject: "Riverland",
  measure: "people displaced",
  period: "cumulative since 1 Mar 2025",
  unit: "people",
  aliases: ["flood displaced"],
});
const source = SourceSchema.parse({
  id: "riverland-emergency-agency",
  name: "Riverland Emergency Agency",
  aliases: ["REA"],
});
const document = DocumentSchema.parse({
  id: "valley-daily-2025-03-04",
  outlet: "The Valley Daily",
  headline: "Floods displace thousands",
  published: "2025-03-04",
  url: "https://valley.example/floods",
});
const claim = ClaimSchema.parse({
  id: "flood-displaced-riverland-emergency-agency-2025-03-04",
  topic: topic.id,
  value: 12000,
  as_of: "2025-03-04",
  source: source.id,
  document: document.id,
  quote: "The agency said 12,000 people had been displaced.",
});
const index = buildClaimsIndex([topic], [source], [document], [claim]);

const meta: ProposalMeta = {
  id: "p-1",
  proposedBy: "U123",
  now: new Date("2025-03-10T12:00:00Z"),
  origin: null,
  corrects: null,
  answers: null,
};

const form = (over: Partial<FigureForm> = {}): FigureForm => ({
  topic: { id: topic.id },
  figureText: "over 15,000",
  reading: { value: 15000, qualifier: "over", unit: null },
  asOf: "2025-03-06",
  source: { id: source.id },
  document: { id: document.id },
  quote: "Over 15,000 people have now left their homes.",
  ...over,
});

const newTopic = {
  new: {
    subject: "Valencia province residents",
    measure: "homes destroyed",
    period: "cumulative since 29 Oct 2024",
    unit: "homes",
    place: "Valencia province",
  },
};

describe("buildProposal", () => {
  it("adds only a claim when topic, source and document are all known, checked on its as-of day", () => {
    const result = buildProposal(form(), index, meta);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { proposal } = result;
    expect(proposal.entries.topics).toEqual([]);
    expect(proposal.entries.sources).toEqual([]);
    expect(proposal.entries.documents).toEqual([]);
    expect(proposal.entries.claims).toEqual([
      {
        id: "flood-displaced-riverland-emergency-agency-2025-03-06",
        topic: "flood-displaced",
        value: 15000,
        qualifier: "over",
        as_of: "2025-03-06",
        source: "riverland-emergency-agency",
        unattributed: false,
        document: "valley-daily-2025-03-04",
        quote: "Over 15,000 people have now left their homes.",
        checked: "2025-03-06",
      },
    ]);
    expect(proposal.entries.claims[0]?.provenance).toBeUndefined();
    expect(proposal).toMatchObject({
      id: "p-1",
      status: "pending",
      figureText: "over 15,000",
      proposedBy: "U123",
      proposedAt: "2025-03-10T12:00:00.000Z",
      decision: null,
      review: null,
    });
  });

  it("builds a new topic, source and document whose entries pass the data schemas", () => {
    const result = buildProposal(
      form({
        topic: newTopic,
        figureText: "1,200 to 1,500",
        reading: { low: 1200, high: 1500, unit: null },
        source: { new: { name: "Valencia Fire Service" } },
        document: {
          new: {
            url: "https://news.example/valencia",
            outlet: "News Example",
            headline: "Fire service counts the damage",
            published: "2025-03-07",
          },
        },
      }),
      index,
      meta,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const [t] = result.proposal.entries.topics;
    expect(t).toMatchObject({
      id: "valencia-province-residents-homes-destroyed",
      title: "Homes destroyed in Valencia province, cumulative since 29 Oct 2024",
      aliases: ["valencia province residents homes destroyed"],
      unit: "homes",
      review_days: 30,
    });
    expect(result.proposal.entries.sources).toEqual([
      { id: "valencia-fire-service", name: "Valencia Fire Service", aliases: [], kind: "organisation" },
    ]);
    expect(result.proposal.entries.documents.map((d) => d.id)).toEqual([
      "news-example-fire-service-counts-the-damage",
    ]);
    const [c] = result.proposal.entries.claims;
    expect(c).toMatchObject({ low: 1200, high: 1500, topic: t?.id, source: "valencia-fire-service" });
    expect(c?.id).toBe("valencia-province-residents-homes-destroyed-fire-service-2025-03-06");
    for (const e of result.proposal.entries.topics) expect(TopicSchema.safeParse(e).success).toBe(true);
    for (const e of result.proposal.entries.documents) expect(DocumentSchema.safeParse(e).success).toBe(true);
    for (const e of result.proposal.entries.claims) expect(ClaimSchema.safeParse(e).success).toBe(true);
  });

  it("suffixes a new id that the index already has with -2, -3", () => {
    const taken = buildClaimsIndex(
      [
        topic,
        { ...topic, id: "riverland-people-displaced" },
        { ...topic, id: "riverland-people-displaced-2" },
      ],
      [source],
      [document],
      [claim],
    );
    const result = buildProposal(
      form({
        topic: {
          new: { subject: "Riverland", measure: "people displaced", period: "per day", unit: "people" },
        },
      }),
      taken,
      meta,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.proposal.entries.topics[0]?.id).toBe("riverland-people-displaced-3");
    expect(uniqueId("a", (id) => id === "a")).toBe("a-2");
  });

  it("reuses a known document when the link is the same, rather than adding a twin", () => {
    const result = buildProposal(
      form({
        document: {
          new: { url: document.url, outlet: "Valley", headline: "Again", published: "2025-03-04" },
        },
      }),
      index,
      meta,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.proposal.entries.documents).toEqual([]);
    expect(result.proposal.entries.claims[0]?.document).toBe(document.id);
  });

  it("reports a euro figure on a topic that counts people on the figure field", () => {
    const result = buildProposal(
      form({ figureText: "€2.4m", reading: { value: 2.4e6, unit: "eur" } }),
      index,
      meta,
    );
    expect(result).toEqual({
      ok: false,
      errors: { figure: "“€2.4m” reads as euros, but the topic counts people" },
    });
  });

  it("reports a different figure from the same source, topic and date on the as-of field", () => {
    const result = buildProposal(form({ asOf: "2025-03-04" }), index, meta);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.asOf).toBe(
      "The index already has 12,000 from Riverland Emergency Agency on that date; use Correct to replace it",
    );
  });

  it("accepts that figure when it corrects the claim already there", () => {
    const result = buildProposal(form({ asOf: "2025-03-04" }), index, { ...meta, corrects: claim.id });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.proposal.corrects).toBe(claim.id);
    expect(result.proposal.entries.claims[0]?.id).toBe(`${claim.id}-2`);
  });

  it("names a known source typed as new, and a topic no longer in the index", () => {
    const result = buildProposal(
      form({ topic: { id: "gone" }, source: { new: { name: "rea" } } }),
      index,
      meta,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        topic: "That topic is no longer in the index",
        source: "The index already has “Riverland Emergency Agency”: pick it from the list instead",
      },
    });
  });

  it("needs a link for a new document, since the data schema does", () => {
    const result = buildProposal(
      form({ document: { new: { outlet: "Valley", headline: "Floods", published: "2025-03-04" } } }),
      index,
      meta,
    );
    expect(result).toEqual({
      ok: false,
      errors: { document: "The document: give a url, a file (a text copy), or both" },
    });
  });

  it("refuses an as-of date after today", () => {
    const result = buildProposal(form({ asOf: "2025-03-11" }), index, meta);
    expect(result.ok ? null : result.errors.asOf).toBe("The as-of date is after today");
  });
});

describe("ids and titles", () => {
  it("folds accents and punctuation into kebab-case, each word once", () => {
    expect(slugOf(["Région d'Île-de-France", "homes", "Région"], "x")).toBe("region-d-ile-de-france-homes");
    expect(slugOf(["—"], "source")).toBe("source");
    expect(slugOf(["word ".repeat(40)], "x").length).toBeLessThanOrEqual(60);
  });

  it("titles a topic without a place by its subject, and keeps long titles to 140 characters", () => {
    expect(
      newTopicTitle({ subject: "Sudan", measure: "people displaced", period: "per month", unit: "people" }),
    ).toBe("People displaced (Sudan), per month");
    const long = newTopicTitle({ subject: "x", measure: "m ".repeat(100), period: "p", unit: "people" });
    expect(long.length).toBeLessThanOrEqual(140);
    expect(long.endsWith("…")).toBe(true);
  });
});

describe("FigureFormSchema", () => {
  it("keeps a form at every cap within 2,500 characters of JSON", () => {
    const full: FigureForm = {
      topic: {
        new: {
          subject: "s".repeat(FORM_LIMITS.words),
          measure: "m".repeat(FORM_LIMITS.words),
          period: "p".repeat(FORM_LIMITS.words),
          unit: "u".repeat(FORM_LIMITS.unit),
          place: "l".repeat(FORM_LIMITS.place),
          thing: "t".repeat(FORM_LIMITS.thing),
        },
      },
      figureText: "f".repeat(FORM_LIMITS.figureText),
      reading: {
        low: -1.2345678901234567e300,
        high: 1.2345678901234567e300,
        qualifier: "at-least",
        unit: "percent",
      },
      asOf: "2025-03-06",
      source: { new: { name: "n".repeat(FORM_LIMITS.sourceName) } },
      document: {
        new: {
          url: `https://e.example/${"a".repeat(FORM_LIMITS.url - 18)}`,
          outlet: "o".repeat(FORM_LIMITS.outlet),
          headline: "h".repeat(FORM_LIMITS.headline),
          published: "2025-03-06",
        },
      },
      quote: "q".repeat(FORM_LIMITS.quoteMax),
    };
    expect(FigureFormSchema.safeParse(full).success).toBe(true);
    expect(JSON.stringify(full).length).toBeLessThanOrEqual(2500);
  });

  it("refuses a form whose quote marks would push its JSON past 2,500 characters", () => {
    const heavy = form({ quote: '"'.repeat(400), figureText: '"'.repeat(80) });
    const doc = { new: { outlet: '"'.repeat(80), headline: '"'.repeat(150), published: "2025-03-06" } };
    const q = (n: number) => '"'.repeat(n);
    const topicNew = { new: { subject: q(100), measure: q(100), period: q(100), unit: q(30), place: q(80) } };
    const source = { new: { name: q(100) } };
    const result = FigureFormSchema.safeParse({ ...heavy, topic: topicNew, document: doc, source });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["quote", "the form is too long to carry; shorten the quote or the headline"],
    ]);
  });
});
