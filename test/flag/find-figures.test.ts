import { describe, expect, it } from "vitest";
import { findFigures } from "../../src/flag/find-figures.ts";
import { warVocabulary } from "./support/flag-fixtures.ts";

const texts = (s: string) => findFigures(s, warVocabulary).map((f) => f.text);
const only = (s: string) => {
  const found = findFigures(s, warVocabulary);
  expect(found).toHaveLength(1);
  return found[0];
};

describe("findFigures: figures", () => {
  it("reads a grouped number with its noun as people", () => {
    expect(only("Russia has lost 800,000 soldiers so far")).toMatchObject({
      text: "800,000",
      value: 800_000,
      unit: "people",
    });
  });

  it("reads scale words and suffixes into base units", () => {
    expect(only("about 1.2 million casualties").value).toBe(1_200_000);
    expect(only("Russia lost 250k killed").value).toBe(250_000);
    expect(only("total now over 1m").value).toBe(1_000_000);
    expect(only("losses ~1.1mn").value).toBeCloseTo(1_100_000);
  });

  it("reads dollars, billions and percentages with their units", () => {
    expect(only("the aid package was $6bn")).toMatchObject({ value: 6e9, unit: "usd" });
    expect(only("about 50% of the wounded return")).toMatchObject({
      value: 50,
      unit: "percent",
      qualifier: "about",
    });
  });

  it("keeps the qualifier and the rate in the text as written", () => {
    expect(only("we should say nearly 2,000 a day")).toMatchObject({
      text: "nearly 2,000 a day",
      qualifier: "nearly",
      rate: "day",
    });
    expect(only("the enemy lost over 38,000 in Kursk")).toMatchObject({
      text: "over 38,000",
      qualifier: "over",
    });
  });

  it("reads ranges written with a dash, 'to' or 'between … and'", () => {
    expect(only("between 10,000 and 12,000 troops")).toMatchObject({
      text: "between 10,000 and 12,000",
      low: 10_000,
      high: 12_000,
    });
    expect(only("casualties of 500,000-600,000")).toMatchObject({ low: 500_000, high: 600_000 });
    expect(only("NK troops: 10-12k")).toMatchObject({ low: 10_000, high: 12_000 });
  });

  it("reads ratios", () => {
    expect(texts("a ratio of 2.5 to 1 or 2 to 1")).toEqual(["2.5 to 1", "2 to 1"]);
    expect(only("2.5 to 1 in Ukraine's favour").unit).toBe("ratio");
  });

  it("reads written millions but not idioms", () => {
    expect(only("one million Russian casualties").value).toBe(1_000_000);
    expect(only("Half a million Ukrainian casualties").value).toBe(500_000);
    expect(texts("I have a million things to do")).toEqual([]);
  });

  it("counts small numbers only with a claim noun or a claim verb", () => {
    expect(texts("russia launched 63 drones overnight")).toEqual(["63"]);
    expect(texts("18 people injured in Kharkiv")).toEqual(["18"]);
    expect(texts("they jammed 21 drones and shot down 28")).toEqual(["21", "28"]);
    expect(texts("need 2 more quotes, room 4, 5 reporters")).toEqual([]);
  });

  it("gives the clause around each figure for matching", () => {
    const [first, second] = findFigures("Ukraine lost 500k. Russia lost 1.2m.", warVocabulary);
    expect(first?.clause).toBe("Ukraine lost 500k.");
    expect(second?.clause).toBe("Russia lost 1.2m.");
  });
});

