import { describe, expect, it } from "vitest";
import { findUnsourcedFigures } from "../../src/flag/find-unsourced-figures.ts";

const unsourced = (s: string) => findUnsourcedFigures(s).unsourced.map((f) => f.text);
const sourced = (s: string) => findUnsourcedFigures(s).sourced.map((f) => f.text);

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
  ])("treats as unsourced: %s", (text) => {
    expect(unsourced(text).length).toBeGreaterThan(0);
  });

  it("decides per clause: an attribution in one sentence does not cover another", () => {
    const scan = findUnsourcedFigures(
      "per the Pentagon 1,000 NK losses; I'd add that Russia lost 250k killed",
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
});
