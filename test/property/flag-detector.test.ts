/**
 * The flag detector under hostile input: every channel message passes through it, so no message may throw in
 * it or hold the process. Run with the war-story fixture's vocabulary and index, never data/.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCore } from "../../src/answer/load-core.ts";
import type { TallyCore } from "../../src/answer/types.ts";
import { findFigures } from "../../src/flag/find-figures.ts";
import { findUnsourcedFigures } from "../../src/flag/find-unsourced-figures.ts";
import { flagConfig } from "../../src/flag/flag-config.ts";
import { planFlagReply } from "../../src/flag/plan-flag-reply.ts";
import { splitClauses } from "../../src/flag/split-clauses.ts";
import { stripSlackMarkup } from "../../src/flag/strip-slack-markup.ts";
import { WAR_STORY_DIR, warVocabulary } from "../flag/support/flag-fixtures.ts";
import { hostileText, LONG, longHostileText, runs, timed } from "./hostile-text.ts";

// Detection alone, on 20,000 characters; planning also asks the index about up to eight figures.
const DETECT_MS = 250;
const PLAN_MS = 1_000;

let core: TallyCore;
beforeAll(async () => {
  ({ core } = await loadCore({ dataDirs: [WAR_STORY_DIR], now: () => new Date("2025-07-01T12:00:00Z") }));
});

const ASSESSMENTS = new Set(["agrees", "outdated", "contradicts", "unknown"]);

describe("findFigures", () => {
  it("finds figures that are where it says and as written, in order", () => {
    fc.assert(
      fc.property(hostileText(), (prose) => {
        const figures = findFigures(prose, warVocabulary);
        let previousEnd = 0;
        for (const f of figures) {
          expect(f.start).toBeGreaterThanOrEqual(previousEnd);
          expect(f.end).toBeLessThanOrEqual(prose.length);
          expect(prose.slice(f.start, f.end)).toContain(f.text);
          expect(prose.slice(f.clauseOffset)).toContain(f.clause);
          expect(f.text).toMatch(/\d|thousand|million|billion/i);
          previousEnd = f.end;
        }
      }),
      runs(400),
    );
  });

  it("reads a plain count of soldiers as its value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000, max: 999_999_999 }), (n) => {
        const prose = `Russia has lost ${n.toLocaleString("en-US")} soldiers`;
        const figures = findFigures(prose, warVocabulary);
        expect(figures.map((f) => f.value)).toEqual([n]);
      }),
      runs(200),
    );
  });
});

describe("findUnsourcedFigures", () => {
  it("never throws, and every figure it returns is in the message's prose", () => {
    fc.assert(
      fc.property(hostileText(), (message) => {
        const { unsourced, sourced } = findUnsourcedFigures(message, warVocabulary);
        const prose = stripSlackMarkup(message).text;
        for (const f of [...unsourced, ...sourced]) expect(prose).toContain(f.text);
      }),
      runs(400),
    );
  });

  it("reads 20,000 hostile characters in bounded time", () => {
    fc.assert(
      fc.property(longHostileText, ({ text: message }) => {
        const { ms } = timed(() => findUnsourcedFigures(message, warVocabulary));
        expect(ms).toBeLessThan(DETECT_MS);
      }),
      runs(40),
    );
  });
});

describe("planFlagReply", () => {
  it("never throws; a plan lists at least one figure, each assessed", () => {
    fc.assert(
      fc.property(hostileText(), (message) => {
        const plan = planFlagReply(message, core, warVocabulary);
        if (plan === null) return;
        expect(plan.figures.length).toBeGreaterThan(0);
        for (const f of plan.figures) expect(ASSESSMENTS.has(f.assessment.kind)).toBe(true);
      }),
      runs(200),
    );
  });

  it("plans for 20,000 hostile characters in bounded time", () => {
    fc.assert(
      fc.property(longHostileText, ({ text: message }) => {
        const { ms } = timed(() => planFlagReply(message, core, warVocabulary));
        expect(ms).toBeLessThan(PLAN_MS);
      }),
      runs(30),
    );
  });
});

// Each input here took from half a second to several seconds before its fix.
describe("regressions found by the properties", () => {
  const repeat = (motif: string, length = 2 * LONG) => motif.repeat(Math.ceil(length / motif.length));

  it("splits a long run of spaces into clauses in linear time (was quadratic: `,?\\s+but`)", () => {
    expect(timed(() => splitClauses(`${" ".repeat(2 * LONG)}x`)).ms).toBeLessThan(DETECT_MS);
  });

  it("judges a clause full of say verbs in linear time (each verb reread the whole clause)", () => {
    const message = `Russia lost 1,000 soldiers ${repeat("he said) ")}`;
    expect(timed(() => findUnsourcedFigures(message, warVocabulary)).ms).toBeLessThan(DETECT_MS);
  });

  it("strips unclosed Slack tokens and emoji-like runs in linear time", () => {
    expect(timed(() => stripSlackMarkup(repeat("<@"))).ms).toBeLessThan(DETECT_MS);
    expect(timed(() => stripSlackMarkup(repeat("<http://a"))).ms).toBeLessThan(DETECT_MS);
    expect(timed(() => stripSlackMarkup(`:${"a".repeat(2 * LONG)}`)).ms).toBeLessThan(DETECT_MS);
  });

  it("places thousands of amounts in thousands of clauses in linear time", () => {
    const message = `Russia lost 1,000 soldiers ${repeat("? 1", 4 * LONG)}`;
    expect(timed(() => findUnsourcedFigures(message, warVocabulary)).ms).toBeLessThan(4 * DETECT_MS);
  });

  it("asks the index only about the figures a reply lists, and still counts them all", () => {
    let message = "";
    for (let i = 1; message.length < LONG; i++) message += `Russia lost ${1_000 + i} soldiers. `;
    const { result: plan, ms } = timed(() => planFlagReply(message, core, warVocabulary));
    expect(ms).toBeLessThan(PLAN_MS / 2);
    expect(plan?.figures.length).toBeGreaterThan(700);
    // The ones past the reply's list are still assessed when read.
    expect(ASSESSMENTS.has(plan?.figures[flagConfig.maxFiguresPerReply + 1]?.assessment.kind ?? "")).toBe(
      true,
    );
  });

  it("plans for a figure in a 20,000-letter word or a clause of 10,000 dollar signs", () => {
    expect(
      timed(() => planFlagReply(`Russia lost 1,000 soldiers ${repeat("say", LONG)}`, core, warVocabulary)).ms,
    ).toBeLessThan(PLAN_MS / 2);
    expect(
      timed(() => planFlagReply(`Russia lost 1,000 soldiers ${repeat("$ ", LONG)}`, core, warVocabulary)).ms,
    ).toBeLessThan(PLAN_MS / 2);
  });
});
