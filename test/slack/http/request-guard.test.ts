import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type GuardDecision, guardSlackRequest } from "../../../src/slack/http/request-guard.ts";
import { slackSignature, TEST_SIGNING_SECRET } from "../../support/signed-request.ts";

const NOW_MS = Date.parse("2025-11-20T12:00:00Z");
const NOW_S = NOW_MS / 1000;
const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

interface Sent {
  contentType?: string;
  timestamp?: number;
  unsigned?: boolean;
  headers?: Record<string, string | string[]>;
  method?: string;
  path?: string;
}

function guard(body: string, sent: Sent = {}): GuardDecision {
  const timestamp = sent.timestamp ?? NOW_S;
  const headers: Record<string, string | string[]> = { "content-type": sent.contentType ?? JSON_TYPE };
  if (!sent.unsigned) {
    headers["x-slack-request-timestamp"] = String(timestamp);
    headers["x-slack-signature"] = slackSignature(TEST_SIGNING_SECRET, timestamp, body);
  }
  return guardSlackRequest(
    {
      method: sent.method ?? "POST",
      path: sent.path ?? "/slack/events",
      headers: { ...headers, ...sent.headers },
      rawBody: Buffer.from(body),
      nowMs: NOW_MS,
    },
    { signingSecret: TEST_SIGNING_SECRET, eventsPath: "/slack/events", maxClockSkewSeconds: 300 },
  );
}

const command = (fields: Record<string, string> = {}, without: string[] = []) => {
  const all: Record<string, string> = {
    token: "legacy",
    team_id: "T0TEST",
    channel_id: "C0NEWS",
    user_id: "U0ASKER",
    command: "/tally",
    text: "how many?",
    response_url: "https://hooks.slack.com/commands/T0/1/abc",
    trigger_id: "1.2.3",
    ...fields,
  };
  for (const key of without) delete all[key];
  return new URLSearchParams(all).toString();
};
const interaction = (payload: unknown) =>
  new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
const press = {
  type: "block_actions",
  user: { id: "U0ASKER" },
  actions: [{ action_id: "tally_share", action_ts: "1.2" }],
};
const event = { type: "event_callback", event_id: "Ev1", event: { type: "app_mention", text: "hi" } };

const refused = (status: number) => expect.objectContaining({ accept: false, status });
const signed = { accept: true, kind: "signed" };

describe("guardSlackRequest: what it lets through", () => {
  it("accepts signed slash commands, interactions and events, naming each by its signature", () => {
    const body = command();
    expect(guard(body, { contentType: FORM })).toEqual({
      ...signed,
      signature: slackSignature(TEST_SIGNING_SECRET, NOW_S, body),
    });
    expect(guard(command({ text: "" }), { contentType: FORM })).toMatchObject(signed);
    expect(guard(interaction(press), { contentType: FORM })).toMatchObject(signed);
    expect(guard(JSON.stringify(event))).toMatchObject(signed);
    expect(guard(JSON.stringify({ type: "url_verification", challenge: "abc" }))).toMatchObject(signed);
    expect(guard(JSON.stringify({ type: "app_rate_limited", minute_rate_limited: 1 }))).toMatchObject(signed);
  });

  it("passes Slack's unsigned ssl_check form on to Bolt, which answers it", () => {
    expect(guard("ssl_check=1&token=legacy", { contentType: FORM, unsigned: true })).toEqual({
      accept: true,
      kind: "ssl-check",
    });
  });
});

describe("guardSlackRequest: signatures and time", () => {
  it("refuses an unsigned, wrongly signed or altered request with 401", () => {
    expect(guard(JSON.stringify(event), { unsigned: true })).toEqual(refused(401));
    expect(guard(JSON.stringify(event), { headers: { "x-slack-signature": "v0=abc" } })).toEqual(
      refused(401),
    );
    const other = slackSignature("another-secret", NOW_S, JSON.stringify(event));
    expect(guard(JSON.stringify(event), { headers: { "x-slack-signature": other } })).toEqual(refused(401));
    const forBody = slackSignature(TEST_SIGNING_SECRET, NOW_S, "{}");
    expect(guard(JSON.stringify(event), { headers: { "x-slack-signature": forBody } })).toEqual(refused(401));
  });

  it("refuses a repeated signature header or a timestamp that is not whole seconds", () => {
    const body = JSON.stringify(event);
    const good = slackSignature(TEST_SIGNING_SECRET, NOW_S, body);
    expect(guard(body, { headers: { "x-slack-signature": [good, good] } })).toEqual(refused(401));
    expect(guard(body, { headers: { "x-slack-request-timestamp": `${NOW_S}.5` } })).toEqual(refused(401));
  });

  it("refuses timestamps more than 5 minutes off in either direction, Bolt checking only the past", () => {
    const body = JSON.stringify(event);
    expect(guard(body, { timestamp: NOW_S - 301 })).toEqual(refused(401));
    expect(guard(body, { timestamp: NOW_S + 301 })).toEqual(refused(401));
    expect(guard(body, { timestamp: NOW_S + 24 * 3600 })).toEqual(refused(401));
    expect(guard(body, { timestamp: NOW_S - 299 })).toMatchObject(signed);
    expect(guard(body, { timestamp: NOW_S + 299 })).toMatchObject(signed);
  });
});

