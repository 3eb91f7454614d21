import { beforeAll, describe, expect, it } from "vitest";
import { loadCore } from "../../src/answer/load-core.ts";
import type { TallyCore } from "../../src/answer/types.ts";
import { planFlagReply } from "../../src/flag/plan-flag-reply.ts";
import { WAR_STORY_DIR, warVocabulary } from "./support/flag-fixtures.ts";

let core: TallyCore;
beforeAll(async () => {
  ({ core } = await loadCore({ dataDirs: [WAR_STORY_DIR], now: () => new Date("2025-07-01T12:00:00Z") }));
});

const plan = (text: string) => planFlagReply(text, core, warVocabulary);

describe("planFlagReply", () => {
  it("plans nothing for chatter or for sourced figures", () => {
    expect(plan("file by 3pm, 800 words max, room 4")).toBeNull();
    expect(plan("According to CSIS, Russian casualties are about 1.2 million")).toBeNull();
  });

  it("plans every unsourced figure, in order, each with what the index says", () => {
    const p = plan("765,110 is the number I have for Russian losses. NK sent 12,000 men");
    expect(p?.figures.map((f) => f.figure.text)).toEqual(["765,110", "12,000"]);
    expect(p?.figures[0]?.assessment.kind).toBe("outdated");
  });

  it("lists only the unsourced figures of a mixed message", () => {
    const p = plan("per the Pentagon 1,000 NK losses; I'd add that Russia lost 250k killed");
    expect(p?.figures.map((f) => f.figure.text)).toEqual(["250k"]);
  });

  it("names the other measure when a number contradicts the index", () => {
    const a = plan("russia has lost 800,000 killed")?.figures[0]?.assessment;
    expect(a?.kind).toBe("contradicts");
    if (a?.kind !== "contradicts") return;
    expect(a.latest.figure.text).toBe("about 250,000");
    expect(a.latest.source.name).toBe("UK Ministry of Defence");
  });

  it("returns data, not Slack text: the copy is the adapter's", () => {
    const p = plan("Russia has lost 800,000 soldiers <!channel>");
    expect(Object.keys(p ?? {})).toEqual(["figures"]);
  });

  it("keeps every figure; the reply decides how many to show", () => {
    const text = Array.from({ length: 12 }, (_, i) => `${(i + 1) * 1000} soldiers`).join(", ");
    expect(plan(`Russia lost ${text}`)?.figures).toHaveLength(12);
  });
});
