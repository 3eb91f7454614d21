/**
 * What a new user found wrong, through the real app over signed HTTP, on an invented story
 * (test/support/fixture-story.ts) rather than data/: a named source with no figure, help asked for in words,
 * a date before the first figure, and a suggestion pressed and then shared.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeButtonValue } from "../../src/slack/blocks/button-value.ts";
import type { RecordedCall } from "../support/fake-slack.ts";
import { fixtureStoryCore, STORY_NOW } from "../support/fixture-story.ts";
import {
  blockActionsPayload,
  eventEnvelope,
  postEvent,
  postInteraction,
  postSlashCommand,
} from "../support/signed-request.ts";
import { allText, button, buttonsIn } from "../support/slack-message.ts";
import { startTestApp, type TestApp } from "../support/start-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ core: fixtureStoryCore(), now: STORY_NOW });
});
afterAll(async () => {
  await t.stop();
});

let count = 0;
const next = () => ++count;
const nextTs = () => `1731000000.${String(next()).padStart(6, "0")}`;

async function ask(text: string, user: string): Promise<RecordedCall> {
  const responseUrl = t.fake.responseUrl({ channel: "C0NEWS", user });
  const res = await postSlashCommand(t.baseUrl, { text, responseUrl, userId: user });
  expect(res.status).toBe(200);
  return t.fake.waitFor((c) => c.responseUrl === responseUrl, `the answer to /tally ${text}`);
}

async function press(
  actionId: string,
  value: string | undefined,
  user: string,
): Promise<{ responseUrl: string }> {
  const responseUrl = t.fake.responseUrl({ channel: "C0NEWS", user });
  const res = await postInteraction(
    t.baseUrl,
    blockActionsPayload({ actionId, value, responseUrl, isEphemeral: true, userId: user }),
  );
  expect(res.status).toBe(200);
  return { responseUrl };
}

async function deliver(event: Record<string, unknown>): Promise<void> {
  const res = await postEvent(t.baseUrl, eventEnvelope(`Ev${String(next()).padStart(8, "0")}`, event));
  expect(res.status).toBe(200);
}

describe("a named source with no figure on the topic", () => {
  it("says so plainly in Slack, and whose figure is shown instead", async () => {
    const call = await ask("riverton flood deaths according to river watch", "U0NAMED1");
    const words = allText(call.params);
    expect(words).toContain("River Watch has no figure on this topic in the index.");
    expect(words).toContain("Shown instead: the figure from Riverton Regional Government, the most recent.");
    expect(words).not.toContain("The figure from River Watch, as you asked");
  });
  it("still says “as you asked” when the named source has the figure", async () => {
    const call = await ask("riverton homes destroyed according to river watch", "U0NAMED2");
    expect(allText(call.params)).toContain("The figure from River Watch, as you asked.");
  });
});

describe("help asked for in words", () => {
  const helpWords = (words: string) => {
    expect(words).toContain("/tally help");
    expect(words).toMatch(/I know about 5 topics/);
    expect(words).not.toContain("1,970");
  };

  it("answers “@Tally help” in a channel with the help, not a figure", async () => {
    const ts = nextTs();
    await deliver({ type: "app_mention", user: "U0ASKER", text: "<@U0TALLY> help", ts, channel: "C0NEWS" });
    const reply = await t.fake.waitFor(
      (c) => c.method === "chat.postMessage" && c.params.thread_ts === ts,
      "the help in the thread",
    );
    helpWords(allText(reply.params));
  });

  it.each(["help", "help me", "what can you do?", "?"])(
    "answers a DM saying %j with the help",
    async (text) => {
      const ts = nextTs();
      const channel = `D0HELP${next()}`;
      await deliver({
        type: "message",
        channel_type: "im",
        channel,
        user: "U0ASKER",
        text,
        ts,
        event_ts: ts,
      });
      const reply = await t.fake.waitFor(
        (c) => c.method === "chat.postMessage" && c.params.channel === channel,
        `the help for ${text}`,
      );
      helpWords(allText(reply.params));
    },
  );

  it("answers “/tally what can you do” with the help too", async () => {
    helpWords(allText((await ask("what can you do", "U0HELPCMD")).params));
  });

  it("gives examples from the index, not from any one story", async () => {
    const words = allText((await ask("help", "U0HELPEX")).params);
    // The key topics' first aliases, as the desk wrote them.
    expect(words).toContain("/tally riverton flood deaths");
    expect(words).toContain("@Tally riverton homes destroyed");
  });
});

describe("a named date before the topic's first figure", () => {
  it("says the index has nothing that early and offers the earliest figure as a button", async () => {
    const call = await ask("riverton flood deaths on 1 March 2025", "U0EARLY");
    const words = allText(call.params);
    expect(words).toContain(
      "The index has nothing on *People killed in the Riverton floods* as early as 1 Mar 2025: its first figure is from 10 Mar 2025.",
    );
    expect(words).toContain("*1,200*");
    const earliest = button(call.params, "Earliest figure (10 Mar 2025)");
    const { responseUrl } = await press(earliest.actionId, earliest.value, "U0EARLY");
    const answered = await t.fake.waitFor((c) => c.responseUrl === responseUrl, "the earliest figure");
    const shown = allText(answered.params);
    expect(shown).toContain("People killed in the Riverton floods");
    expect(shown).toContain("*1,200*");
    expect(shown).toContain("The earliest figure in the index.");
    expect(shown).toContain("Answer for: People killed in the Riverton floods");
    expect(shown).not.toContain("as you asked");
  });
});

describe("a suggestion pressed and then shared", () => {
  it("is captioned with the topic answered, not the different question typed before it", async () => {
    const question = "how many bridges collapsed in the riverton floods";
    const value = encodeButtonValue({ q: question, t: "homes-destroyed", k: "suggestion" });
    const { responseUrl } = await press("tally_suggestion_0", value, "U0SUGGEST");
    const answered = await t.fake.waitFor((c) => c.responseUrl === responseUrl, "the suggestion's answer");
    const pressedWords = allText(answered.params);
    expect(pressedWords).toContain("Answer for: Homes destroyed by the Riverton floods");
    expect(pressedWords).not.toContain(question);

    const share = button(answered.params, "Share in channel");
    const shareUrl = (await press(share.actionId, share.value, "U0SUGGEST")).responseUrl;
    const shared = await t.fake.waitFor(
      (c) => c.responseUrl === shareUrl && c.params.response_type === "in_channel",
      "the shared answer",
    );
    const sharedWords = allText(shared.params);
    expect(sharedWords).toContain(
      "<@U0SUGGEST> shared the answer for: Homes destroyed by the Riverton floods",
    );
    expect(sharedWords).toContain("10,000–12,000");
    expect(sharedWords).not.toContain(question);
    expect(sharedWords).not.toContain("asked:");
    expect(buttonsIn(shared.params).map((b) => b.text)).toEqual(["Show history", "Not what I asked"]);
  });

  it("treats a suggestion button made before buttons said how they were picked as a suggestion", async () => {
    const question = "how many bridges collapsed";
    const value = encodeButtonValue({ q: question, t: "homes-destroyed" });
    const { responseUrl } = await press("tally_suggestion_1", value, "U0OLDBTN");
    const answered = await t.fake.waitFor(
      (c) => c.responseUrl === responseUrl,
      "the old suggestion's answer",
    );
    expect(allText(answered.params)).toContain("Answer for: Homes destroyed by the Riverton floods");
  });

  it("keeps the question's own caption on an answer that matched it", async () => {
    const call = await ask("riverton flood deaths", "U0OWN");
    expect(allText(call.params)).toContain("You asked: “riverton flood deaths”");
  });
});
