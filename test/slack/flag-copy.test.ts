import { beforeAll, describe, expect, it } from "vitest";
import { loadCore } from "../../src/answer/load-core.ts";
import type { TallyCore } from "../../src/answer/types.ts";
import { type FlagPlan, planFlagReply } from "../../src/flag/plan-flag-reply.ts";
import { flagCopy } from "../../src/slack/flag-copy.ts";
import { WAR_STORY_DIR, warVocabulary } from "../flag/support/flag-fixtures.ts";

let core: TallyCore;
beforeAll(async () => {
  ({ core } = await loadCore({ dataDirs: [WAR_STORY_DIR], now: () => new Date("2025-07-01T12:00:00Z") }));
});

function plan(text: string): FlagPlan {
  const p = planFlagReply(text, core, warVocabulary);
  if (!p) throw new Error(`nothing to flag in ${text}`);
  return p;
}

describe("flagCopy: the flag reply in Slack", () => {
  it("lists every unsourced figure in one thread reply", () => {
    const text = flagCopy.threadReply(
      plan("765,110 is the number I have for Russian losses. NK sent 12,000 men").figures,
      8,
    );
    expect(text).toContain("*765,110*");
    expect(text).toContain("*12,000*");
    expect(text).toContain("outdated");
    expect(text.split("\n").filter((l) => l.startsWith("•"))).toHaveLength(2);
  });

  it("names the contradiction when a number is a different measure", () => {
    const text = flagCopy.threadReply(plan("russia has lost 800,000 killed").figures, 8);
    expect(text).toContain(":warning:");
    expect(text).toContain("about 250,000");
    expect(text).toContain("UK Ministry of Defence");
  });

  it("words the quiet note for the author alone", () => {
    expect(flagCopy.quietNote(plan("Russia has lost 800,000 soldiers so far").figures, 8)).toContain(
      "Only you can see this",
    );
  });

  it("escapes anything a message could use to ping a channel", () => {
    const text = flagCopy.threadReply(
      plan("Russia has lost 800,000 soldiers <!channel> &lt;!here&gt;").figures,
      8,
    );
    expect(text).not.toMatch(/<!(channel|here)>/);
  });

  it("caps the list and says how many more there are", () => {
    const soldiers = Array.from({ length: 12 }, (_, i) => `${(i + 1) * 1000} soldiers`).join(", ");
    expect(flagCopy.threadReply(plan(`Russia lost ${soldiers}`).figures, 8)).toContain("…and 4 more.");
  });
});
