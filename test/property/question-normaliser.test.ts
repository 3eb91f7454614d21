/**
 * The question normaliser under hostile input: tokenizeQuestion (words out of Slack text) and the matcher's
 * reading of a question into terms and slots, through the core as every surface asks it. Run with the
 * war-story fixture, never data/.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCore } from "../../src/answer/load-core.ts";
import type { Answer, TallyCore } from "../../src/answer/types.ts";
import { matchConfig } from "../../src/match/config.ts";
import { tokenizeQuestion } from "../../src/match/normalize-question.ts";
import { WAR_STORY_DIR } from "../support/war-story.ts";
import { hostileText, LONG, longHostileText, runs, timed } from "./hostile-text.ts";

const TOKENIZE_MS = 250;
// Asking reads the question, corrects typos against the index's words and scores topics.
const ASK_MS = 1_000;

let core: TallyCore;
beforeAll(async () => {
  ({ core } = await loadCore({ dataDirs: [WAR_STORY_DIR], now: () => new Date("2025-07-01T12:00:00Z") }));
});

/** What an answer says, without the echoed question. */
const gist = (a: Answer) => ({
  topic: a.match?.topic.id ?? null,
  confidence: a.match?.confidence ?? null,
  suggestions: a.suggestions.map((s) => s.topic.id),
});

describe("tokenizeQuestion", () => {
  it("splits any text into lower-case words of letters and digits only", () => {
    fc.assert(
      fc.property(hostileText(), (text) => {
        for (const token of tokenizeQuestion(text)) {
          expect(token).toMatch(/^[\p{L}\p{N}]+$/u);
          expect(token).toBe(token.toLowerCase());
        }
      }),
      runs(500),
    );
  });

  it("is idempotent: its words, joined, tokenize to themselves", () => {
    fc.assert(
      fc.property(hostileText(), (text) => {
        const once = tokenizeQuestion(text);
        expect(tokenizeQuestion(once.join(" "))).toEqual(once);
      }),
      runs(500),
    );
  });

  it("keeps a number's digits, whatever its length", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{0,399}$/), (digits) => {
        expect(tokenizeQuestion(`how many ${digits} soldiers`)).toEqual(["how", "many", digits, "soldiers"]);
      }),
      runs(100),
    );
  });

  it("reads 20,000 hostile characters in bounded time", () => {
    fc.assert(
      fc.property(longHostileText, ({ text }) => {
        expect(timed(() => tokenizeQuestion(text)).ms).toBeLessThan(TOKENIZE_MS);
      }),
      runs(40),
    );
  });
});

describe("reading a question (core.ask)", () => {
  it("answers any text without throwing, echoing it as asked", () => {
    fc.assert(
      fc.property(hostileText(), (question) => {
        const answer = core.ask(question);
        expect(answer.query).toBe(question);
        if (answer.match) expect(answer.match.confidence).toBeGreaterThan(0);
      }),
      runs(300),
    );
  });

  it("answers 20,000 hostile characters in bounded time", () => {
    fc.assert(
      fc.property(longHostileText, ({ text }) => {
        expect(timed(() => core.ask(text)).ms).toBeLessThan(ASK_MS);
      }),
      runs(30),
    );
  });

  it("reads a question up to its limit: what follows changes nothing", () => {
    const { maxChars } = matchConfig.question;
    fc.assert(
      fc.property(
        fc.constantFrom(
          "how many Russian soldiers have died",
          "Ukraine casualties",
          "how much aid from the US",
        ),
        hostileText(),
        (question, tail) => {
          const padded = question.padEnd(maxChars, " ");
          expect(gist(core.ask(`${padded}x${tail}`))).toEqual(gist(core.ask(question)));
        },
      ),
      runs(30),
    );
  });
});

// Each input here took seconds before its fix.
describe("regressions found by the properties", () => {
  it("asks about long unknown words in bounded time (the typo corrector copied each once per letter)", () => {
    // New words each call, as the corrector caches what it has seen; ten of 100 letters fit the matcher's limit.
    let calls = 0;
    const words = () => {
      calls++;
      return Array.from(
        { length: 9 },
        (_, i) => `${"bcdfghjklm"[i]}${"xq".repeat(calls)}${"say".repeat(33)}`,
      ).join(" ");
    };
    expect(timed(() => core.ask(words())).ms).toBeLessThan(ASK_MS / 4);
  });

  it("asks about 10,000 dollar signs in bounded time (every word was read and scored)", () => {
    expect(
      timed(() => core.ask("Russia lost 1,000 soldiers $ ".repeat(LONG / 30) + "$ ".repeat(LONG / 2))).ms,
    ).toBeLessThan(ASK_MS / 2);
  });

  it("strips unclosed Slack mentions and links in linear time", () => {
    expect(timed(() => tokenizeQuestion("<@".repeat(LONG))).ms).toBeLessThan(TOKENIZE_MS);
    expect(timed(() => tokenizeQuestion("<http:".repeat(LONG / 3))).ms).toBeLessThan(TOKENIZE_MS);
  });
});
