import { describe, expect, it } from "vitest";
import { ACTION } from "../../src/slack/action-ids.ts";
import { type AnswerView, answerMessage, INLINE_SOURCES } from "../../src/slack/blocks/answer-blocks.ts";
import type { SlackMessage } from "../../src/slack/blocks/block-types.ts";
import { decodeButtonValue } from "../../src/slack/blocks/button-value.ts";
import { historyMessage } from "../../src/slack/blocks/history-blocks.ts";
import { moreSourcesMessage } from "../../src/slack/blocks/more-sources-blocks.ts";
import { noMatchMessage } from "../../src/slack/blocks/no-match-blocks.ts";
import {
  disagreement,
  fixtureMatch,
  fixtureTopic,
  manyDisagreements,
  shown,
} from "../support/fixture-match.ts";
import { allText, button, buttonsIn } from "../support/slack-message.ts";

const view: AnswerView = {
  surface: "ephemeral",
  question: "how many Russian soldiers have been killed?",
  staleDays: 90,
};
const asRecord = (m: SlackMessage) => m as unknown as Record<string, unknown>;

type AnyBlock = {
  type: string;
  text?: { type: string; text: string };
  elements?: { type: string; text?: unknown }[];
};

function expectWithinLimits(message: SlackMessage): void {
  const blocks = message.blocks as unknown as AnyBlock[];
  expect(blocks.length).toBeLessThanOrEqual(50);
  for (const block of blocks) {
    if (block.type === "header") expect(block.text?.text.length).toBeLessThanOrEqual(150);
    if (block.type === "section") expect(block.text?.text.length).toBeLessThanOrEqual(3000);
    if (block.type === "actions") {
      for (const el of block.elements ?? []) {
        const b = el as { text: { text: string }; value?: string };
        expect(b.text.text.length).toBeLessThanOrEqual(75);
        expect((b.value ?? "").length).toBeLessThanOrEqual(2000);
      }
    }
  }
}

const monitorsIn = (text: string) => new Set(text.match(/Monitor \d{4}/g) ?? []);

