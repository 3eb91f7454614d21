import { beforeAll, describe, expect, it } from "vitest";
import { loadCore } from "../../src/answer/load-core.ts";
import type { TallyCore } from "../../src/answer/types.ts";
import { planFlagReply } from "../../src/flag/plan-flag-reply.ts";

let core: TallyCore;
beforeAll(async () => {
  ({ core } = await loadCore({ dataDirs: ["data"], now: () => new Date("2025-07-01T12:00:00Z") }));
});

describe("planFlagReply", () => {
  it("plans nothing for chatter or for sourced figures", () => {
    expect(planFlagReply("file by 3pm, 800 words max, room 4", core)).toBeNull();
    expect(planFlagReply("According to CSIS, Russian casualties are about 1.2 million", core)).toBeNull();
  });

  it("plans one reply listing every unsourced figure", () => {
    const plan = planFlagReply("765,110 is the number I have for Russian losses. NK sent 12,000 men", core);
    expect(plan?.figures.map((f) => f.figure.text)).toEqual(["765,110", "12,000"]);
    expect(plan?.threadText).toContain("*765,110*");
    expect(plan?.threadText).toContain("*12,000*");
    expect(plan?.threadText).toContain("outdated");
    expect(plan?.threadText.split("\n").filter((l) => l.startsWith("•"))).toHaveLength(2);
  });

  it("lists only the unsourced figures of a mixed message", () => {
    const plan = planFlagReply(
      "per the Pentagon 1,000 NK losses; I'd add that Russia lost 250k killed",
      core,
    );
    expect(plan?.figures.map((f) => f.figure.text)).toEqual(["250k"]);
  });

  it("names the contradiction when a number is a different measure", () => {
    const plan = planFlagReply("russia has lost 800,000 killed", core);
    expect(plan?.threadText).toContain(":warning:");
    expect(plan?.threadText).toContain("about 250,000");
    expect(plan?.threadText).toContain("UK Ministry of Defence");
  });

  it("words the quiet note for the author alone", () => {
    const plan = planFlagReply("Russia has lost 800,000 soldiers so far", core);
    expect(plan?.quietText).toContain("Only you can see this");
  });

  it("escapes anything a message could use to ping a channel", () => {
    const plan = planFlagReply("Russia has lost 800,000 soldiers <!channel> &lt;!here&gt;", core);
    expect(plan?.threadText).not.toMatch(/<!(channel|here)>/);
  });

  it("caps the list and says how many more there are", () => {
    const text = Array.from({ length: 12 }, (_, i) => `${(i + 1) * 1000} soldiers`).join(", ");
    const plan = planFlagReply(`Russia lost ${text}`, core);
    expect(plan?.figures).toHaveLength(12);
    expect(plan?.threadText).toContain("…and 4 more.");
  });
});
