import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  eventEnvelope,
  postEvent,
  postSlashCommand,
  slackSignature,
  TEST_SIGNING_SECRET,
} from "../support/signed-request.ts";
import { startTestApp, type TestApp } from "../support/start-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.stop();
});

const question = () => ({
  text: "how many Russian soldiers have been killed?",
  responseUrl: t.fake.responseUrl({ channel: "C0NEWS", user: "U0ASKER" }),
});

describe("requests from Slack over HTTP", () => {
  it("answers GET /healthz with 200 ok for load balancers", async () => {
    const res = await fetch(`${t.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok");
  });

  it("checks the bot token with auth.test at start-up, using SLACK_API_URL", () => {
    const authTest = t.fake.callsTo("auth.test");
    expect(authTest.length).toBeGreaterThanOrEqual(1);
    expect(authTest[0]?.token).toBe("xoxb-test-token");
  });

  it("answers url_verification with the challenge", async () => {
    const res = await postEvent(t.baseUrl, {
      type: "url_verification",
      token: "x",
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
  });

  it("rejects an unsigned slash command with 401 and answers nothing", async () => {
    const before = t.fake.callsTo("response_url").length;
    const res = await postSlashCommand(t.baseUrl, question(), { unsigned: true });
    expect(res.status).toBe(401);
    expect(t.fake.callsTo("response_url")).toHaveLength(before);
  });

  it("rejects a request signed with the wrong secret with 401", async () => {
    const res = await postSlashCommand(t.baseUrl, question(), { secret: "not-the-signing-secret" });
    expect(res.status).toBe(401);
  });

  it("rejects a correctly signed but stale request (replayed after 10 minutes) with 401", async () => {
    const res = await postSlashCommand(t.baseUrl, question(), {
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect(res.status).toBe(401);
  });

  it("rejects an event whose body was altered after signing with 401", async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const signed = JSON.stringify(
      eventEnvelope("EvSIGNED", {
        type: "app_mention",
        user: "U0ASKER",
        text: "<@U0TALLY> hi",
        ts: "1.1",
        channel: "C0NEWS",
      }),
    );
    const res = await postEvent(
      t.baseUrl,
      eventEnvelope("EvALTERED", {
        type: "app_mention",
        user: "U0ASKER",
        text: "<@U0TALLY> <!channel>",
        ts: "1.1",
        channel: "C0NEWS",
      }),
      { timestamp, signature: slackSignature(TEST_SIGNING_SECRET, timestamp, signed) },
    );
    expect(res.status).toBe(401);
  });

  it("accepts a correctly signed slash command", async () => {
    const res = await postSlashCommand(t.baseUrl, question());
    expect(res.status).toBe(200);
  });
});