describe("answerMessage", () => {
  it("leads with the quantity, then the figure with its date, age, source and outlet, and the quote", () => {
    const message = answerMessage(fixtureMatch(), view);
    const [header, headline, quote] = message.blocks as unknown as AnyBlock[];
    expect(header).toEqual({ type: "header", text: { type: "plain_text", text: fixtureTopic.title } });
    expect(headline?.text?.text).toContain("*250,000*");
    expect(headline?.text?.text).toContain("as of 13 Jun 2025 (5 months ago)");
    expect(headline?.text?.text).toContain("*UK Ministry of Defence*, reported by Thin Line News");
    expect(quote?.type).toBe("context");
    expect(JSON.stringify(quote)).toContain("“with approximately 250,000 killed in action”");
  });

  it("lists each disagreeing source with its figure, date, source and distance from the headline", () => {
    const words = allText(asRecord(answerMessage(fixtureMatch(), view)));
    expect(words).toContain("*1 source disagrees*");
    expect(words).toContain(
      "• *800,000* — CC News Network (no source named), 13 Jun 2025 · _550,000 higher (+220%)_",
    );
  });

  it("lists agreeing sources after the disagreeing ones", () => {
    const match = fixtureMatch({
      agreements: [shown({ sourceName: "Estonian intelligence", sourceId: "ee" })],
    });
    const words = allText(asRecord(answerMessage(match, view)));
    expect(words.indexOf("source disagrees")).toBeLessThan(words.indexOf("*1 source agrees*"));
    expect(words).toContain("Estonian intelligence (Thin Line News)");
  });

  it("shows the latest figure on related topics, escaped", () => {
    const related = shown({ figure: "about 1.2 million" });
    const message = answerMessage(
      fixtureMatch({
        related: [{ topic: { id: "ru-kwm", title: "Killed, wounded & missing <!here>" }, headline: related }],
      }),
      view,
    );
    const text = allText(asRecord(message));
    expect(text).toContain(
      "Related figures: Killed, wounded &amp; missing &lt;!here&gt;: *about 1.2 million*",
    );
    expect(text).not.toContain("<!here>");
  });

  it("says so when no source disagrees", () => {
    const words = allText(asRecord(answerMessage(fixtureMatch({ disagreements: [] }), view)));
    expect(words).toContain("No other source in the index gives a different figure.");
  });

  it("warns when the headline is older than the freshness limit, and not otherwise", () => {
    expect(allText(asRecord(answerMessage(fixtureMatch(), { ...view, staleDays: 90 })))).toContain(
      "This figure is 160 days old, past the 90-day freshness limit",
    );
    expect(allText(asRecord(answerMessage(fixtureMatch(), { ...view, staleDays: 200 })))).not.toContain(
      "days old",
    );
  });

  it("says why the headline was chosen when the question named a source", () => {
    const match = fixtureMatch({
      headlineReason: "named-source",
      requested: {
        source: { id: "uk-mod", name: "UK Ministry of Defence", aliases: [], kind: "government" },
      },
    });
    expect(allText(asRecord(answerMessage(match, view)))).toContain(
      "The figure from UK Ministry of Defence, as you asked.",
    );
  });

  it("says plainly when the named source has no figure here, and whose figure is shown instead", () => {
    const match = fixtureMatch({
      headlineReason: "named-date",
      requested: {
        source: { id: "ru-mod", name: "Other Ministry", aliases: [], kind: "government" },
        asOf: "2025-06",
      },
    });
    const words = allText(asRecord(answerMessage(match, view)));
    expect(words).toContain(
      "Other Ministry has no figure on this topic in the index. Shown instead: the figure from UK Ministry of Defence, the latest as of Jun 2025.",
    );
    expect(words).not.toContain("as you asked");
  });

  it("captions a topic picked with a button with the topic, and every button keeps it picked", () => {
    const match = fixtureMatch({ disagreements: manyDisagreements(600, 350) });
    const picked = answerMessage(match, { ...view, picked: { kind: "suggestion" } });
    const words = allText(asRecord(picked));
    expect(words).toContain(`Answer for: ${fixtureTopic.title}`);
    expect(words).not.toContain(view.question);
    const values = buttonsIn(asRecord(picked)).map((b) => decodeButtonValue(b.value));
    expect(values.length).toBe(4);
    for (const v of values) expect(v?.k).toBe("suggestion");
    const more = buttonsIn(asRecord(picked)).find((b) => b.actionId === ACTION.more);
    const value = decodeButtonValue(more?.value);
    const page = moreSourcesMessage(match, value?.q ?? "", value?.o ?? 0, { kind: "suggestion" });
    const pageButtons = buttonsIn(asRecord(page));
    expect(pageButtons.length).toBe(1);
    expect(decodeButtonValue(pageButtons[0]?.value)?.k).toBe("suggestion");
  });

  it("credits the outlet when the figure is unattributed", () => {
    const match = fixtureMatch({ headline: shown({ unattributed: true, outlet: "CC News Network" }) });
    expect(allText(asRecord(answerMessage(match, view)))).toContain(
      "*CC News Network* (the outlet's own figure; no source named)",
    );
  });

  it("offers Share in channel only on the private answer", () => {
    expect(buttonsIn(asRecord(answerMessage(fixtureMatch(), view))).map((b) => b.text)).toEqual([
      "Share in channel",
      "Show history",
      "Not what I asked",
    ]);
    expect(
      buttonsIn(asRecord(answerMessage(fixtureMatch(), { ...view, surface: "visible" }))).map((b) => b.text),
    ).toEqual(["Show history", "Not what I asked"]);
  });

  it("carries the question and topic in its buttons", () => {
    const share = button(asRecord(answerMessage(fixtureMatch(), view)), "Share in channel");
    expect(share.actionId).toBe(ACTION.share);
    expect(decodeButtonValue(share.value)).toEqual({ q: view.question, t: "ru-killed" });
  });

  it("has a notification text that says the figure, the source and how many disagree", () => {
    expect(answerMessage(fixtureMatch(), view).text).toBe(
      "Russian military killed since 24 Feb 2022: 250,000 (UK Ministry of Defence, 13 Jun 2025). 1 source disagrees.",
    );
  });

  it("escapes user and data text everywhere: no <!channel> or <@U…> survives", () => {
    const match = fixtureMatch({
      topic: { ...fixtureTopic, title: "Killed & <!here> counted" },
      headline: shown({ sourceName: "<!channel> & co", quote: "they said <@U123> & more" }),
      disagreements: [disagreement({ sourceName: "<@U999>", figure: "<b>1</b>" })],
    });
    const message = answerMessage(match, { ...view, question: "how many <!everyone> & <@U1>?" });
    // Everything Slack renders (button values are not rendered, only handed back to Tally).
    const json = `${message.text}\n${allText(asRecord(message))}`;
    for (const hostile of ["<!channel>", "<!here>", "<!everyone>", "<@U123>", "<@U999>", "<@U1>", "<b>"]) {
      expect(json).not.toContain(hostile);
    }
    expect(message.text).toContain("Killed &amp; &lt;!here&gt; counted");
    expect(allText(asRecord(message))).toContain("&lt;!channel&gt; &amp; co");
  });

  it("cuts a header longer than 150 characters without breaking an entity", () => {
    const match = fixtureMatch({ topic: { ...fixtureTopic, title: `${"&".repeat(100)}${"x".repeat(100)}` } });
    const header = (answerMessage(match, view).blocks[0] as unknown as AnyBlock).text?.text ?? "";
    expect(header.length).toBeLessThanOrEqual(150);
    expect(header.endsWith("…")).toBe(true);
    expect(header.replaceAll("&amp;", "")).toBe("…");
  });
});