describe("guardSlackRequest: shapes, refused with 400 and a reason", () => {
  it("refuses JSON that is null, an array or not an object, and payload=null", () => {
    for (const body of ["null", "[]", "[{}]", "42", '"text"', "true", "{}", '{"type":7}', "{not json"]) {
      expect(guard(body), body).toEqual(refused(400));
    }
    for (const payload of ["null", "[]", "{}", '{"type":null}', "not json", '"block_actions"']) {
      const body = new URLSearchParams({ payload }).toString();
      expect(guard(body, { contentType: FORM }), payload).toEqual(refused(400));
    }
  });

  it("refuses any repeated form field", () => {
    const repeated = `${command()}&text=b`;
    expect(guard(repeated, { contentType: FORM })).toEqual(refused(400));
    expect(guard(`${interaction(press)}&payload=x`, { contentType: FORM })).toEqual(refused(400));
    expect(guard("ssl_check=1&ssl_check=1", { contentType: FORM, unsigned: true })).toEqual(refused(400));
  });

  it("refuses a slash command missing any field Tally reads, or with a response_url that is not a URL", () => {
    for (const field of ["command", "text", "response_url", "user_id", "channel_id", "team_id"]) {
      expect(guard(command({}, [field]), { contentType: FORM }), field).toEqual(refused(400));
    }
    expect(guard(command({ response_url: "not a url" }), { contentType: FORM })).toEqual(refused(400));
    expect(guard(command({ user_id: "" }), { contentType: FORM })).toEqual(refused(400));
  });

  it("refuses an event callback without its event or event_id, and url_verification without challenge", () => {
    const { event: _e, ...noEvent } = event;
    const { event_id: _id, ...noId } = event;
    for (const body of [noEvent, noId, { ...event, event: null }, { ...event, event: "x" }]) {
      expect(guard(JSON.stringify(body))).toEqual(refused(400));
    }
    expect(guard(JSON.stringify({ type: "url_verification" }))).toEqual(refused(400));
  });

  it("refuses interactions without the user or actions that Bolt reads unchecked", () => {
    const { user: _u, ...noUser } = press;
    for (const payload of [noUser, { ...press, actions: [] }, { ...press, user: null }]) {
      expect(guard(interaction(payload), { contentType: FORM })).toEqual(refused(400));
    }
    expect(guard(interaction({ type: "view_submission", view: {} }), { contentType: FORM })).toEqual(
      refused(400),
    );
  });

  it("names the problem without quoting the body", () => {
    const decision = guard(command({ response_url: "secret words here" }), { contentType: FORM });
    expect(decision).toMatchObject({
      accept: false,
      status: 400,
      reason: expect.stringContaining("response_url"),
    });
    expect(JSON.stringify(decision)).not.toContain("secret");
  });
});

describe("guardSlackRequest: routing and content types", () => {
  it("takes only POST to the events path, with exactly one of Bolt's two content types", () => {
    expect(guard(JSON.stringify(event), { method: "GET" })).toEqual(refused(405));
    expect(guard(JSON.stringify(event), { path: "/other" })).toEqual(refused(404));
    for (const contentType of ["application/json; charset=utf-8", "text/plain", "multipart/form-data"]) {
      expect(guard(JSON.stringify(event), { contentType }), contentType).toEqual(refused(415));
    }
    expect(guard(JSON.stringify(event), { headers: { "content-type": [JSON_TYPE] } })).toEqual(refused(415));
  });

  it("decides on any signed body without throwing (fast-check)", () => {
    const bodies = fc.oneof(
      fc.string({ maxLength: 2000 }),
      fc.json().map(String),
      fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 40 })).map((d) => {
        return new URLSearchParams(d).toString();
      }),
      fc.jsonValue().map((v) => interaction(v)),
    );
    fc.assert(
      fc.property(bodies, fc.constantFrom(JSON_TYPE, FORM), (body, contentType) => {
        const decision = guard(body, { contentType });
        expect(typeof decision.accept).toBe("boolean");
      }),
      { numRuns: 500 },
    );
  });
});