describe("findFigures: not figures", () => {
  it.each([
    ["times", "file by 3pm, meeting at 17:30, call at 10am, call is 0800 GMT, we need this by 9"],
    ["dates and years", "trip is June 12-14, 2024; we ran it in 2025; Q3 plan; Feb 24, 2022; 7 January"],
    ["year ranges", "a 2022-2025 axis, 2023 vs 2024"],
    ["phone numbers", "call +44 20 7946 0958 or 555-0143 or 07700 900123"],
    ["versions", "CMS 2.3, v1.4.2, see 3.2.1, Chrome 126"],
    ["ordinals", "5th floor, 2nd time, the 24th, the 1990s"],
    ["tickets and ids", "JIRA-123, PR #482, ukr-losses-0612, T-72 tanks, F-16s, Su-34"],
    [
      "pages, slots, paragraphs, grafs and items",
      "p. 4, page 12, slot 3, para 7, graf 3, item 5, row 1,204, ext. 4412",
    ],
    ["word and character counts", "800 words, file by 1,200 words, 1,500 characters, 2,400 words"],
    ["newsroom logistics", "3 photos, 2 sources, in 10 minutes, 30 mins, 5 reporters, 2 more hours"],
    [
      "audience numbers",
      "12,000 views, 40,000 subscribers, 1.2k readers, 1.5m pageviews, Page views: 45,000",
    ],
    ["progress and certainty percentages", "draft is 90% done, battery at 15%, 100% agree"],
    ["small expenses", "expenses: $45 taxi, $12 lunch"],
    ["time ranges", "the 2 to 3 pm slot"],
  ])("ignores %s", (_kind, text) => {
    expect(texts(text)).toEqual([]);
  });
});

describe("findFigures: written thousands", () => {
  it("reads written thousands that count something", () => {
    expect(findFigures("nearly two thousand a day", warVocabulary)[0]).toMatchObject({
      value: 2000,
      rate: "day",
    });
    expect(findFigures("Russia lost fifty thousand men in Bakhmut", warVocabulary)[0]?.value).toBe(50_000);
  });

  it("ignores written thousands in idioms", () => {
    expect(findFigures("a thousand apologies, a thousand times yes", warVocabulary)).toEqual([]);
  });
});

describe("findFigures: small counts of named weapons", () => {
  it("counts a plural model designation as the thing counted", () => {
    expect(only("Kyiv has taken delivery of 14 Mirage-2000s")).toMatchObject({ text: "14", unit: "count" });
    expect(texts("they lost 9 T-80BVs and 2 Ka-52s")).toEqual(["9", "2"]);
  });

  it("skips a weapon's name to reach the noun it describes", () => {
    expect(only("6 Leopard tanks were knocked out")).toMatchObject({ text: "6", unit: "count" });
    expect(only("2 Patriot batteries now cover Odesa")).toMatchObject({ text: "2" });
  });

  it("does not count newsroom items that happen to name a weapon", () => {
    expect(texts("we need 3 F-16 explainers and 2 Abrams photos")).toEqual([]);
    expect(texts("4 HIMARS graphics are in the folder")).toEqual([]);
  });
});

describe("findFigures: multipliers and shares", () => {
  it("reads a multiplier that compares", () => {
    expect(only("glide bomb attacks are up 4x since January")).toMatchObject({
      text: "4x",
      unit: "multiple",
    });
    expect(only("Russia makes 3 times as many shells as Europe")).toMatchObject({
      value: 3,
      unit: "multiple",
    });
    expect(only("artillery fire fell five-fold, then 2-fold")).toMatchObject({ text: "2-fold" });
  });

  it("ignores multipliers in newsroom talk", () => {
    expect(texts("export the map at 2x, I've asked 3x already, video plays at 1.5x speed")).toEqual([]);
  });

  it("reads '1 in 4' as a share, in percent", () => {
    expect(only("nearly 1 in 4 schools in Zaporizhzhia are shut")).toMatchObject({
      text: "nearly 1 in 4",
      value: 25,
      unit: "percent",
    });
    expect(only("3 out of 10 bridges were hit")).toMatchObject({ value: 30 });
  });

  it("does not read ratings, times or our own people as shares", () => {
    expect(texts("I'd give it a 9 out of 10, back in 5, 2 in 3 of our editors agree")).toEqual([]);
  });
});

describe("findFigures: hedges after the number", () => {
  it("reads '-ish', '-odd' and '-plus' as qualifiers", () => {
    expect(only("Russian losses are 950k-ish")).toMatchObject({ text: "950k-ish", qualifier: "about" });
    expect(only("NK dead: 3,000ish")).toMatchObject({ value: 3000, qualifier: "about" });
    expect(only("2,000-odd tanks lost")).toMatchObject({ qualifier: "about" });
    expect(only("12,000-plus troops")).toMatchObject({ qualifier: "over" });
  });
});