describe("answers with many disagreeing sources", () => {
  for (const [count, padding] of [
    [INLINE_SOURCES, 0],
    [INLINE_SOURCES + 1, 0],
    [80, 0],
    [80, 350],
    [600, 0],
    [600, 350],
  ] as const) {
    it(`accounts for all ${count} sources (names +${padding} chars) across the answer and its “Show more” pages`, () => {
      const match = fixtureMatch({ disagreements: manyDisagreements(count, padding) });
      const answer = answerMessage(match, view);
      expectWithinLimits(answer);
      const words = allText(asRecord(answer));
      expect(words).toContain(`*${count.toLocaleString("en-GB")} sources disagree*`);
      const seen = monitorsIn(words);
      const more = /…and ([\d,]+) more sources? not listed/.exec(words);
      const notListed = more ? Number(more[1]?.replaceAll(",", "")) : 0;
      expect(seen.size + notListed).toBe(count);

      let next = buttonsIn(asRecord(answer)).find((b) => b.actionId === ACTION.more);
      expect(next === undefined).toBe(notListed === 0);
      let pages = 0;
      while (next) {
        const value = decodeButtonValue(next.value);
        expect(value?.o).toBe(seen.size);
        const page = moreSourcesMessage(match, value?.q ?? "", value?.o ?? 0);
        expectWithinLimits(page);
        const pageNames = monitorsIn(allText(asRecord(page)));
        for (const name of pageNames) expect(seen.has(name)).toBe(false);
        for (const name of pageNames) seen.add(name);
        next = buttonsIn(asRecord(page)).find((b) => b.actionId === ACTION.more);
        pages++;
        expect(pages).toBeLessThan(50);
      }
      expect(seen.size).toBe(count);
    });
  }
});

describe("historyMessage", () => {
  it("groups the topic's figures by source, newest first, inside the limits", () => {
    const history = [
      shown({ figure: "250,000", dateText: "13 Jun 2025" }),
      shown({ figure: "800,000", sourceName: "CC News Network", sourceId: "cc", dateText: "7 Jan 2025" }),
      shown({ figure: "200,000", dateText: "Dec 2024" }),
    ];
    const message = historyMessage(fixtureMatch({ history }));
    expectWithinLimits(message);
    const words = allText(asRecord(message));
    expect(words).toContain(`History: ${fixtureTopic.title}`);
    expect(words).toContain(
      "*UK Ministry of Defence*\n• 13 Jun 2025: *250,000* (Thin Line News)\n• Dec 2024: *200,000* (Thin Line News)",
    );
    expect(words.indexOf("UK Ministry of Defence")).toBeLessThan(words.indexOf("CC News Network"));
  });
});

describe("noMatchMessage", () => {
  it("says plainly that nothing matched and offers each suggestion as a button that answers it", () => {
    const message = noMatchMessage("how many drones", [
      { topic: { id: "drones-launched", title: "Drones launched" }, confidence: 0.4 },
      { topic: { id: "drones-jammed", title: "Drones jammed" }, confidence: 0.3 },
    ]);
    expect(allText(asRecord(message))).toContain(
      "I couldn't find a figure for “how many drones” in the claims index.",
    );
    const buttons = buttonsIn(asRecord(message));
    expect(buttons.map((b) => b.text)).toEqual(["Drones launched", "Drones jammed"]);
    expect(new Set(buttons.map((b) => b.actionId)).size).toBe(2);
    expect(decodeButtonValue(buttons[1]?.value)).toEqual({
      q: "how many drones",
      t: "drones-jammed",
      k: "suggestion",
    });
    expect(message.text).toBe("No figure found for “how many drones”");
  });

  it("suggests how to ask when there is nothing close", () => {
    const message = noMatchMessage("zzz", []);
    expect(buttonsIn(asRecord(message))).toHaveLength(0);
    expect(allText(asRecord(message))).toContain("/tally help");
  });
});
