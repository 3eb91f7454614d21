import { describe, expect, it } from "vitest";
import { findUnsourcedFigures } from "../../src/flag/find-unsourced-figures.ts";
import { warVocabulary } from "./support/flag-fixtures.ts";

const unsourced = (s: string) => findUnsourcedFigures(s, warVocabulary).unsourced.map((f) => f.text);
const sourced = (s: string) => findUnsourcedFigures(s, warVocabulary).sourced.map((f) => f.text);

describe("attribution", () => {
  it.each([
    "According to CSIS, Russian casualties are about 1.2 million",
    "Russia lost 765,110 troops per Ukraine's General Staff",
    "UK MoD says ~250,000 killed in action",
    "Zelensky said 43,000 Ukrainian troops killed",
    "the General Staff reported 1,970 on Jan 7",
    "Source: CSIS. 1.2m killed, wounded or missing",
    "NATO's Rutte: Russia lost 1,000 troops a day in December",
    "Russia loses 1,000 soldiers a day (Reuters)",
    "citing the Pentagon, NK losses are around 1,000",
    "AP reports 18 injured in Kharkiv",
    "figures from the UN monitoring mission: 11,743 civilians killed",
    "800,000 casualties <https://www.newsweek.com/russia|Newsweek>",
    "1.2 million killed, wounded or missing — CSIS, June",
    "Kyiv: 1,000,000",
  ])("treats as sourced: %s", (text) => {
    expect(unsourced(text)).toEqual([]);
    expect(sourced(text).length).toBeGreaterThan(0);
  });

  it.each([
    "Russia has lost 800,000 soldiers so far",
    "we said 750,000 in yesterday's story",
    "the draft says over 38,000 in Kursk",
    "I reckon 3,000 NK soldiers are dead",
    "Ukraine says nothing officially so I'd go with 45,000 Ukrainian dead",
    "Putin's army is losing more than 1500 men a day",
    "Kharkiv: 18 injured overnight",
    "Civilian deaths: 11,743",
    "per my notes from the briefing, 300 NK soldiers dead",
    "NK losses 3,800 — is that Zelensky's number?",
    "Dave said we should use 800,000 killed",
    "saw 950k via Telegram this morning",
  ])("treats as unsourced: %s", (text) => {
    expect(unsourced(text).length).toBeGreaterThan(0);
  });

  it("decides per clause: an attribution in one sentence does not cover another", () => {
    const scan = findUnsourcedFigures(
      "per the Pentagon 1,000 NK losses; I'd add that Russia lost 250k killed",
      warVocabulary,
    );
    expect(scan.sourced.map((f) => f.text)).toEqual(["1,000"]);
    expect(scan.unsourced.map((f) => f.text)).toEqual(["250k"]);
  });

  it("splits on 'but' so a hedge after an attribution stays unsourced", () => {
    expect(unsourced("we said 750,000 in yesterday's story but the General Staff now says 765,110")).toEqual([
      "750,000",
    ]);
  });

  it("lets 'he said' count when another clause names who", () => {
    expect(unsourced("Zelensky said 43,000 in December. Then in February it was 45,100, he said")).toEqual(
      [],
    );
    expect(unsourced("Then in February it was 45,100, he said")).toEqual(["45,100"]);
  });

  it("lets a line that is only an attribution cover the whole message", () => {
    expect(unsourced("1.2m killed, wounded or missing.\n— CSIS")).toEqual([]);
  });

  it("reads a name labelling a line as its source, even with a date in brackets", () => {
    expect(unsourced("Syrskyi (Jan 2025): 1,500 Russian casualties a day")).toEqual([]);
    expect(unsourced("Rutte, last week: over 1,000 a day")).toEqual([]);
    expect(unsourced("Kharkiv (overnight): 9 injured")).toEqual(["9"]);
    expect(unsourced("Budanov on March 3: 30,000 recruits a month")).toEqual([]);
  });

  it("does not read a label naming what is counted as a source", () => {
    expect(unsourced("Wounded: 600k")).toEqual(["600k"]);
    expect(unsourced("Russian artillery losses: 22,000")).toEqual(["22,000"]);
    expect(unsourced("Death toll: 4,300")).toEqual(["4,300"]);
  });

  it("lets a dash line naming a source sign the quote above it", () => {
    expect(
      unsourced("&gt; more than 12,000 civilians have been killed\n— UN monitoring mission, Jan report"),
    ).toEqual([]);
    expect(unsourced("&gt; Russia recruits 30,000 a month\n– Budanov, at a briefing in Kyiv")).toEqual([]);
  });

  it("does not let a dash line sign what comes after it, or sign without naming anyone", () => {
    expect(unsourced("&gt; losses topped 1 million\n— Zelensky\nthough I'd say 950k")).toEqual(["950k"]);
    expect(unsourced("&gt; 950k killed and wounded\n— our draft, top of the piece")).toEqual(["950k"]);
  });

  it("does not treat a government or army that acts in the sentence as its source", () => {
    expect(unsourced("NATO is spending 2% of GDP on defence now")).toEqual(["2%"]);
    expect(unsourced("the Pentagon shipped 31 Abrams last year")).toEqual(["31"]);
  });

  it("still sources a figure a government or army reports", () => {
    expect(unsourced("the Kremlin says 2% of GDP")).toEqual([]);
    expect(unsourced("per NATO, about 1,000 a day")).toEqual([]);
    expect(unsourced("the Pentagon figure is 700,000")).toEqual([]);
  });

  it("splits off the writer's own guess after a sourced figure", () => {
    expect(unsourced("Oryx lists 3,900 tanks, and my guess is 4,500 really")).toEqual(["4,500"]);
    expect(unsourced("Kofman said 1,200 a day while I'd put it at 1,400")).toEqual(["1,400"]);
  });

  it("does not count a source named only in a question", () => {
    expect(unsourced("NK losses are 4,500 — is that the ISW number?")).toEqual(["4,500"]);
    expect(unsourced("ISW says 500 sq km, is that still current?")).toEqual([]);
  });

  it("does not count a colleague's name as a source", () => {
    expect(unsourced("Priya's figure is 800k")).toEqual(["800k"]);
  });

  it("does not read our own notes, tracker or sums as a source", () => {
    expect(unsourced("From my notes at the presser, 2,400 were evacuated")).toEqual(["2,400"]);
    expect(unsourced("Revised estimate in our spreadsheet = 812k")).toEqual(["812k"]);
    expect(unsourced("our tracker, checked against the ISW map, has 790,000")).toEqual(["790,000"]);
  });

  it("does not read a passive verb's subject as who said it", () => {
    expect(unsourced("6 million Ukrainian refugees are still registered in the EU")).toEqual(["6 million"]);
    expect(unsourced("Russia is estimated to have lost 800,000 men")).toEqual(["800,000"]);
  });

  it("still sources a passive verb with a named agent", () => {
    expect(unsourced("losses were reported by the General Staff at 1,200 a day")).toEqual([]);
  });

  it("reads a name's data labelling a line, or showing a figure, as its source", () => {
    expect(unsourced("Levada data: 48% back the war")).toEqual([]);
    expect(unsourced("Rosstat figures show inflation at 9.5%")).toEqual([]);
  });

  it("does not read a descriptive label or a bare say verb as a source", () => {
    expect(unsourced("Key figures: 800,000 casualties")).toEqual(["800,000"]);
    expect(unsourced("Reported: 1,200 killed")).toEqual(["1,200"]);
  });

  it("splits off what the writer adds after a sourced figure", () => {
    expect(unsourced("ISW says 1,100 a day, and I'd add the wounded are probably 3x that")).toEqual(["3x"]);
  });
});

