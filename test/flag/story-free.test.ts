import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Issue 8 and design point 4: the flag core knows no story, and speaks no Slack.
const root = path.resolve(import.meta.dirname, "../../src/flag");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith(".ts") ? [full] : [];
  });
}

/** The code without its comments: story words may illustrate a comment, never drive a decision. */
function code(file: string): string {
  return readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

// Words of the seed story (its sides, places, sources, weapons): none may appear in src/flag outside comments.
const storyWords =
  /\b(?:russia\w*|ukrain\w*|kyiv|kiev|moscow|kremlin|kursk|kharkiv|donetsk|csis|zelensk\w*|putin|rutte|nato|pentagon|ugs|isw|oryx|drones?|patriots?|himars|shaheds?|tanks|missiles?|soldiers?|troops|casualt\w*|oblasts?|korean?s?)\b/i;

describe("the flag core", () => {
  const sources = files(root);

  it("has its files", () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  it.each(sources.map((f) => [path.relative(root, f), f]))("%s names no story", (_name, file) => {
    expect(code(file).match(storyWords)?.[0] ?? null).toBeNull();
  });

  it.each(sources.map((f) => [path.relative(root, f), f]))("%s imports nothing from Slack", (_name, file) => {
    expect(code(file)).not.toMatch(/from\s+["'](?:@slack\/|(?:\.\.\/)+slack\/)/);
  });

  it("keeps each file to one idea, about 300 lines at most", () => {
    const long = sources.filter((f) => readFileSync(f, "utf8").split("\n").length > 300);
    expect(long.map((f) => path.relative(root, f))).toEqual([]);
  });
});
