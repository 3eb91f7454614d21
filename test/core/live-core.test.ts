import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadLiveCore } from "../../src/answer/live-core.ts";

async function copyOfData(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "tally-live-"));
  await cp("data", dir, { recursive: true });
  return dir;
}

describe("the live core", () => {
  it("keeps serving the last good index when an edit breaks a file, and takes the next good edit", async () => {
    const dir = await copyOfData();
    const logged: string[] = [];
    const { core } = await loadLiveCore({
      dataDir: dir,
      now: () => new Date("2025-11-20T00:00:00Z"),
      log: (_level, message) => logged.push(message),
    });
    expect(core.ask("russian soldiers killed").match?.headline.figure.text).toBe("about 250,000");

    const file = path.join(dir, "claims", "003-thin-line-news.yml");
    const good = await readFile(file, "utf8");
    await writeFile(file, `${good}\n- id: broken\n  topic: ru-killed\n  value: [oops\n`);
    const broken = await core.reload();
    expect(broken.taken).toBe(false);
    expect(logged.some((m) => m.includes("003-thin-line-news.yml"))).toBe(true);
    expect(core.ask("russian soldiers killed").match?.headline.figure.text).toBe("about 250,000");

    await writeFile(file, good.replace("value: 250000", "value: 260000"));
    const fixed = await core.reload();
    expect(fixed.taken).toBe(true);
    expect(core.ask("russian soldiers killed").match?.headline.figure.text).toBe("about 260,000");
  });
});
