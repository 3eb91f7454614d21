import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFixtureStory } from "../support/fixture-story.ts";
import { runMain } from "../support/run-main.ts";

/** An invented story written out as a data folder, so that the console runs on test data, not data/. */
let dataDir = "";
beforeAll(() => {
  dataDir = writeFixtureStory();
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

/** Types the lines into the console (as a pipe: TALLY_CONSOLE=1 stands in for a terminal) and waits for it to end. */
async function session(lines: string[]): Promise<{ out: string; err: string; code: number | null }> {
  const main = runMain({ TALLY_CONSOLE: "1", TALLY_DATA_DIR: dataDir });
  main.child.stdin.end(`${lines.join("\n")}\n`);
  const code = await main.exited;
  return { out: main.stdout(), err: main.stderr(), code };
}

/** The console's output for the line typed as `line`, up to the next prompt. */
function replyTo(out: string, line: string): string {
  const start = out.indexOf(`you> ${line}\n`);
  if (start === -1) throw new Error(`no "${line}" in the transcript:\n${out}`);
  const from = start + `you> ${line}\n`.length;
  const next = out.indexOf("you> ", from);
  return out.slice(from, next === -1 ? undefined : next);
}

describe("the local console (npm start with no tokens)", () => {
  it("answers /tally, shares with a button press, answers a mention in a thread and a DM, and renders Block Kit as text", async () => {
    const { out, code } = await session([
      "/tally riverton flood deaths",
      "!1",
      "@tally riverton homes destroyed",
      "dm: riverton flood deaths on 1 March 2025",
      "!8",
      "dm: help",
      "/tally",
      "hello everyone",
      "!99",
      ":quit",
    ]);
    expect(code).toBe(0);
    expect(out).toContain("Tally local console");
    // The examples come from the index loaded: its key topics' own phrasings.
    expect(out).toContain("  /tally riverton flood deaths\n  @tally riverton homes destroyed\n");

    const answer = replyTo(out, "/tally riverton flood deaths");
    expect(answer).toContain("Tally (only you can see this):");
    expect(answer).toContain("== People killed in the Riverton floods ==");
    expect(answer).toContain("Riverton Regional Government");
    expect(answer).toContain("1 source disagrees");
    expect(answer).toContain("[1] Share in channel   [2] Show history   [3] Not what I asked");
    expect(answer).not.toMatch(/[*]|&amp;|&lt;/);

    const shared = replyTo(out, "!1");
    expect(shared).toContain("(you pressed “Share in channel”)");
    expect(shared).toContain("Tally in #newsroom:");
    expect(shared).toContain("@you asked: “riverton flood deaths”");
    expect(shared).toContain("[4] Show history   [5] Not what I asked");
    expect(shared).toContain("(Tally removed a message)");

    const mention = replyTo(out, "@tally riverton homes destroyed");
    expect(mention).toContain("Tally, in the thread:");
    expect(mention).toContain("10,000–12,000");

    const dm = replyTo(out, "dm: riverton flood deaths on 1 March 2025");
    expect(dm).toContain("Tally, in your DM:");
    expect(dm).toContain(
      "The index has nothing on People killed in the Riverton floods as early as 1 Mar 2025",
    );
    expect(dm).toContain("[8] Earliest figure (10 Mar 2025)");

    const earliest = replyTo(out, "!8");
    expect(earliest).toContain("Tally updated its message:");
    expect(earliest).toContain("== People killed in the Riverton floods ==");
    expect(earliest).toContain("The earliest figure in the index.");
    expect(earliest).toContain("1,200");

    expect(replyTo(out, "dm: help")).toContain("I know about 5 topics");
    expect(replyTo(out, "/tally")).toContain("/tally help");
    expect(replyTo(out, "hello everyone")).toContain("(no reply)");
    expect(replyTo(out, "!99")).toContain("There is no button [99]");
    expect(out.trimEnd().endsWith("Bye.")).toBe(true);
  });
});

describe("starting without configuration", () => {
  it("exits 1 with one message saying what to set when there are no tokens and no terminal", async () => {
    const main = runMain({});
    main.child.stdin.end();
    const code = await main.exited;
    expect(code).toBe(1);
    const err = main.stderr();
    expect(err).toContain("Tally cannot start");
    expect(err).toContain("SLACK_BOT_TOKEN");
    expect(err).toContain("SLACK_SIGNING_SECRET");
    expect(err).toContain("SLACK_APP_TOKEN");
    expect(err).toContain("TALLY_CONSOLE=1");
    expect(main.stdout()).toBe("");
  });

  it("exits 1 naming the bad setting when a value is malformed", async () => {
    const main = runMain({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", PORT: "eighty" });
    main.child.stdin.end();
    expect(await main.exited).toBe(1);
    expect(main.stderr()).toMatch(/PORT must be a port number/);
  });
});
