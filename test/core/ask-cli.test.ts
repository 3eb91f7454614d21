/** `npm run ask` as a user runs it, on an invented story written out as a data folder (not on data/). */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFixtureStory } from "../support/fixture-story.ts";

const tsx = "node_modules/.bin/tsx";
let dataDir = "";
beforeAll(() => {
  dataDir = writeFixtureStory();
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const run = (args: string[], input?: string) =>
  spawnSync(tsx, ["src/cli/ask.ts", "--data", dataDir, "--now", "2025-06-01", ...args], {
    encoding: "utf8",
    input,
    env: { ...process.env, FORCE_COLOR: "0" },
  });
const json = (args: string[]) => {
  const r = run(["--json", ...args]);
  expect(r.status).toBe(0);
  const lines = r.stdout.trim().split("\n");
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] ?? "");
};

describe("npm run ask --json", () => {
  it("prints exactly one JSON object, numbers in base units, with no reason when it answers", () => {
    const a = json(["riverton homes destroyed"]);
    expect(Object.keys(a)).toEqual(["query", "match", "suggestions", "reason"]);
    expect(a.reason).toBeNull();
    expect(a.match.topic.id).toBe("homes-destroyed");
    expect(a.match.headline.figure).toMatchObject({ low: 10000, high: 12000, unit: "homes" });
    expect(Object.keys(a.match)).toEqual([
      "topic",
      "confidence",
      "headline",
      "disagreements",
      "agreements",
      "related",
      "requested",
      "review",
    ]);
    expect(a.match.review).toMatchObject({ review_days: 30, due: expect.any(Boolean) });
  });

  it("includes the related figures that Slack and the CLI show, each with its topic and claim", () => {
    const a = json(["riverton flood deaths"]);
    expect(a.match.related).toEqual([
      {
        topic: { id: "flood-missing", title: "People missing after the Riverton floods" },
        claim: expect.objectContaining({ id: "fm-gov", as_of: "2025-03-20" }),
      },
    ]);
    // The same claim shape as the headline's.
    expect(Object.keys(a.match.related[0].claim)).toEqual(Object.keys(a.match.headline));
    expect(a.match.related[0].claim.figure).toMatchObject({ value: 300, unit: "people", text: "300" });
  });

  it("keeps match null for a date before the topic's first figure, and says why with the earliest figure", () => {
    const a = json(["riverton flood deaths on 1 March 2025"]);
    expect(a.match).toBeNull();
    expect(a.reason).toMatchObject({
      code: "before-first-figure",
      topic: { id: "flood-deaths" },
      asked: "2025-03-01",
      earliest: { as_of: "2025-03-10", claim: { id: "fd-gov-early", figure: { value: 1200 } } },
    });
    expect(Object.keys(a.reason.earliest.claim)).toContain("quote");
  });

  it("answers every line of --batch in order, an empty line with match null, and exits 0", () => {
    const r = run(["--json", "--batch"], "riverton flood deaths\n\nwhat time is standup\n");
    expect(r.status).toBe(0);
    const answers = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(answers.map((a) => a.query)).toEqual(["riverton flood deaths", "", "what time is standup"]);
    expect(answers[0].match.headline.figure.value).toBe(1970);
    expect(answers[1].match).toBeNull();
    expect(answers[2].match).toBeNull();
    expect(answers[2].reason).toBeNull();
  });
});

describe("npm run ask", () => {
  it("prints a readable answer, with agreeing qualified figures among those that agree", () => {
    const r = run(["riverton flood deaths"]);
    expect(r.stdout).toContain("1,970 — as of 20 Mar 2025 (2 months ago)");
    expect(r.stdout).toMatch(/Agreeing sources \(1\):\n {2}• nearly 2,000/);
    expect(r.stdout).toMatch(/Disagreeing sources \(1\):\n {2}• 2,400/);
  });

  it("says plainly when the named source has no figure on the topic, and whose figure is shown", () => {
    const r = run(["riverton flood deaths according to river watch"]);
    expect(r.stdout).toContain(
      "River Watch has no figure on this topic in the index; shown instead: Riverton Regional Government's, the latest.",
    );
  });

  it("says the index has nothing that early, and what its earliest figure is", () => {
    const r = run(["riverton flood deaths on 1 March 2025"]);
    expect(r.stdout).toContain("as early as 1 Mar 2025; its first figure is from 10 Mar 2025.");
    expect(r.stdout).toContain("Earliest figure: 1,200 — as of 10 Mar 2025");
  });

  it("never calls a figure dated after --now 'today'", () => {
    const r = spawnSync(
      tsx,
      ["src/cli/ask.ts", "--data", dataDir, "--now", "2024-12-01", "riverton flood deaths"],
      {
        encoding: "utf8",
        env: { ...process.env, FORCE_COLOR: "0" },
      },
    );
    expect(r.stdout).toContain("1,970 — as of 20 Mar 2025 (dated 3 months after the reference date)");
    expect(r.stdout).not.toContain("today");
  });

  it("names a bad flag and exits 2", () => {
    const r = spawnSync(tsx, ["src/cli/ask.ts", "--now", "yesterday-ish", "riverton flood deaths"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--now must be a date");
  });
});
