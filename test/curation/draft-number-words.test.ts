import { describe, expect, it } from "vitest";
import { loadIndex } from "../../src/claims/load-index.ts";
import { articleFigures } from "../../src/curation/draft/article-figures.ts";
import { buildFlagVocabulary } from "../../src/flag/flag-vocabulary.ts";

// The shipped figure words, from the CLI test's fixture; never the live data/ folder.
const { index } = await loadIndex({ dataDirs: ["test/curation/fixtures/draft-story"] });
const vocabulary = buildFlagVocabulary(index);
const texts = (prose: string) => articleFigures(prose, vocabulary).map((f) => f.text);
const first = (prose: string) => articleFigures(prose, vocabulary)[0];

describe("articleFigures: numbers written in words", () => {
  it("reads a count in words before what it counts, and 'four of them'", () => {
    expect(texts("Pilots at six airlines walked out on Friday.")).toEqual(["six"]);
    expect(first("Pilots at six airlines walked out.")).toMatchObject({ value: 6 });
    expect(texts("Some 38 people were treated, four of them in intensive care.")).toEqual([
      "Some 38",
      "four",
    ]);
  });

  it("reads vague counts as ranges: 'dozens', 'thousands of flights'", () => {
    expect(first("The strike has cancelled thousands of flights.")).toMatchObject({
      text: "thousands",
      low: 2000,
      high: 9999,
    });
    expect(texts("Dozens are still missing.")).toEqual(["Dozens"]);
    // After a name, a count with a plural noun is still a figure; "Gate four" is a label.
    expect(texts("Poll puts Labour six points ahead")).toEqual(["six"]);
    expect(texts("Boarding is at Gate four.")).toEqual([]);
  });

  it("reads fractions and 'one in five' as shares", () => {
    expect(first("A poll found that two-thirds had stayed home.")).toMatchObject({
      text: "two-thirds",
      value: 66.7,
      unit: "percent",
    });
    expect(first("and one in five had driven instead.")).toMatchObject({
      text: "one in five",
      value: 20,
      unit: "percent",
    });
    expect(first("Fewer than half of those have been built.")).toMatchObject({
      text: "Fewer than half",
      value: 50,
    });
  });

  it("reads 'three times its capacity' as a multiple and 'one every six minutes' as a count", () => {
    expect(first("The ward was running at three times its capacity.")).toMatchObject({
      text: "three times",
      value: 3,
      unit: "multiple",
    });
    expect(texts("or about one every six minutes")).toEqual(["about one every six minutes"]);
  });

  it("leaves out 'one', time frames, compound adjectives, references back and 'the second half of'", () => {
    expect(texts("One survivor said the ship was rocking.")).toEqual([]);
    expect(texts("Tickets can be used two days after the strike.")).toEqual([]);
    expect(texts("It was a two-day walkout over pay.")).toEqual([]);
    expect(texts("Hospitals in the two provinces were full.")).toEqual([]);
    expect(texts("She was on deck with her two children. All three were rescued.")).toEqual([]);
    expect(texts("Her journey took two and a half hours.")).toEqual([]);
    expect(texts("Complaints rose in the second half of the year.")).toEqual([]);
  });

  it("does not read a word twice where the digits reading has it ('two million')", () => {
    expect(texts("About two million people were affected.")).toEqual(["About two million"]);
  });
});

describe("articleFigures: what chatter would call logistics", () => {
  it("keeps counts of members, calls and people, which in an article are the news", () => {
    expect(texts("The union said 9,400 of its members had voted.")).toEqual(["9,400"]);
    expect(texts("Our call centre has handled more than 85,000 calls.")).toEqual(["more than 85,000"]);
    expect(texts("The insurer has 2.3 million members.")).toEqual(["2.3 million"]);
    expect(texts("Rescuers have pulled 97 people alive from the rubble.")).toEqual(["97"]);
  });

  it("reads a share and an amount joined by 'to' as two figures: 'fell 42% to €610m'", () => {
    expect(texts("Profit fell 42% to €610m.")).toEqual(["42%", "€610m"]);
  });

  it("reads an amount of data glued to its unit ('412GB')", () => {
    expect(first("The attacker copied 412GB of data.")).toMatchObject({ text: "412GB", value: 412 });
    expect(texts("It held about 1.5 TB of records.")).toEqual(["about 1.5 TB"]);
  });
});

describe("articleFigures: phone numbers as articles print them", () => {
  it("leaves out spaced phone numbers, with an area code, a leading 0 or four digits first", () => {
    expect(texts("Customers can call our line on 1800 472 318, open 8am to 8pm.")).toEqual([]);
    expect(texts("Relatives can call the hotline on (02) 8527 3877 for news.")).toEqual([]);
    expect(texts("Travel information is on 03457 48 49 50.")).toEqual([]);
  });

  it("still reads counts that sit side by side", () => {
    expect(texts("The insurer has 2.3 million members and 3,400 employees.")).toEqual([
      "2.3 million",
      "3,400",
    ]);
    expect(texts("Between 2020 and 2024 the fleet grew by 1200 ships.")).toEqual(["1200"]);
  });
});
