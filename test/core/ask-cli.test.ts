import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const tsx = "node_modules/.bin/tsx";
const run = (args: string[], input?: string) =>
  spawnSync(tsx, ["src/cli/ask.ts", ...args], {
    encoding: "utf8",
    input,
    env: { ...process.env, FORCE_COLOR: "0" },
  });

describe("npm run ask", () => {
  it("prints exactly one JSON object with --json, numbers in base units", () => {
    const r = run(["--json", "how many north korean troops are in kursk"]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const a = JSON.parse(lines[0] ?? "");
    expect(Object.keys(a)).toEqual(["query", "match", "suggestions"]);
    expect(a.match.topic.id).toBe("nk-deployed");
    expect(a.match.headline.figure).toMatchObject({ low: 10000, high: 12000, unit: "people" });
    expect(Object.keys(a.match.headline)).toEqual(["id", "figure", "as_of", "source", "outlet", "quote"]);
    expect(a.match.headline.outlet.seed).toMatch(/\.txt$/);
  });
  it("answers every line of --batch in order, an empty line with match null, and exits 0", () => {
    const r = run(["--json", "--batch"], "us aid total\n\nhow many ukrainian tanks were destroyed\n");
    expect(r.status).toBe(0);
    const answers = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(answers.map((a) => a.query)).toEqual([
      "us aid total",
      "",
      "how many ukrainian tanks were destroyed",
    ]);
    expect(answers[0].match.headline.figure.value).toBe(66_000_000_000);
    expect(answers[1].match).toBeNull();
    expect(answers[2].match).toBeNull();
  });
  it("prints a readable answer without --json", () => {
    const r = run(["russian soldiers killed"]);
    expect(r.stdout).toContain("about 250,000");
    expect(r.stdout).toContain("Disagreeing sources");
  });
  it("names a bad flag and exits 2", () => {
    const r = run(["--now", "yesterday-ish", "russian casualties"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--now must be a date");
  });
});
