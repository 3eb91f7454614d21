import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RESPONSE_URL_SETTINGS } from "../../src/slack/delivery/response-url-fetch.ts";
import { postSlashCommand } from "../support/signed-request.ts";
import { allText } from "../support/slack-message.ts";
import { startTestApp, type TestApp } from "../support/start-app.ts";

const QUESTION = "how many Russian soldiers have been killed?";
const ANSWER_SOURCE = "UK Ministry of Defence";

let t: TestApp;
beforeAll(async () => {
  // Slack's rules (4 tries, not on 404) with waits short enough for a test.
  t = await startTestApp({
    responseUrl: { ...RESPONSE_URL_SETTINGS, backoffMs: [20, 40, 80], attemptTimeoutMs: 5_000 },
  });
});
afterAll(async () => {
  await t.stop();
});

let asker = 0;
let user = "";
beforeEach(() => {
  asker += 1;
  user = `U0ASK${asker}`;
});

/** What reached `who` in the channel, whichever way it went. */
const answersTo = (who: string) =>
  t.fake.changes.flatMap((c) => (c.kind === "posted" && c.message.ephemeralTo === who ? [c.message] : []));
const postsTo = (url: string) => t.fake.calls.filter((c) => c.responseUrl === url);
const settle = () => new Promise((r) => setTimeout(r, 300));

async function ask(responseUrl: string): Promise<void> {
  const res = await postSlashCommand(t.baseUrl, { text: QUESTION, responseUrl, userId: user });
  expect(res.status).toBe(200);
}

describe("response_url posts that fail", () => {
  it("are retried on 500 and delivered once", async () => {
    t.fake.script("response_url", { status: 500, body: {} }, { status: 500, body: {} });
    const url = t.fake.responseUrl({ channel: "C0NEWS", user });
    await ask(url);
    await t.fake.waitFor((c) => c.responseUrl === url && postsTo(url).length === 3, "the third try");
    await settle();
    expect(postsTo(url)).toHaveLength(3);
    expect(answersTo(user)).toHaveLength(1);
    expect(t.fake.callsTo("chat.postEphemeral").filter((c) => c.params.user === user)).toHaveLength(0);
  });

  it("reach the user once by an ephemeral message after 4 failed tries", async () => {
    t.fake.script("response_url", ...Array.from({ length: 4 }, () => ({ status: 500, body: {} })));
    const url = t.fake.responseUrl({ channel: "C0NEWS", user });
    await ask(url);
    const fallback = await t.fake.waitFor(
      (c) => c.method === "chat.postEphemeral" && c.params.user === user,
      "the ephemeral fallback",
    );
    expect(fallback.params.channel).toBe("C0NEWS");
    expect(allText(fallback.params)).toContain(ANSWER_SOURCE);
    await settle();
    expect(postsTo(url)).toHaveLength(4);
    expect(answersTo(user)).toHaveLength(1);
    expect(t.fake.callsTo("chat.postMessage").filter((c) => c.params.channel === user)).toHaveLength(0);
  });

  it("are not retried on 404, and the user gets the reply once another way", async () => {
    t.fake.script("response_url", { status: 404, body: "expired_url" });
    const url = t.fake.responseUrl({ channel: "C0NEWS", user });
    await ask(url);
    await t.fake.waitFor((c) => c.method === "chat.postEphemeral" && c.params.user === user, "the fallback");
    await settle();
    expect(postsTo(url)).toHaveLength(1);
    expect(answersTo(user)).toHaveLength(1);
    expect(allText({ ...answersTo(user)[0] })).toContain(ANSWER_SOURCE);
  });

  describe("when Slack resets the connection", () => {
    let proxy: Server;
    let proxyUrl = "";
    let resets = 0;
    beforeAll(async () => {
      // Destroys the socket of the first `resets` posts, then passes posts on to the fake Slack.
      proxy = createServer(async (req, res) => {
        if (resets > 0) {
          resets -= 1;
          req.socket.destroy();
          return;
        }
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const forwarded = await fetch(`${t.fake.url}${req.url}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: Buffer.concat(chunks).toString("utf8"),
        });
        res.writeHead(forwarded.status).end(await forwarded.text());
      });
      await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
      proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    });

    it("are retried, and delivered once", async () => {
      resets = 2;
      const url = t.fake.responseUrl({ channel: "C0NEWS", user });
      await ask(url.replace(t.fake.url, proxyUrl));
      await t.fake.waitFor((c) => c.responseUrl === url, "the post after the resets");
      await settle();
      expect(resets).toBe(0);
      expect(postsTo(url)).toHaveLength(1);
      expect(answersTo(user)).toHaveLength(1);
      expect(t.fake.callsTo("chat.postEphemeral").filter((c) => c.params.user === user)).toHaveLength(0);
    });
  });
});
