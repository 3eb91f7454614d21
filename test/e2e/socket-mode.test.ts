import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCore } from "../../src/answer/load-core.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log/logger.ts";
import type { RunningApp } from "../../src/slack/start-slack-app.ts";
import { startSlackApp } from "../../src/slack/start-slack-app.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import type { Store } from "../../src/store/store.ts";
import { testCuration } from "../support/curation-deps.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { eventEnvelope } from "../support/signed-request.ts";
import { allText } from "../support/slack-message.ts";
import { TEST_NOW } from "../support/start-app.ts";
import { testDelivery } from "../support/test-delivery.ts";
import { WAR_STORY_DIR } from "../support/war-story.ts";

let fake: FakeSlack;
let running: RunningApp;
let store: Store;

beforeAll(async () => {
  fake = await FakeSlack.start();
  const result = loadConfig(
    {
      SLACK_BOT_TOKEN: "xoxb-socket",
      SLACK_APP_TOKEN: "xapp-1-socket",
      SLACK_API_URL: fake.apiUrl,
      TALLY_DATA_DIR: WAR_STORY_DIR,
    },
    { stdinIsTTY: false },
  );
  if (!result.ok || result.config.connection.mode !== "socket") throw new Error("expected Socket Mode");
  const now = () => TEST_NOW;
  const { core } = await loadCore({ dataDirs: [WAR_STORY_DIR], now });
  store = openSqliteStore(":memory:");
  const logger = createLogger({ level: "error", write: () => {} });
  const started = await startSlackApp(
    {
      core,
      store,
      now,
      logger,
      config: result.config,
      curation: testCuration(core, result.config, now, logger),
      delivery: testDelivery(fake.apiUrl, logger, result.config.connection.botToken),
    },
    result.config.connection,
    { port: 0 },
  );
  if (!started.ok) throw new Error(started.message);
  running = started.running;
  await fake.socketMode.connected;
});

afterAll(async () => {
  await running.stop();
  await store.close();
  await fake.close();
});

describe("Socket Mode", () => {
  it("opens the connection with the app token through SLACK_API_URL and listens on no port", () => {
    expect(fake.callsTo("apps.connections.open")[0]?.token).toBe("xapp-1-socket");
    expect(running.port).toBeNull();
  });

  it("acks a slash command over the socket and answers it ephemerally", async () => {
    const responseUrl = fake.responseUrl({ channel: "C0NEWS", user: "U0ASKER" });
    const ack = await fake.socketMode.send({
      type: "slash_commands",
      payload: {
        team_id: "T0TEST",
        channel_id: "C0NEWS",
        user_id: "U0ASKER",
        command: "/tally",
        text: "how many Russian soldiers have been killed?",
        api_app_id: "A0TALLY",
        response_url: responseUrl,
        trigger_id: "t",
      },
    });
    expect(ack.envelope_id).toBeDefined();
    const answer = await fake.waitFor((c) => c.responseUrl === responseUrl, "the answer");
    expect(answer.params.response_type).toBe("ephemeral");
    expect(allText(answer.params)).toContain("UK Ministry of Defence");
  });

  it("answers a mention in a thread", async () => {
    await fake.socketMode.send({
      type: "events_api",
      payload: eventEnvelope("EvSOCKET1", {
        type: "app_mention",
        user: "U0ASKER",
        text: "<@U0TALLY> how many North Korean troops are in Russia?",
        ts: "1731000000.000900",
        channel: "C0NEWS",
      }),
    });
    const reply = await fake.waitFor(
      (c) => c.method === "chat.postMessage" && c.params.thread_ts === "1731000000.000900",
      "the threaded answer",
    );
    expect(reply.token).toBe("xoxb-socket");
    expect(allText(reply.params)).toContain("10,000–12,000");
  });
});
