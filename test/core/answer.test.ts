import { beforeAll, describe, expect, it } from "vitest";
import { createCore } from "../../src/answer/create-core.ts";
import type { TallyCore } from "../../src/answer/types.ts";
import { loadIndex } from "../../src/claims/load-index.ts";
import { WAR_STORY_DIR } from "../support/war-story.ts";

let core: TallyCore;
beforeAll(async () => {
  const { index } = await loadIndex({ dataDirs: [WAR_STORY_DIR] });
  core = createCore(index, () => new Date("2025-11-20T12:00:00Z"));
});

const headlineOf = (q: string) => core.ask(q).match?.headline;

describe("answers to the issue's examples", () => {
  it("gives 10,000–12,000 North Korean troops in Kursk as of Jan 2025", () => {
    const h = headlineOf("How many North Korean soldiers are fighting in Kursk?");
    expect(h?.figure.text).toMatch(/10,000–12,000/);
    expect(h?.claim.as_of.startsWith("2025-01")).toBe(true);
  });
  it("heads Russian deaths with the UK MoD's ~250,000 and lists Zelensky's and Russia's own figures as disagreeing", () => {
    const m = core.ask("How many Russian troops have been killed?").match;
    expect(m?.headline.source.id).toBe("uk-mod");
    expect(m?.headline.figure.text).toBe("about 250,000");
    const disagreeing = m?.disagreements.map((d) => `${d.source.id} ${d.figure.text}`);
    expect(disagreeing).toContain("zelensky about 198,000");
    expect(disagreeing).toContain("russia-mod about 6,000");
  });
  it("does not hand the Russian tank figure to a question about Ukrainian tanks", () => {
    const a = core.ask("How many Ukrainian tanks were destroyed?");
    expect(a.match).toBeNull();
  });
});

describe("the answer", () => {
  it("shows the date with its age from the injected clock", () => {
    const h = headlineOf("russian soldiers killed");
    expect(h?.dateText).toBe("13 Jun 2025");
    expect(h?.ageText).toBe("5 months ago");
  });
  it("counts a '1 million' and an 'over 1 million' from two sources as agreeing", () => {
    const m = core.ask("total russian casualties").match;
    const agreeing = m?.agreements.map((a) => a.source.id) ?? [];
    expect(m?.headline.figure.value).toBe(1_000_000);
    expect(agreeing.length).toBeGreaterThan(0);
    expect(m?.disagreements.some((d) => d.figure.value === 1_000_000)).toBe(false);
  });
  it("keeps a source's earlier figures in its history, not among the disagreements", () => {
    const m = core.ask("how many ukrainian soldiers have been killed").match;
    expect(m?.headline.figure.text).toBe("45,100");
    expect(m?.disagreements.map((d) => d.figure.text)).not.toContain("43,000");
    expect(m?.history.map((h) => h.figure.text)).toEqual(expect.arrayContaining(["45,100", "43,000"]));
  });
  it("says how far each disagreeing figure is from the headline", () => {
    const m = core.ask("russian kia").match;
    const zelensky = m?.disagreements.find((d) => d.source.id === "zelensky");
    expect(zelensky?.difference.text).toBe("52,000 lower (−21%)");
  });
  it("heads with the named source's figure when the question names one", () => {
    const m = core.ask("what does zelensky say about russian deaths").match;
    expect(m?.headlineReason).toBe("named-source");
    expect(m?.headline.source.id).toBe("zelensky");
    expect(m?.disagreements.map((d) => d.source.id)).toContain("uk-mod");
  });
  it("heads with the figure as of the named date", () => {
    const m = core.ask("russian casualties as of december 2024").match;
    expect(m?.headlineReason).toBe("named-date");
    expect(m?.headline.figure.text).toBe("765,110");
    expect(m?.disagreements.every((d) => d.claim.as_of <= "2024-12-31")).toBe(true);
  });
  it("shows the latest figure on related topics, so CSIS's broader 1.2 million is not missed", () => {
    const m = core.ask("russian casualties").match;
    const related = m?.related.map((r) => `${r.topic.id} ${r.headline.figure.text}`);
    expect(related).toContain("ru-killed-wounded-missing about 1.2 million");
    expect(related).toContain("ru-killed about 250,000");
  });
  it("abstains with up to three suggestions on a near miss", () => {
    const a = core.ask("how many russian generals have been killed");
    expect(a.match).toBeNull();
    expect(a.suggestions.length).toBeLessThanOrEqual(3);
  });
  it("answers an empty question with no match and no suggestions", () => {
    expect(core.ask("   ")).toEqual({ query: "   ", match: null, suggestions: [] });
  });
  it("answers a topic chosen from a suggestion directly", () => {
    expect(core.answerTopic("ru-tanks-lost")?.match?.headline.figure.text).toBe("about 1,865 vehicles");
    expect(core.answerTopic("no-such-topic")).toBeNull();
  });
});

describe("reading reporters' questions", () => {
  it.each([
    ["russain casualites", "ru-killed-wounded"],
    ["ru kia", "ru-killed"],
    ["dprk troops in kursk", "nk-deployed"],
    ["how many soldiers has russia lost", "ru-killed-wounded"],
    ["russian dead, not wounded", "ru-killed"],
    ["how many russians die every day", "ru-killed-per-day"],
    ["russian losses in 2024", "ru-casualties-2024"],
    ["how much aid has the us given ukraine", "us-aid-total"],
    ["civilian deaths in ukraine per the UN", "ua-civilians-killed"],
    [
      "hey quick one, what's the latest figure we have for how many north korean troops have been killed or wounded",
      "nk-killed-wounded",
    ],
  ])("reads %j as %s", (q, topic) => {
    expect(core.ask(q).match?.topic.id).toBe(topic);
  });
  it.each([
    "how many russians were killed in 2022",
    "russian civilian deaths",
    "how many north korean workers are in russia",
    "eu aid to ukraine",
    "how many russian aircraft have been shot down",
    "what time is standup",
  ])("abstains on %j", (q) => {
    expect(core.ask(q).match).toBeNull();
  });
});
