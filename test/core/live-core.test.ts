import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadLiveCore } from "../../src/answer/live-core.ts";
import type { TallyCore } from "../../src/answer/types.ts";

const FIXTURES = "test/fixtures/claims-index";

async function copyOf(dir: string): Promise<string> {
  const copy = await mkdtemp(path.join(tmpdir(), "tally-live-"));
  await cp(dir, copy, { recursive: true });
  return copy;
}

const now = () => new Date("2025-04-20T00:00:00Z");
/** The served figure itself, not its text: formatting is not what these tests are about. */
const homes = (core: TallyCore) => core.answerTopic("flood-homes-destroyed")?.match?.headline.claim.value;

describe("the live core", () => {
  it("keeps serving the last good index when an edit breaks a file, and takes the next good edit", async () => {
    const dir = await copyOf(path.join(FIXTURES, "flood"));
    const logged: string[] = [];
    const { core, problems } = await loadLiveCore({
      dataDirs: [dir],
      documentsDirs: [path.join(dir, "texts")],
      now,
      log: (_level, message) => logged.push(message),
    });
    expect(problems).toEqual([]);
    expect(homes(core)).toBe(340);

    const file = path.join(dir, "claims", "valley-daily.yml");
    const good = await readFile(file, "utf8");
    await writeFile(file, `${good}\n- id: broken\n  topic: flood-killed\n  value: [oops\n`);
    const broken = await core.reload();
    expect(broken.taken).toBe(false);
    expect(broken.problems.map((p) => path.basename(p.file))).toEqual(["valley-daily.yml"]);
    expect(logged.some((m) => m.includes("valley-daily.yml"))).toBe(true);
    expect(homes(core)).toBe(340);

    // A new figure whose quote is in the text copy: taken.
    const text = path.join(dir, "texts", "valley-daily-2025-03-04.txt");
    await writeFile(text, `${await readFile(text, "utf8")}By evening the count was 360.\n`);
    await writeFile(
      file,
      good
        .replace("value: 340", "value: 360")
        .replace("The agency’s count of homes destroyed stands at 340.", "By evening the count was 360."),
    );
    const fixed = await core.reload();
    expect(fixed).toEqual({ taken: true, problems: [] });
    expect(homes(core)).toBe(360);
  });

  it("takes an edit whose quote cannot be checked: unverified is a warning, not a problem", async () => {
    const dir = await copyOf(path.join(FIXTURES, "flood"));
    const { core } = await loadLiveCore({ dataDirs: [dir], now, log: () => {} });
    const file = path.join(dir, "claims", "valley-daily.yml");
    await writeFile(file, (await readFile(file, "utf8")).replace("value: 340", "value: 350"));
    expect((await core.reload()).taken).toBe(true);
    expect(homes(core)).toBe(350);
  });
});
