import { beforeAll, describe, expect, it } from "vitest";
import { loadCore } from "../../src/answer/load-core.ts";
import type { TallyCore } from "../../src/answer/types.ts";
import { type Assessment, assessFigure } from "../../src/flag/assess-figure.ts";
import { figureQuery } from "../../src/flag/figure-query.ts";
import { findFigures } from "../../src/flag/find-figures.ts";
import {
  HARBOUR_STRIKE_DIR,
  harbourVocabulary,
  WAR_STORY_DIR,
  warVocabulary,
} from "./support/flag-fixtures.ts";

let core: TallyCore;
beforeAll(async () => {
  ({ core } = await loadCore({ dataDirs: [WAR_STORY_DIR], now: () => new Date("2025-07-01T12:00:00Z") }));
});

function assess(text: string): Assessment {
  const figures = findFigures(text, warVocabulary);
  const figure = figures[0];
  if (!figure) throw new Error(`no figure in ${text}`);
  return assessFigure(figure, core, figureQuery(figure, figures));
}

describe("assessFigure against the claims index", () => {
  it("says a figure agrees with the latest claim, naming figure and source", () => {
    const a = assess("the Biden aid package was $6bn");
    expect(a.kind).toBe("agrees");
    if (a.kind !== "agrees") return;
    expect(a.claim.figure.text).toBe("nearly $6 billion");
    expect(a.claim.source.name).toMatch(/Biden/);
  });

  it("agrees when the figure falls inside a claimed range", () => {
    const a = assess("North Korea sent 11,000 troops to Kursk");
    expect(a.kind).toBe("agrees");
    if (a.kind === "agrees") expect(a.claim.figure.text).toBe("about 10,000–12,000");
  });

  it("says an older figure is outdated and gives the latest", () => {
    const a = assess("765,110 is the number I have for Russian losses");
    expect(a.kind).toBe("outdated");
    if (a.kind !== "outdated") return;
    expect(a.claim.figure.text).toBe("765,110");
    expect(a.claim.source.name).toMatch(/General Staff/);
    expect(a.latest.figure.value).toBeGreaterThanOrEqual(1_000_000);
  });

  it("says 800,000 deaths contradicts the index, where 800,000 is killed and wounded", () => {
    const a = assess("russia has lost 800,000 killed");
    expect(a.kind).toBe("contradicts");
    if (a.kind !== "contradicts") return;
    expect(a.sameNumber?.topic.measure).toBe("killed and wounded");
    expect(a.latest.source.name).toBe("UK Ministry of Defence");
    expect(a.latest.figure.text).toBe("about 250,000");
  });

  it("says a figure far from every claim contradicts the index", () => {
    const a = assess("russia has lost 3,000 tanks");
    expect(a.kind).toBe("contradicts");
    if (a.kind === "contradicts") expect(a.sameNumber).toBeNull();
  });

  it("says unknown when no topic matches", () => {
    expect(assess("the lunch budget is 12,000 sandwiches").kind).toBe("unknown");
  });

  it("says unknown when the matched topic counts something else", () => {
    // A percentage is never compared with a head count.
    expect(assess("Russian casualties are up 40% on last year").kind).not.toBe("agrees");
  });
});

describe("figureQuery", () => {
  const queries = (text: string) => {
    const figures = findFigures(text, warVocabulary);
    return figures.map((f) => figureQuery(f, figures));
  };

  it("asks about each figure with its own words, without the numbers", () => {
    expect(queries("Russia has lost 765,110 troops and NK sent 12,000 men")).toEqual([
      "Russia has lost troops",
      "NK sent men",
    ]);
  });

  it("borrows the clause's subject when a figure's own part has none", () => {
    expect(queries("Russia lost 198,000 dead and 550,000 wounded by that point")).toEqual([
      "Russia lost dead",
      "Russia lost wounded by that point",
    ]);
  });

  it("keeps a rate the figure's text carried", () => {
    expect(queries("Russia is losing nearly 2,000 a day")).toEqual(["Russia is losing per day"]);
  });
});

describe("assessFigure for any story", () => {
  let stories: TallyCore;
  beforeAll(async () => {
    ({ core: stories } = await loadCore({
      dataDirs: [WAR_STORY_DIR, HARBOUR_STRIKE_DIR],
      now: () => new Date("2026-04-01T12:00:00Z"),
    }));
  });

  it("assesses a figure against the right topic of whichever story it is about", () => {
    const figures = findFigures("212 containers stranded at Velmar so far", harbourVocabulary);
    const figure = figures[0];
    if (!figure) throw new Error("no figure");
    const a = assessFigure(figure, stories, figureQuery(figure, figures));
    expect(a.kind).toBe("outdated");
    if (a.kind !== "outdated") return;
    expect(a.topic.id).toBe("velmar-containers-stranded");
    expect(a.latest.figure.value).toBe(480);
  });
});
