import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecordedCall } from "../support/fake-slack.ts";
import { blockActionsPayload, postInteraction, postSlashCommand } from "../support/signed-request.ts";
import { allText, button, buttonsIn } from "../support/slack-message.ts";
import { startTestApp, TEST_NOW, type TestApp } from "../support/start-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.stop();
});

/** Sends `/tally <text>` and returns the first message posted to its response_url. */
async function ask(text: string, user = "U0ASKER"): Promise<{ call: RecordedCall; responseUrl: string }> {
  const responseUrl = t.fake.responseUrl({ channel: "C0NEWS", user });
  const res = await postSlashCommand(t.baseUrl, { text, responseUrl, userId: user });
  expect(res.status).toBe(200);
  const call = await t.fake.waitFor((c) => c.responseUrl === responseUrl, `the answer to /tally ${text}`);
  return { call, responseUrl };
}

/** Presses a button on an ephemeral message (Slack leaves the message out of such payloads). */
async function pressOnEphemeral(message: Record<string, unknown>, label: string | RegExp, user = "U0ASKER") {
  const b = button(message, label);
  const responseUrl = t.fake.responseUrl({ channel: "C0NEWS", user });
  const res = await postInteraction(
    t.baseUrl,
    blockActionsPayload({
      actionId: b.actionId,
      value: b.value,
      responseUrl,
      isEphemeral: true,
      userId: user,
    }),
  );
  expect(res.status).toBe(200);
  return responseUrl;
}

