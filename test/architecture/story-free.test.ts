import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadIndex } from "../../src/claims/load-index.ts";
import { loadEnglishWords } from "../../src/match/english-words.ts";
import { WAR_STORY_DIR } from "../support/war-story.ts";

/** Every .ts file under a folder. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? tsFiles(full) : full.endsWith(".ts") ? [full] : [];
  });
}

/** Code without its comments: comments may cite a story as an example, code may not know one. */
const codeOf = (file: string): string =>
  readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");

const files = tsFiles("src");
/** Names of the platform the code is written against ("Intl.NumberFormat"), never a story's. */
const platformWords = new Set(["intl", "math", "json", "node", "array", "promise", "symbol", "regexp"]);

describe("src/ knows no story", async () => {
  // The names of every story the project holds: the seed story in data/ and the evaluation stories.
  // The frozen copy of data/ rather than data/ itself, so that a desk's correct edit never fails this test.
  const folders = ["test/eval/stories", "test/eval/heldout"].flatMap((root) =>
    readdirSync(root)
      .filter((d) => statSync(path.join(root, d)).isDirectory())
      .map((d) => path.join(root, d)),
  );
  const { index } = await loadIndex({ dataDirs: [WAR_STORY_DIR, ...folders] });
  const english = loadEnglishWords();
  const names = new Set<string>();
  const texts = [
    ...[...index.sourceById.values()].flatMap((s) => [s.name, ...s.aliases, s.side ?? ""]),
    ...index.topics.flatMap((t) => [t.subject, t.place ?? ""]),
  ];
  for (const text of texts) {
    for (const word of text.match(/\p{Lu}[\p{L}]{3,}/gu) ?? []) {
      const w = word.toLowerCase();
      // Proper names only: English words ("Interior", "Ministry", "Cross") are the code's language.
      if (!english.has(w) && !english.has(w.replace(/s$/, "")) && !platformWords.has(w)) names.add(w);
    }
  }

  it("finds the stories' names to look for", () => {
    expect(names.size).toBeGreaterThan(30);
    expect(names.has("kursk")).toBe(true);
  });

  it.each(files)("%s names no source, side or place of any story outside comments", (file) => {
    const code = codeOf(file).toLowerCase();
    const found = [...names].filter((n) => new RegExp(`\\b${n}`).test(code));
    expect(found).toEqual([]);
  });
});

describe("the core speaks no Slack", () => {
  const core = files.filter((f) => !/^src[/\\](slack|console)[/\\]/.test(f) && !f.endsWith("main.ts"));
  it.each(core)("%s imports nothing from Slack", (file) => {
    const code = codeOf(file);
    expect(code).not.toMatch(/from\s+["']@slack\//);
    expect(code).not.toMatch(/from\s+["'][./]*\/slack\//);
  });
});
