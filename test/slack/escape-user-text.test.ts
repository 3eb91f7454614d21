import { describe, expect, it } from "vitest";
import { answerMessage } from "../../src/slack/blocks/answer-blocks.ts";
import { cutToFit, escapeToFit } from "../../src/slack/blocks/limits.ts";
import { copy } from "../../src/slack/copy.ts";
import { curationCopy } from "../../src/slack/curation/curation-copy.ts";
import { escapeUserText } from "../../src/slack/escape-mrkdwn.ts";
import { fixtureMatch } from "../support/fixture-match.ts";

/** What Slack shows for mrkdwn text made by escapeUserText: each date token's fallback, entities decoded. */
const shown = (mrkdwn: string) =>
  mrkdwn
    .replace(/<!date\^00000000\^\{_\}\|([^>])>/g, "$1")
    .replaceAll("\u00ad", "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");

/** Whether mrkdwn still holds a formatting marker outside a date token, which Slack could pair up. */
const bareMarkers = (mrkdwn: string) => mrkdwn.replace(/<!date\^[^>]*>/g, "").match(/[*_~`]/g) ?? [];

describe("escapeUserText", () => {
  const typed = "*bold* _it_ ~strike~ `code` ```fence``` <!channel> & R&D";

  it("shows a user's words as typed: no marker left bare, &, < and > escaped", () => {
    const escaped = escapeUserText(typed);
    expect(bareMarkers(escaped)).toEqual([]);
    expect(escaped).not.toContain("<!channel>");
    expect(escaped).toContain("&lt;!channel&gt; &amp; R&amp;D");
    expect(shown(escaped)).toBe(typed);
  });

  it("keeps a > that starts a line from quoting it, and full-width markers from formatting", () => {
    const escaped = escapeUserText("> not a quote\n＞ nor this\n＊bold＊");
    expect(escaped.split("\n").map((line) => line.startsWith("\u00ad"))).toEqual([true, true, false]);
    expect(escaped).not.toMatch(/(^|[^|])＊/);
    expect(shown(escaped)).toBe("> not a quote\n＞ nor this\n＊bold＊");
  });

  it("is cut to fit without leaving half a token", () => {
    const long = "*".repeat(400);
    const fitted = escapeToFit(long, 200, escapeUserText);
    expect(fitted.length).toBeLessThanOrEqual(200);
    expect(fitted.endsWith(">…")).toBe(true);
    const cut = cutToFit(`Question: “${escapeUserText(long)}”`, 3000);
    expect(cut.length).toBeLessThanOrEqual(3000);
    expect(cut).toMatch(/>…$/);
  });
});

describe("every place a question is quoted", () => {
  const question = "how many *killed* _today_ `x`?";

  it("quotes it in plain_text under a private answer, and neutralised under a shared one", () => {
    const privately = answerMessage(fixtureMatch(), { surface: "ephemeral", question, staleDays: 90 });
    expect(privately.blocks).toContainEqual({
      type: "context",
      elements: [{ type: "plain_text", text: `You asked: “${question}”` }],
    });
    const shared = answerMessage(fixtureMatch(), {
      surface: "visible",
      question,
      staleDays: 90,
      askedBy: "U0ASKER",
    });
    const line = JSON.stringify(shared.blocks).match(/<@U0ASKER> asked: [^"]*/)?.[0] ?? "";
    expect(line).not.toBe("");
    expect(bareMarkers(line)).toEqual([]);
  });

  it("neutralises it in the no-match fallback and in what the desk is shown", () => {
    for (const text of [
      copy.noMatch.fallback(question),
      copy.answer.askedBy("U0ASKER", question),
      curationCopy.desk.asked("U0ASKER", "C0NEWS", question),
      curationCopy.desk.fallback(question),
      curationCopy.review.answers("U0ASKER", question),
      curationCopy.told.answered(question, "U0CURATOR"),
    ]) {
      expect(bareMarkers(text.replace(/<[@#][A-Z0-9]+>/g, "")), text).toEqual([]);
      expect(shown(text)).toContain(question);
    }
  });
});
