import { appendFile, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type LiveCore, loadLiveCore } from "../../src/answer/live-core.ts";
import { loadCore } from "../../src/answer/load-core.ts";
import { copyOf, edit } from "../support/edited-copy.ts";

const FIXTURES = "test/fixtures/claims-index";
const now = () => new Date("2025-04-20T00:00:00Z");
/** Questions on every topic of both stories, by title, alias, source and typo, and ones Tally abstains on. */
const questions = [
  "how many people were displaced by the floods",
  "flood evacuees",
  "flood death toll",
  "how many homes were destroyed by the floods",
  "homes destroyed according to REA",
  "what does the emergency agency say about evacuees",
  "turnout in the lakeside election",
  "lakeside turnout",
  "lakeside voter turnout figure",
  "the zorbulen count",
  "the zorb count",
  "hw many peple wer displaced",
  "how many homes did the floods destroy as of 4 March 2025",
  "how many tanks were lost",
  "what is the weather",
];

/** Every answer, as the core gives it (the whole match, history included). */
const answers = (core: Pick<LiveCore, "ask">): string[] => questions.map((q) => JSON.stringify(core.ask(q)));

describe("a rebuild that reuses what an edit left alone", () => {
  it("answers every question as a fresh build of the edited index does, edit after edit", async () => {
    const flood = await copyOf(path.join(FIXTURES, "flood"));
    const election = await copyOf(path.join(FIXTURES, "second-story"));
    const dataDirs = [flood, election];
    const { core } = await loadLiveCore({ dataDirs, now, log: () => {} });
    const fresh = async () => answers((await loadCore({ dataDirs, now })).core);
    expect(answers(core)).toEqual(await fresh());

    const edits: Array<() => Promise<void>> = [
      // A figure changes: the wording is as it was.
      () => edit(path.join(flood, "claims", "valley-daily.yml"), /value: 340/, "value: 350"),
      // A flood figure now comes from the election's document: the two stories become one.
      () =>
        edit(
          path.join(flood, "claims", "valley-daily.yml"),
          /document: valley-daily-2025-03-04\n(\s+quote: "The agency)/,
          "document: lakeside-ledger-2025-04-07\n$1",
        ),
      // A topic is worded anew, then a source.
      () =>
        edit(
          path.join(election, "topics", "election.yml"),
          "- lakeside turnout",
          "- lakeside turnout\n    - lakeside voter turnout figure\n    - zorbulan count",
        ),
      () =>
        edit(
          path.join(flood, "sources", "agencies.yml"),
          "aliases: [REA]",
          "aliases: [REA, the emergency agency]",
        ),
    ];
    for (const change of edits) {
      await change();
      expect((await core.reload()).taken).toBe(true);
      expect(answers(core)).toEqual(await fresh());
    }
    core.close();
  });

  it("keeps answering as before an edit that adds a problem, and as a fresh build once it is fixed", async () => {
    const flood = await copyOf(path.join(FIXTURES, "flood"));
    const election = await copyOf(path.join(FIXTURES, "second-story"));
    const dataDirs = [flood, election];
    const { core } = await loadLiveCore({ dataDirs, now, log: () => {} });
    const fresh = async () => answers((await loadCore({ dataDirs, now })).core);
    const valley = path.join(flood, "claims", "valley-daily.yml");
    const wires = path.join(flood, "claims", "wires.yml");
    const block = (text: string, id: string) => {
      const start = text.indexOf(`- id: ${id}\n`);
      const next = text.indexOf("\n- ", start + 1);
      return text.slice(start, next < 0 ? text.length : next + 1);
    };
    const homes = "rea-flood-homes-destroyed-2025-03-04";
    const edits: Array<[string, boolean, () => Promise<void>]> = [
      [
        "unknown topic",
        false,
        () => edit(valley, "topic: flood-homes-destroyed", "topic: flood-homes-razed"),
      ],
      [
        "fixed, with a new figure",
        true,
        async () => {
          await edit(valley, "topic: flood-homes-razed", "topic: flood-homes-destroyed");
          await edit(valley, /value: 340/, "value: 360");
        },
      ],
      [
        "an id in two files",
        false,
        async () => appendFile(wires, `\n${block(await readFile(valley, "utf8"), homes)}`),
      ],
      [
        "moved: taken out of the first",
        true,
        async () => {
          const text = await readFile(valley, "utf8");
          await writeFile(valley, text.replace(block(text, homes), ""));
        },
      ],
      ["a claims file deleted", true, () => rm(path.join(flood, "claims", "river-post.yml"))],
    ];
    for (const [what, taken, change] of edits) {
      const before = answers(core);
      await change();
      expect((await core.reload()).taken, what).toBe(taken);
      expect(answers(core), what).toEqual(taken ? await fresh() : before);
    }
    // The last edits changed answers: the comparison was not of one index throughout.
    expect(answers(core)).not.toEqual(
      answers(
        (
          await loadCore({
            dataDirs: [path.join(FIXTURES, "flood"), path.join(FIXTURES, "second-story")],
            now,
          })
        ).core,
      ),
    );
    core.close();
  });
});
