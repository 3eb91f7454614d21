import { describe, expect, it } from "vitest";
import type { Answer, TallyCore } from "../../src/answer/types.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log/logger.ts";
import { answerQuestion } from "../../src/slack/answer-question.ts";
import type { ReplyDelivery } from "../../src/slack/delivery/delivery-types.ts";
import type { AppDeps } from "../../src/slack/deps.ts";
import type { Store } from "../../src/store/store.ts";
import { testCuration } from "../support/curation-deps.ts";
import { fixtureMatch } from "../support/fixture-match.ts";
import { allText } from "../support/slack-message.ts";

function deps(core: TallyCore, logs: Record<string, unknown>[] = []): AppDeps {
  const result = loadConfig({ TALLY_CONSOLE: "1" }, { stdinIsTTY: false });
  if (!result.ok) throw new Error(result.message);
  const now = () => new Date("2025-11-20T00:00:00Z");
  const logger = createLogger({ level: "debug", write: (line) => logs.push(JSON.parse(line)) });
  return {
    core,
    // answerQuestion never touches the store.
    store: {} as Store,
    now,
    logger,
    config: result.config,
    curation: testCuration(core, result.config, now, logger),
    // answerQuestion never posts.
    delivery: {} as ReplyDelivery,
  };
}

const coreAnswering = (answer: (q: string) => Answer): TallyCore => ({
  ask: answer,
  answerTopic: () => null,
  topics: () => [],
  dueForReview: () => [],
  searchTopics: () => [],
  index: () => {
    throw new Error("answerQuestion never reads the index");
  },
});

describe("answerQuestion", () => {
  it("asks the core the question as the user typed it, and answers with the match", () => {
    const asked: string[] = [];
    const core = coreAnswering((q) => {
      asked.push(q);
      return { query: q, match: fixtureMatch(), suggestions: [] };
    });
    const reply = answerQuestion(deps(core), "how many  R&amp;D <@U1> killed?", { surface: "ephemeral" });
    expect(asked).toEqual(["how many R&D @U1 killed?"]);
    expect(
      reply.kind === "message" && allText(reply.message as unknown as Record<string, unknown>),
    ).toContain("Russian military killed");
  });

  it("asks for help when there is no question", () => {
    const core = coreAnswering(() => {
      throw new Error("should not be asked");
    });
    expect(answerQuestion(deps(core), "  ", { surface: "visible" })).toEqual({ kind: "help" });
  });

  it.each(["help", "Help!", "help me", "what can you do?", "?", "hello"])(
    "gives the help for %j instead of asking the core",
    (text) => {
      const core = coreAnswering(() => {
        throw new Error("should not be asked");
      });
      expect(answerQuestion(deps(core), text, { surface: "visible" })).toEqual({ kind: "help" });
    },
  );

  it.each(["help for farmers after the floods", "how many people needed help"])(
    "still asks the core when help is only part of the question: %j",
    (text) => {
      const asked: string[] = [];
      const core = coreAnswering((q) => {
        asked.push(q);
        return { query: q, match: null, suggestions: [] };
      });
      expect(answerQuestion(deps(core), text, { surface: "visible" }).kind).toBe("message");
      expect(asked).toEqual([text]);
    },
  );

  it("refuses an overlong question politely instead of matching it", () => {
    const core = coreAnswering(() => {
      throw new Error("should not be asked");
    });
    const reply = answerQuestion(deps(core), "x".repeat(600), { surface: "visible" });
    expect(reply.kind === "message" && reply.message.text).toBe(
      "That question is 600 characters long; please keep it under 500.",
    );
  });

  it("apologises and logs when the core fails, rather than crashing the listener", () => {
    const logs: Record<string, unknown>[] = [];
    const core = coreAnswering(() => {
      throw new Error("index exploded");
    });
    const reply = answerQuestion(deps(core, logs), "how many?", { surface: "visible" });
    expect(reply.kind === "message" && reply.message.text).toMatch(/^Sorry, something went wrong/);
    expect(logs.find((l) => l.msg === "the core failed to answer")).toMatchObject({ question: "how many?" });
  });
});
