import { describe, expect, it } from "vitest";
import { decodeButtonValue, encodeButtonValue } from "../../src/slack/blocks/button-value.ts";
import { escapeToFit, packLines } from "../../src/slack/blocks/limits.ts";
import { escapeMrkdwn } from "../../src/slack/escape-mrkdwn.ts";
import { isHumanMessage } from "../../src/slack/listeners/is-human-message.ts";
import { MAX_QUESTION_LENGTH, parseQuestion } from "../../src/slack/question.ts";
import { slackTextToPlain, stripBotMention } from "../../src/slack/slack-text.ts";

describe("escapeMrkdwn", () => {
  it("escapes &, < and > so that Slack shows them instead of acting on them", () => {
    expect(escapeMrkdwn("<!channel> & <@U123> > 3")).toBe("&lt;!channel&gt; &amp; &lt;@U123&gt; &gt; 3");
  });

  it("escapes an entity's ampersand too, so text that looks escaped stays as written", () => {
    expect(escapeMrkdwn("&lt;")).toBe("&amp;lt;");
  });
});

describe("slackTextToPlain", () => {
  it("turns Slack markup into what the user saw and decodes entities", () => {
    expect(
      slackTextToPlain(
        "<!channel> <!here> <@U123> <@U9|ana> <#C1|news> <https://x.org|the report> R&amp;D &lt;b&gt;",
      ),
    ).toBe("@channel @here @U123 @ana #news the report R&D <b>");
  });

  it("keeps a bare link's URL and a group mention's label", () => {
    expect(slackTextToPlain("see <https://x.org/a> <!subteam^S1|@desk>")).toBe("see https://x.org/a @desk");
  });
});

describe("stripBotMention", () => {
  it("removes the bot's own mention, with or without a label, wherever it is", () => {
    expect(stripBotMention("<@U0TALLY> how many <@U0TALLY|tally>?", "U0TALLY").trim()).toBe("how many  ?");
    expect(stripBotMention("<@U0OTHER> hi", "U0TALLY")).toBe("<@U0OTHER> hi");
  });
});

describe("parseQuestion", () => {
  it("collapses whitespace and decodes the text", () => {
    expect(parseQuestion("  how   many\n R&amp;D  ")).toEqual({ kind: "question", text: "how many R&D" });
  });

  it("treats blank or missing text as a request for help", () => {
    expect(parseQuestion("   ")).toEqual({ kind: "empty" });
    expect(parseQuestion(undefined)).toEqual({ kind: "empty" });
  });

  it("refuses a question longer than the limit", () => {
    expect(parseQuestion("x".repeat(MAX_QUESTION_LENGTH + 1))).toEqual({
      kind: "too-long",
      length: MAX_QUESTION_LENGTH + 1,
    });
  });
});

describe("button values", () => {
  it("round-trips the question, topic and offset", () => {
    const value = { q: "how many <!channel>?", t: "ru-killed", o: 20 };
    expect(decodeButtonValue(encodeButtonValue(value))).toEqual(value);
  });

  it("stays under Slack's 2000-character limit for the longest question, even one of quotes", () => {
    const encoded = encodeButtonValue({ q: '"'.repeat(MAX_QUESTION_LENGTH), t: "ru-killed" });
    expect(encoded.length).toBeLessThanOrEqual(2000);
    expect(decodeButtonValue(encoded)?.t).toBe("ru-killed");
  });

  it("rejects values Tally did not make", () => {
    for (const forged of [undefined, "", "not json", "{}", '{"q":1,"t":"x"}', '{"q":"a","t":"x","o":-1}']) {
      expect(decodeButtonValue(forged)).toBeNull();
    }
  });
});

describe("limits helpers", () => {
  it("escapeToFit never cuts an entity in half", () => {
    for (let max = 2; max < 20; max++) {
      const fitted = escapeToFit("a&b<c>d".repeat(5), max);
      expect(fitted.length).toBeLessThanOrEqual(max);
      expect(fitted).not.toMatch(/&(a|am|l|g|amp|lt|gt)?…$/);
    }
  });

  it("packLines fills chunks up to the limit without splitting lines, and counts them", () => {
    const lines = Array.from({ length: 10 }, (_, i) => `line ${i} ${"x".repeat(20)}`);
    const chunks = packLines(lines, 100, "*Heading*");
    for (const chunk of chunks) expect(chunk.text.length).toBeLessThanOrEqual(100);
    expect(chunks.reduce((n, c) => n + c.lines, 0)).toBe(10);
    expect(chunks[0]?.text.startsWith("*Heading*\nline 0")).toBe(true);
  });
});

describe("isHumanMessage", () => {
  it("accepts a person's new message and skips bots, Tally itself, edits, deletions and joins", () => {
    const person = { user: "U1", text: "how many?" };
    expect(isHumanMessage(person, "U0TALLY")).toBe(true);
    expect(isHumanMessage({ ...person, subtype: "thread_broadcast" }, "U0TALLY")).toBe(true);
    expect(isHumanMessage({ ...person, bot_id: "B1" }, "U0TALLY")).toBe(false);
    expect(isHumanMessage({ ...person, subtype: "bot_message" }, "U0TALLY")).toBe(false);
    expect(isHumanMessage({ ...person, user: "U0TALLY" }, "U0TALLY")).toBe(false);
    expect(isHumanMessage({ ...person, subtype: "message_changed" }, "U0TALLY")).toBe(false);
    expect(isHumanMessage({ ...person, subtype: "message_deleted" }, "U0TALLY")).toBe(false);
    expect(isHumanMessage({ ...person, subtype: "channel_join" }, "U0TALLY")).toBe(false);
    expect(isHumanMessage({ user: "U1", text: "  " }, "U0TALLY")).toBe(false);
  });
});