describe("findFigures: idioms and the newsroom's money", () => {
  it.each([
    "thank you a million, that saved me",
    "cheers a million for the edits",
    "I'm 100% behind cutting it",
    "we're 80% there on the map",
    "a thousand thanks, and 1,000 apologies for the delay",
    "the fixer wants $1,500 for the week",
    "hotel and taxi came to €2,300",
  ])("ignores %s", (text) => {
    expect(texts(text)).toEqual([]);
  });
});

describe("findFigures: comparisons and spaced scales", () => {
  it("counts a number compared with a figure just claimed as the same quantity", () => {
    expect(texts("shelling fell from 9,000 rounds a day to about 600")).toEqual(["9,000", "about 600"]);
    expect(texts("drone attacks: 4,100 in May vs 900 in March")).toEqual(["4,100", "900"]);
  });

  it("does not compare across sentences or with logistics", () => {
    expect(texts("Russia lost 3,800 tanks. Talk to 2 people first")).toEqual(["3,800"]);
  });

  it("reads 'mn' and 'bn' written after a space", () => {
    expect(only("about 1.4 mn displaced in the east").value).toBe(1_400_000);
    expect(only("a €3 bn loan")).toMatchObject({ value: 3e9, unit: "money" });
  });

  it("counts damaged infrastructure as a small count", () => {
    expect(texts("drones hit 3 refineries and 2 substations overnight")).toEqual(["3", "2"]);
    expect(texts("strikes knocked out 4 thermal power plants; 9 families evacuated")).toEqual(["4", "9"]);
    expect(only("Ukraine retook 450 square kilometres").unit).toBe("km");
  });
});

describe("findFigures: counts whose noun is elsewhere in the sentence", () => {
  it("counts what happened to things an earlier figure counted", () => {
    expect(texts("45 missiles came in after midnight and 38 were intercepted")).toEqual(["45", "38"]);
    expect(texts("Russia fired 80 missiles, 20 of them were intercepted")).toEqual(["80", "20"]);
    expect(texts("3 were killed and 12 injured in Sumy")).toEqual(["3", "12"]);
  });

  it("counts what a claim verb says happened to the rest of them", () => {
    expect(texts("they attacked with 40 Shaheds, 31 were destroyed and 6 lost to EW")).toEqual([
      "40",
      "31",
      "6",
    ]);
  });

  it("reads 'N of M things' as counting the things", () => {
    expect(texts("12 of 40 tanks were lost in the first assault")).toEqual(["12", "40"]);
  });

  it("counts a list that goes on counting the same thing on other days", () => {
    expect(texts("2,300 killed last week, 2,100 the week before")).toEqual(["2,300", "2,100"]);
    expect(texts("shelling killed 14 people on Monday and 9 the day before")).toEqual(["14", "9"]);
    expect(texts("Russia lost 40 tanks this week and 12 more")).toEqual(["40", "12"]);
  });

  it("does not carry a count over to newsroom things", () => {
    expect(texts("I sent 63 photos over and 28 were used")).toEqual([]);
    expect(texts("12 of 15 reporters are remote, 5 were shot by Anna")).toEqual([]);
    expect(texts("we published 40 stories last week and 12 the week before")).toEqual([]);
  });
});

describe("findFigures: populations and durations", () => {
  it("counts a large number of people as a population", () => {
    expect(only("roughly 3.5 million people have left the occupied areas")).toMatchObject({
      unit: "people",
    });
    expect(only("Kherson has about 75,000 people left")).toMatchObject({ text: "about 75,000" });
    expect(texts("Russia fields some 700,000 people in Ukraine, Ukraine about 1 million")).toEqual([
      "some 700,000",
      "about 1 million",
    ]);
  });

  it("does not count an audience or a meeting as a population", () => {
    expect(texts("120,000 people read the explainer yesterday")).toEqual([]);
    expect(texts("we have 30,000 people on the mailing list; 12 people on the call")).toEqual([]);
  });

  it("counts thousands of days as a figure but not a few days or hours of work", () => {
    expect(only("the war has lasted 1,100 days now").text).toBe("1,100");
    expect(texts("we have 3 days to finish, and 1,200 hours of footage")).toEqual([]);
  });
});

