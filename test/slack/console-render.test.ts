import { describe, expect, it } from "vitest";
import { FakeSlackWorkspace } from "../../src/console/fake-slack-workspace.ts";
import { mrkdwnToText, renderBlocks } from "../../src/console/render-blocks.ts";
import { answerMessage } from "../../src/slack/blocks/answer-blocks.ts";
import { fixtureMatch } from "../support/fixture-match.ts";

const names = { U0TALLY: "tally", U0YOU: "you" };

describe("the console's Block Kit renderer", () => {
  it("renders mrkdwn as readable text: names for mentions, labels for links, entities decoded, emphasis dropped", () => {
    expect(
      mrkdwnToText("*250,000* _latest_ <@U0YOU> asked <https://x.org|here> R&amp;D &lt;b&gt; :warning:", {
        color: false,
        names,
      }),
    ).toBe("250,000 latest @you asked here (https://x.org) R&D <b> ⚠");
  });

  it("numbers buttons so they can be pressed, and shows header, sections and context", () => {
    const pressed: string[] = [];
    let n = 41;
    const text = renderBlocks(
      answerMessage(fixtureMatch(), { surface: "ephemeral", question: "q", staleDays: 90 }).blocks,
      "",
      {
        color: false,
        names,
        numberButton: (b) => {
          pressed.push(b.actionId);
          return ++n;
        },
      },
    );
    expect(text).toContain("== Russian military killed since 24 Feb 2022 ==");
    expect(text).toContain("250,000");
    expect(text).toContain("[42] Share in channel   [43] Show history   [44] Not what I asked");
    expect(pressed).toEqual(["tally_share", "tally_history", "tally_not_what_i_asked"]);
  });

  it("falls back to the message text when there are no blocks", () => {
    expect(renderBlocks([], "Thanks &amp; bye", { color: false, names, numberButton: () => 0 })).toBe(
      "  Thanks & bye",
    );
  });
});

describe("the console's fake workspace", () => {
  const workspace = () => new FakeSlackWorkspace({ teamId: "T", botUserId: "U0TALLY", botId: "B0TALLY" });

  it("answers auth.test with the bot's ids", () => {
    expect(workspace().call("auth.test", {})).toMatchObject({
      ok: true,
      user_id: "U0TALLY",
      bot_id: "B0TALLY",
    });
  });

  it("posts, updates and deletes messages like Slack, with errors for bad calls", () => {
    const ws = workspace();
    expect(ws.call("chat.postMessage", { channel: "C1" })).toEqual({ ok: false, error: "no_text" });
    const posted = ws.call("chat.postMessage", { channel: "C1", text: "hi", thread_ts: "1.0" });
    expect(posted.ok).toBe(true);
    const ts = String(posted.ts);
    expect(ws.find("C1", ts)?.threadTs).toBe("1.0");
    expect(ws.call("chat.update", { channel: "C1", ts, text: "bye" }).ok).toBe(true);
    expect(ws.find("C1", ts)?.text).toBe("bye");
    expect(ws.call("chat.delete", { channel: "C1", ts }).ok).toBe(true);
    expect(ws.call("chat.update", { channel: "C1", ts, text: "x" })).toEqual({
      ok: false,
      error: "message_not_found",
    });
  });

  it("follows response_url rules: ephemeral by default, in_channel when asked, replace and delete the original", () => {
    const ws = workspace();
    const command = ws.registerResponseTarget({ channel: "C1", user: "U0YOU" });
    ws.respond(command, { text: "private" });
    const privateMessage = ws.messages.at(-1);
    expect(privateMessage?.ephemeralTo).toBe("U0YOU");
    ws.respond(command, { text: "public", response_type: "in_channel" });
    expect(ws.messages.at(-1)?.ephemeralTo).toBeUndefined();

    const press = ws.registerResponseTarget({ channel: "C1", user: "U0YOU", messageTs: privateMessage?.ts });
    ws.respond(press, { text: "replaced", replace_original: true });
    expect(privateMessage?.text).toBe("replaced");
    ws.respond(press, { delete_original: true });
    expect(privateMessage?.deleted).toBe(true);
    expect(ws.respond("r999", { text: "x" }).status).toBe(404);
  });
});