describe("/tally <question>", () => {
  it("acks the command before the answer is delivered", async () => {
    const gate = t.fake.hold((c) => c.method === "response_url" && c.target?.user === "U0ACKSPEED");
    const responseUrl = t.fake.responseUrl({ channel: "C0NEWS", user: "U0ACKSPEED" });
    // While the fake Slack holds the answer, the command's own HTTP response must still arrive.
    const res = await postSlashCommand(t.baseUrl, {
      text: "how many Russian soldiers have been killed?",
      responseUrl,
      userId: "U0ACKSPEED",
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    const delivered = t.fake.changes.filter(
      (c) => c.kind === "posted" && c.message.ephemeralTo === "U0ACKSPEED",
    );
    expect(delivered).toHaveLength(0);
    gate.release();
    const answer = await t.fake.waitFor(
      (c) => c.method === "response_url" && c.target?.user === "U0ACKSPEED",
    );
    expect(answer.params.response_type).toBe("ephemeral");
  });

  it("answers only the asker, with the figure, its date, the source and every source that disagrees", async () => {
    const { call } = await ask("how many Russian soldiers have been killed?");
    expect(call.params.response_type).toBe("ephemeral");
    const text = allText(call.params);
    expect(text).toContain("Russian military killed");
    expect(text).toContain("UK Ministry of Defence");
    expect(text).toMatch(/as of \d{1,2} \w{3} \d{4}/);
    expect(text).toMatch(/sources? disagree/);
    expect(text).toContain("800,000");
    expect(typeof call.params.text).toBe("string");
    expect(String(call.params.text)).toContain("Russian military killed");
    expect(buttonsIn(call.params).map((b) => b.text)).toEqual([
      "Share in channel",
      "Show history",
      "Not what I asked",
    ]);
  });

  it("warns when the headline figure is older than TALLY_STALE_DAYS", async () => {
    const { call } = await ask("how many Russian soldiers have been killed?");
    expect(allText(call.params)).toMatch(/days old, past the 90-day freshness limit/);
  });

  it("gives usage for /tally alone and for /tally help", async () => {
    for (const text of ["", "help"]) {
      const { call } = await ask(text, text === "" ? "U0HELP1" : "U0HELP2");
      expect(call.params.response_type).toBe("ephemeral");
      const words = allText(call.params);
      expect(words).toContain("/tally help");
      expect(words).toContain("@Tally");
      expect(words).toMatch(/I know about \d+ topics/);
    }
  });

  it("treats an unknown first word as part of the question", async () => {
    const { call } = await ask("russian soldiers killed");
    expect(allText(call.params)).toContain("Russian military killed");
  });

  it("answers a question that starts with a subcommand word when the rest is not that subcommand's", async () => {
    const { call } = await ask("daily russian losses");
    expect(allText(call.params)).toContain("Russian military killed and wounded per day");
    const summary = await ask("summary of north korean troops in kursk");
    expect(allText(summary.call.params)).toContain("10,000–12,000");
  });

  it("shares the answer visibly when Share in channel is pressed, and removes the private copy", async () => {
    const { call } = await ask("how many Russian soldiers have been killed?", "U0SHARER");
    const shareUrl = await pressOnEphemeral(call.params, "Share in channel", "U0SHARER");
    const shared = await t.fake.waitFor(
      (c) =>
        c.method === "response_url" &&
        c.params.response_type === "in_channel" &&
        c.target?.user === "U0SHARER",
      "the shared answer",
    );
    const words = allText(shared.params);
    expect(words).toContain("Russian military killed");
    expect(words).toContain("<@U0SHARER> asked");
    expect(words).toContain("800,000");
    expect(shared.params.replace_original).toBe(false);
    expect(buttonsIn(shared.params).map((b) => b.text)).not.toContain("Share in channel");
    const visible = t.fake.workspace.messages.filter(
      (m) => m.channel === "C0NEWS" && !m.ephemeralTo && !m.deleted,
    );
    expect(visible.some((m) => allText({ blocks: m.blocks }).includes("<@U0SHARER> asked"))).toBe(true);
    await t.fake.waitFor(
      (c) => c.method === "response_url" && c.params.delete_original === true,
      "the private copy's removal",
    );
    expect(shareUrl).toContain("/response/");
  });

  it("shows the topic's figures over time, by source, when Show history is pressed", async () => {
    const { call } = await ask("how many Russian soldiers have been killed?", "U0HISTORY");
    await pressOnEphemeral(call.params, "Show history", "U0HISTORY");
    const history = await t.fake.waitFor(
      (c) =>
        c.method === "response_url" &&
        c.target?.user === "U0HISTORY" &&
        allText(c.params).includes("History:"),
      "the history",
    );
    expect(history.params.response_type).toBe("ephemeral");
    expect(history.params.replace_original).toBe(false);
    const words = allText(history.params);
    expect(words).toContain("UK Ministry of Defence");
    expect(words).toContain("about 250,000");
  });

  it("records “Not what I asked” with the question, for the desk, and thanks the user", async () => {
    const { call } = await ask("how many Russian soldiers have been killed?", "U0FEEDBACK");
    await pressOnEphemeral(call.params, "Not what I asked", "U0FEEDBACK");
    const thanks = await t.fake.waitFor(
      (c) =>
        c.method === "response_url" &&
        c.target?.user === "U0FEEDBACK" &&
        String(c.params.text).startsWith("Thanks"),
      "the thanks",
    );
    expect(thanks.params.response_type).toBe("ephemeral");
    expect(t.feedback).toContainEqual({
      channel: "C0NEWS",
      user: "U0FEEDBACK",
      question: "how many Russian soldiers have been killed?",
      topicId: "ru-killed",
      kind: "not-what-i-asked",
      at: TEST_NOW.toISOString(),
    });
    const logged = t.logs.find((l) => l.msg === "not what I asked");
    expect(logged).toMatchObject({
      question: "how many Russian soldiers have been killed?",
      topic: "ru-killed",
      user: "U0FEEDBACK",
    });
  });

  it("says plainly when nothing matches, offers suggestions as buttons, and answers the one pressed", async () => {
    // A near miss: the index has Russian deaths, but no figure for 2022 alone.
    const { call } = await ask("how many russians were killed in 2022", "U0NOMATCH");
    const words = allText(call.params);
    expect(words).toContain("couldn't find a figure");
    const suggestions = buttonsIn(call.params);
    expect(suggestions.length).toBeGreaterThan(0);
    const first = suggestions[0];
    if (!first) throw new Error("no suggestion");
    await pressOnEphemeral(call.params, first.text, "U0NOMATCH");
    const answered = await t.fake.waitFor(
      (c) =>
        c.method === "response_url" && c.target?.user === "U0NOMATCH" && c.params.replace_original === true,
      "the suggestion's answer",
    );
    expect(answered.params.response_type).toBe("ephemeral");
    expect(allText(answered.params)).toContain(first.text.replace(/…$/, ""));
    expect(buttonsIn(answered.params).map((b) => b.text)).toContain("Share in channel");
  });

  it("never lets hostile text through: <!channel>, <@U…> and & in the question come back escaped", async () => {
    // As Slack delivers "how many @channel @someone & R&D <b> soldiers zzqx" typed by a user.
    const { call } = await ask(
      "how many <!channel> <@U123> &amp; R&amp;D &lt;b&gt; soldiers zzqx",
      "U0HOSTILE",
    );
    // What Slack renders: every text field (button values are handed back to Tally, never shown).
    const body = allText(call.params);
    expect(body).not.toContain("<!channel>");
    expect(body).not.toContain("<@U123>");
    expect(body).not.toContain("<b>");
    const words = allText(call.params);
    expect(words).toContain("R&amp;D &lt;b&gt;");
    for (const amp of words.matchAll(/&/g)) {
      expect(words.slice(amp.index, amp.index + 5)).toMatch(/^&(amp|lt|gt);/);
    }
  });
});