describe("findFigures: shares and multipliers with a claim", () => {
  it("counts a share that something lost, even of a capacity", () => {
    expect(only("Ukraine lost 55% of its thermal capacity last winter").text).toBe("55%");
  });

  it("does not count lost traffic or readers", () => {
    expect(texts("we lost 20% of traffic after the redesign, battery at 40% capacity")).toEqual([]);
    expect(texts("the site lost 15% of its visitors")).toEqual([]);
  });

  it("reads 'year on year' as how a share was measured, not what it counts", () => {
    expect(only("Russian oil revenue fell 24% year on year").text).toBe("24%");
  });

  it("counts a multiplier of 'the' something", () => {
    expect(only("contract salaries are 3x the regional average").text).toBe("3x");
  });

  it("does not count a multiplier of a speed or a size", () => {
    expect(texts("play it at 2x the speed, the map is 2x the size of the old one")).toEqual([]);
  });
});

describe("findFigures: numbers that go on counting logistics", () => {
  it("reads a bare number after a word count as the same logistics", () => {
    expect(texts("it's 2,400 characters, needs to be 1,800")).toEqual([]);
    expect(texts("keep it under 600 words, the wire version was 1,400")).toEqual([]);
    expect(texts("he filed 1,200 words yesterday and 800 the day before")).toEqual([]);
  });

  it("still counts a claim after logistics when a claim verb says so", () => {
    expect(texts("need 300 words on it: Russia lost 1,400 in a day")).toEqual(["1,400"]);
  });
});

describe("findFigures: series that do not repeat their noun", () => {
  it("reads a month's grouped figure as a figure, not a date", () => {
    expect(texts("Sorties by month: Oct was 1,900, Nov 2,350, Dec roughly 2,600")).toEqual([
      "1,900",
      "2,350",
      "roughly 2,600",
    ]);
  });

  it("still reads a month with a day-sized number as a date", () => {
    expect(texts("Briefing moved to Nov 14, shelling killed 12 civilians")).toEqual(["12"]);
  });

  it("counts a participle after a counted noun as more of the same things", () => {
    expect(texts("Kherson walkabout: 17 houses burned, 4 totally destroyed")).toEqual(["17", "4"]);
    expect(texts("Air defence: 12 launchers promised, 7 delivered")).toEqual(["12", "7"]);
  });

  it("counts 'a further N' after a counted noun in the same clause", () => {
    expect(texts("Strikes hit 9 substations, and a further 4 near Lviv")).toEqual(["9", "4"]);
  });

  it("counts a number possessed after a weapon named earlier in the clause", () => {
    expect(texts("Gepards: Ukraine has 52 now, with another 15 promised")).toEqual(["52", "15"]);
  });

  it("does not count a weapon's explainer logistics", () => {
    expect(texts("Javelin explainer: I've got 3 paras left to write")).toEqual([]);
  });
});

describe("findFigures: measures named earlier in the clause", () => {
  it("reads the number a death toll stands at", () => {
    expect(texts("Kramatorsk station death toll as of tonight 61")).toEqual(["61"]);
  });

  it("reads the number after a labelled casualty count", () => {
    expect(texts("Casualty count from the Odesa strike: 14")).toEqual(["14"]);
  });

  it("does not read a toll road or the tally bot as a measure", () => {
    expect(texts("the toll road costs 20 each way")).toEqual([]);
    expect(texts("the tally bot flagged 5 messages today")).toEqual([]);
  });
});

describe("findFigures: energy and plant counts", () => {
  it("counts reactors and generating capacity", () => {
    expect(texts("Khmelnytskyi has 2 reactors running")).toEqual(["2"]);
    expect(texts("About 4 GW of capacity restored")).toEqual(["About 4"]);
  });
});

describe("findFigures: model names", () => {
  it("does not read the number in a model name as a count", () => {
    expect(texts("Kyiv wants 40 Leopard 1 tanks and 12 Gepard 2 systems")).toEqual(["40", "12"]);
    expect(texts("Poland sent more Leopard 2 tanks")).toEqual([]);
  });

  it("still counts after a place name", () => {
    expect(texts("In Izium 4 soldiers were captured")).toEqual(["4"]);
  });
});
