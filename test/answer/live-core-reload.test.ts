import { readFileSync, writeFileSync } from "node:fs";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type LiveCore, loadLiveCore } from "../../src/answer/live-core.ts";
import { slicedRunner } from "../../src/schedule/time-slice.ts";

const FIXTURES = "test/fixtures/claims-index";
const now = () => new Date("2025-04-20T00:00:00Z");
const question = "how many homes were destroyed by the floods";

async function copyOf(dir: string): Promise<string> {
  const copy = await mkdtemp(path.join(tmpdir(), "tally-reload-"));
  await cp(dir, copy, { recursive: true });
  return copy;
}

/** The figure an answer to the question heads with, as a user asking it would get it. */
const answered = (core: LiveCore) => core.ask(question).match?.headline.claim.value;

/** Sets homes destroyed to `value` in the data folder (its quote then cannot be checked: a warning only). */
async function editHomes(dir: string, value: number): Promise<void> {
  const file = path.join(dir, "claims", "valley-daily.yml");
  await writeFile(file, (await readFile(file, "utf8")).replace(/value: 3\d0/, `value: ${value}`));
}

/**
 * A live core whose rebuilds give the loop back after every step (a budget of 0 ms), calling `onTurn` each time
 * instead of waiting for the event loop: what a question asked then is answered with is observable.
 */
async function liveCore(dir: string, onTurn: (core: LiveCore) => void | Promise<void>) {
  let core: LiveCore | null = null;
  const logged: string[] = [];
  const loaded = await loadLiveCore({
    dataDirs: [dir],
    now,
    log: (_level, message) => logged.push(message),
    rebuildRunner: slicedRunner(async () => {
      if (core) await onTurn(core);
    }, 0),
  });
  core = loaded.core;
  return { core, logged };
}

describe("a reload beside the serving index", () => {
  it("answers from the serving index while the next one builds, and from the new one once it is complete", async () => {
    const dir = await copyOf(path.join(FIXTURES, "flood"));
    const during: Array<number | undefined> = [];
    const { core } = await liveCore(dir, (c) => {
      during.push(answered(c));
    });
    expect(answered(core)).toBe(340);

    await editHomes(dir, 350);
    const reloaded = await core.reload();
    expect(reloaded).toEqual({ taken: true, problems: [] });
    // Questions were answered between the rebuild's steps, every one from the index that was serving.
    expect(during.length).toBeGreaterThan(10);
    expect(new Set(during)).toEqual(new Set([340]));
    expect(answered(core)).toBe(350);
  });

  it("keeps the serving index when a rebuild fails part way, and takes the next edit", async () => {
    const dir = await copyOf(path.join(FIXTURES, "flood"));
    let failAt = Number.POSITIVE_INFINITY;
    let turns = 0;
    const { core, logged } = await liveCore(dir, () => {
      turns += 1;
      if (turns >= failAt) throw new Error("out of memory, say");
    });

    await editHomes(dir, 350);
    failAt = 5;
    expect(await core.reload()).toEqual({ taken: false, problems: [] });
    expect(logged.some((m) => m.includes("reload failed"))).toBe(true);
    expect(answered(core)).toBe(340);

    failAt = Number.POSITIVE_INFINITY;
    expect((await core.reload()).taken).toBe(true);
    expect(answered(core)).toBe(350);
  });

  it("keeps the serving index when the edit adds a problem, however the rebuild runs", async () => {
    const dir = await copyOf(path.join(FIXTURES, "flood"));
    const { core } = await liveCore(dir, () => {});
    const file = path.join(dir, "claims", "valley-daily.yml");
    await writeFile(
      file,
      `${await readFile(file, "utf8")}\n- id: broken\n  topic: flood-killed\n  value: [oops\n`,
    );
    const broken = await core.reload();
    expect(broken.taken).toBe(false);
    expect(broken.problems.length).toBeGreaterThan(0);
    expect(answered(core)).toBe(340);
  });

  it("runs a reload asked for during another after it, in order, so the later edit is what serves", async () => {
    const dir = await copyOf(path.join(FIXTURES, "flood"));
    const file = path.join(dir, "claims", "valley-daily.yml");
    const during: Array<number | undefined> = [];
    let second: Promise<{ taken: boolean }> | null = null;
    const { core } = await liveCore(dir, (c) => {
      during.push(answered(c));
      if (second) return;
      // Mid-rebuild, the desk saves again and the watcher asks for another reload.
      writeFileSync(file, readFileSync(file, "utf8").replace("value: 350", "value: 360"));
      second = c.reload();
    });

    await editHomes(dir, 350);
    const first = await core.reload();
    expect(first.taken).toBe(true);
    expect(second).not.toBeNull();
    expect((await (second as unknown as Promise<{ taken: boolean }>)).taken).toBe(true);
    expect(answered(core)).toBe(360);
    // The first rebuild answered from the start index, the second from the first's: never from a later one.
    const firstIndex = during.indexOf(350);
    expect(firstIndex).toBeGreaterThan(0);
    expect(during.slice(0, firstIndex).every((v) => v === 340)).toBe(true);
    expect(during.slice(firstIndex).every((v) => v === 350)).toBe(true);
  });
});
