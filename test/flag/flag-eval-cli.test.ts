import { describe, expect, it } from "vitest";
import { runFlagEval } from "../../src/cli/flag-eval.ts";
import { HARBOUR_STRIKE_DIR, WAR_MESSAGES_DIR, WAR_STORY_DIR } from "./support/flag-fixtures.ts";

const war = ["--data", WAR_STORY_DIR, "--data", WAR_MESSAGES_DIR];

describe("flag-eval CLI", () => {
  it("prints message- and figure-level precision and recall as JSON", async () => {
    const out = JSON.parse((await runFlagEval(war)).output);
    expect(out.messages).toBeGreaterThanOrEqual(200);
    expect(out.messageLevel.precision).toBeGreaterThan(0.9);
    expect(out.figureLevel.recall).toBeGreaterThan(0.9);
    expect(out.falsePositives).toBeUndefined();
  });

  it("lists the misses with --details and reads another set with --set", async () => {
    const out = JSON.parse(
      (await runFlagEval([...war, "--set", "test/flag/messages-challenge.yml", "--details"])).output,
    );
    expect(out.set).toBe("test/flag/messages-challenge.yml");
    expect(Array.isArray(out.falseNegatives)).toBe(true);
  });

  it("flags with the sources of the data folders it is given", async () => {
    // Attribution comes from the data: without the war's sources, "UGS" is a word like any other.
    const withWar = JSON.parse((await runFlagEval([...war, "--details"])).output);
    const withOther = JSON.parse((await runFlagEval(["--data", HARBOUR_STRIKE_DIR, "--details"])).output);
    expect(withOther.messageLevel.falsePositives).toBeGreaterThan(withWar.messageLevel.falsePositives);
  });

  it("names the file when the set cannot be read", async () => {
    await expect(runFlagEval([...war, "--set", "test/flag/nope.yml"])).rejects.toThrow(/nope\.yml/);
  });
});
