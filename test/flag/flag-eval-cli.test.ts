import { describe, expect, it } from "vitest";
import { runFlagEval } from "../../src/cli/flag-eval.ts";

describe("flag-eval CLI", () => {
  it("prints message- and figure-level precision and recall as JSON", () => {
    const out = JSON.parse(runFlagEval([]).output);
    expect(out.messages).toBeGreaterThanOrEqual(200);
    expect(out.messageLevel.precision).toBeGreaterThan(0);
    expect(out.figureLevel.recall).toBeGreaterThan(0);
    expect(out.falsePositives).toBeUndefined();
  });

  it("lists the misses with --details and reads another set with --set", () => {
    const out = JSON.parse(runFlagEval(["--set", "test/flag/messages-challenge.yml", "--details"]).output);
    expect(out.set).toBe("test/flag/messages-challenge.yml");
    expect(Array.isArray(out.falseNegatives)).toBe(true);
  });

  it("names the file when the set cannot be read", () => {
    expect(() => runFlagEval(["--set", "test/flag/nope.yml"])).toThrow(/nope\.yml/);
  });
});
