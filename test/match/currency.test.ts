import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadIndex } from "../../src/claims/load-index.ts";
import { matchConfig } from "../../src/match/config.ts";
import { currencyFactors, dayNumber } from "../../src/match/currency.ts";
import { TopicMatcher } from "../../src/match/topic-matcher.ts";
import { useTempDirs } from "../support/temp-dirs.ts";

/*
 * A question that names no period asks about now: of two topics that fit it alike, the one whose figures are
 * being said now answers, not last decade's round of the same measure.
 */
const FLOOD = "test/fixtures/claims-index/flood";
const now = new Date("2026-11-22T12:00:00Z");
const { tempDir } = useTempDirs("tally-currency-");

/** The flood's death toll again, for floods ten years before, with an id that sorts first. */
function writeOldRound(): string {
  const dir = tempDir();
  const write = (folder: string, entries: unknown[]) => {
    mkdirSync(path.join(dir, folder), { recursive: true });
    writeFileSync(path.join(dir, folder, "old-round.yml"), stringify(entries));
  };
  write("topics", [
    {
      id: "aa-flood-killed-2015",
      title: "People killed by the March 2015 Riverland floods",
      subject: "Riverland",
      measure: "killed",
      period: "cumulative since 1 Mar 2015",
      unit: "people",
      place: "Riverland province",
      aliases: ["flood death toll"],
    },
  ]);
  write("documents", [
    {
      id: "coast-wire-2015-03-05",
      outlet: "Coast Wire",
      headline: "Floods",
      published: "2015-03-05",
      url: "https://example.org/floods-2015",
    },
  ]);
  write("claims", [
    {
      id: "coast-wire-aa-flood-killed-2015",
      topic: "aa-flood-killed-2015",
      value: 12,
      as_of: "2015-03-05",
      source: "coast-wire",
      document: "coast-wire-2015-03-05",
      quote: "twelve people died",
    },
  ]);
  return dir;
}

describe("currency", async () => {
  const { index, problems } = await loadIndex({ dataDirs: [FLOOD, writeOldRound()] });
  const matcher = new TopicMatcher(index);
  const top = (m: TopicMatcher, q: string) => m.match(q, now).ranked[0]?.topic.id;

  it("loads the old round with no problems", () => {
    expect(problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([]);
    expect(index.topicById.has("aa-flood-killed-2015")).toBe(true);
  });

  it("answers a question that names no period with the topic whose figures are current", () => {
    expect(top(matcher, "flood death toll")).toBe("flood-killed");
    expect(top(matcher, "how many people have the floods killed")).toBe("flood-killed");
  });

  it("is what decides: without it the old round, sorting first, wins the tie", () => {
    const noCurrency = new TopicMatcher(index, {
      weights: {
        ...matchConfig,
        currency: { ...matchConfig.currency, perYear: 0 as typeof matchConfig.currency.perYear },
      },
    });
    expect(top(noCurrency, "flood death toll")).toBe("aa-flood-killed-2015");
  });

  it("leaves a question that names the year to the topic of that year", () => {
    expect(top(matcher, "flood death toll in 2015")).toBe("aa-flood-killed-2015");
  });

  it("measures currency as of the date asked", () => {
    expect(top(matcher, "flood death toll as of april 2015")).toBe("aa-flood-killed-2015");
  });
});

describe("currencyFactors", () => {
  const w = { graceYears: 1, perYear: 0.1, floor: 0.5, closeWithin: 0.75 };
  const day = (d: string) => dayNumber(d);

  it("leaves topics within the grace of the most current one alone", () => {
    const f = currencyFactors(
      [
        { latest: day("2026-10-01"), rank: 1 },
        { latest: day("2026-01-01"), rank: 1 },
      ],
      day("2026-11-22"),
      w,
    );
    expect(f).toEqual([1, 1]);
  });

  it("lowers a topic years behind, never below the floor", () => {
    const [current, three, twenty] = currencyFactors(
      [
        { latest: day("2026-10-01"), rank: 1 },
        { latest: day("2023-10-01"), rank: 1 },
        { latest: day("2006-10-01"), rank: 1 },
      ],
      day("2026-11-22"),
      w,
    );
    expect(current).toBe(1);
    expect(three).toBeCloseTo(0.8, 2);
    expect(twenty).toBe(0.5);
  });

  it("takes what is current from candidates that fit nearly as well, not from a poor fit", () => {
    const f = currencyFactors(
      [
        { latest: day("2020-01-01"), rank: 1 },
        { latest: day("2026-10-01"), rank: 0.2 },
      ],
      day("2026-11-22"),
      w,
    );
    expect(f[0]).toBe(1);
  });

  it("counts a figure dated after the day asked as of that day", () => {
    const f = currencyFactors(
      [
        { latest: day("2015-03-05"), rank: 1 },
        { latest: day("2025-03-05"), rank: 1 },
      ],
      day("2015-04-15"),
      w,
    );
    expect(f).toEqual([1, 1]);
  });

  it("leaves a topic with no figures alone", () => {
    expect(currencyFactors([{ latest: undefined, rank: 1 }], day("2026-11-22"), w)).toEqual([1]);
  });
});