describe("repeated figures", () => {
  it("reports a figure repeated in one message once", () => {
    expect(unsourced("«Противник втратив 1,100 осіб» — 1,100 losses in a day")).toEqual(["1,100"]);
  });

  it("treats a repeated figure as sourced when any mention is attributed", () => {
    expect(findUnsourcedFigures("CSIS says 1.2m. I think 1.2m is about right", warVocabulary)).toMatchObject({
      unsourced: [],
      sourced: [{ text: "1.2m" }],
    });
  });

  it("keeps different numbers and the same number in another kind of unit apart", () => {
    expect(unsourced("Russia lost 40 tanks and 40% of its artillery")).toEqual(["40", "40%"]);
  });
});

describe("labels that name a topic or a document, not a source", () => {
  it.each([
    ["RADIO SCRIPT, cue 3: some 6 million people have left the country", "some 6 million"],
    ["Economy: 20% of the grid is still down after the strikes", "20%"],
    ["ATACMS: they received 30 so far", "30"],
  ])("flags %s", (text, figure) => {
    expect(unsourced(text)).toEqual([figure]);
  });

  it("does not take a place after 'from' for a source", () => {
    expect(unsourced("Death count from the Kherson shelling: 9")).toEqual(["9"]);
  });

  it("still takes an official of a place after 'from' for a source", () => {
    expect(sourced("Quote from the Odesa governor: «Over 30 drones hit the port»")).toEqual(["Over 30"]);
  });
});
