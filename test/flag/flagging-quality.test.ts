import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateFlagging } from "../../src/flag/evaluate-flagging.ts";
import type { FlagVocabulary } from "../../src/flag/flag-vocabulary.ts";
import { readLabelledMessages } from "../../src/flag/labelled-messages.ts";
import { loadFlagVocabulary } from "../../src/flag/load-flag-vocabulary.ts";
import { STORIES_DIR, warVocabulary } from "./support/flag-fixtures.ts";

// The bars from issue 5, on every labelled set, at message and at figure level. The war sets: messages.yml was
// written before the detector; messages-challenge.yml after it, to probe other phrasings; blind.yml … blind4.yml
// by people who never saw the detector (blind4 untuned: its first run is what it scored). Each eval story's
// messages.yml (issue 8) was written blind, with the story, and is flagged with that story's own sources and
// topics alone: attribution and figure words come from its data, not from the code.
const warSets = [
  "test/flag/messages.yml",
  "test/flag/messages-challenge.yml",
  "test/flag/blind.yml",
  "test/flag/blind2.yml",
  "test/flag/blind3.yml",
  "test/flag/blind4.yml",
];
const storyDirs = (root: string): string[] =>
  readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, "messages.yml")))
    .sort()
    .map((name) => path.join(root, name));
const stories = storyDirs(STORIES_DIR).map((dir) => path.basename(dir));
// The later stories (test/eval/heldout/) were flagged first untuned, message precision / recall: wildfires
// 92.3 / 96.0, economy 96.0 / 96.0, migration 95.8 / 95.8, heatwave 100 / 78.3. They are held to the message
// bar; heatwave's figure level (91.3 / 87.5: "47.2C" read, "27 days above 40C" and "59.1GW" not) is left open.
const later = storyDirs(path.join(STORIES_DIR, "..", "heldout"));

// A story's set is a quarter the size of the war's main set, so it needs less chatter to be a real set.
const sets: Array<{
  name: string;
  file: string;
  vocabulary: FlagVocabulary;
  minChatter: number;
  /** The later stories are held to issue 8's bar, which is per message; their figure-level scores are reported. */
  figureBar?: boolean;
}> = [
  ...warSets.map((file) => ({ name: file, file, vocabulary: warVocabulary, minChatter: 20 })),
  ...(await Promise.all(
    stories.map(async (story) => ({
      name: `story ${story}`,
      file: path.join(STORIES_DIR, story, "messages.yml"),
      vocabulary: await loadFlagVocabulary([path.join(STORIES_DIR, story)]),
      minChatter: 15,
    })),
  )),
  ...(await Promise.all(
    later.map(async (dir) => ({
      name: `later story ${path.basename(dir)}`,
      file: path.join(dir, "messages.yml"),
      vocabulary: await loadFlagVocabulary([dir]),
      minChatter: 15,
      figureBar: false,
    })),
  )),
];

describe.each(sets)("flagging quality on $name", ({ file, vocabulary, minChatter, figureBar }) => {
  const set = readLabelledMessages(file);
  const result = evaluateFlagging(set, vocabulary);

  it("has a real labelled set with figures, sourced figures and chatter", () => {
    expect(set.filter((m) => m.figures.length > 0).length).toBeGreaterThan(20);
    expect(set.filter((m) => m.sourced === true).length).toBeGreaterThanOrEqual(10);
    // Chatter: nothing to flag and nothing sourced (questions and idioms count, sourced figures do not).
    expect(set.filter((m) => m.figures.length === 0 && m.sourced !== true).length).toBeGreaterThanOrEqual(
      minChatter,
    );
  });

  it("flags messages with at least 95% precision and 90% recall", () => {
    expect(result.messageLevel.precision).toBeGreaterThanOrEqual(0.95);
    expect(result.messageLevel.recall).toBeGreaterThanOrEqual(0.9);
  });

  it(`finds unsourced figures with at least ${figureBar === false ? "85" : "95"}% precision and ${figureBar === false ? "85" : "90"}% recall`, () => {
    expect(result.figureLevel.precision).toBeGreaterThanOrEqual(figureBar === false ? 0.85 : 0.95);
    expect(result.figureLevel.recall).toBeGreaterThanOrEqual(figureBar === false ? 0.85 : 0.9);
  });
});

describe("the labelled sets", () => {
  it("include the main set of at least 200 messages and the four eval stories", () => {
    expect(readLabelledMessages("test/flag/messages.yml").length).toBeGreaterThanOrEqual(200);
    expect(stories).toEqual(expect.arrayContaining(["election", "floods", "outbreak", "protests"]));
  });
});

describe("evaluateFlagging", () => {
  it("counts a missed figure and a wrongly flagged message", () => {
    const result = evaluateFlagging(
      [
        { text: "Russia lost 800,000 soldiers", figures: ["800,000"], sourced: false },
        { text: "the rate is 2.5 to 1 but 42 is the answer", figures: [], sourced: false },
        { text: "meeting at 3pm", figures: ["3pm"] },
      ],
      warVocabulary,
    );
    expect(result.messageLevel).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 1 });
    expect(result.figureLevel).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 1 });
  });

  it("does not pair a label with a number that merely contains it", () => {
    const result = evaluateFlagging(
      [{ text: "Russia fired 1,280 shells", figures: ["28"], sourced: false }],
      warVocabulary,
    );
    expect(result.figureLevel.truePositives).toBe(0);
  });
});
