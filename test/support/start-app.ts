/**
 * Starts the real Tally app in HTTP mode on 127.0.0.1 (a free port), configured through the same
 * env parsing as `npm start`, with SLACK_API_URL pointing at a fresh fake Slack.
 */
import { type LiveCore, loadLiveCore } from "../../src/answer/live-core.ts";
import type { TallyCore } from "../../src/answer/types.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log/logger.ts";
import type { ResponseUrlSettings } from "../../src/slack/delivery/response-url-fetch.ts";
import type { AppDeps } from "../../src/slack/deps.ts";
import { startSlackApp } from "../../src/slack/start-slack-app.ts";
import type { SqliteStateOptions } from "../../src/store/sqlite-state-guard.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import type { FeedbackRecord, Store } from "../../src/store/store.ts";
import { testCuration } from "./curation-deps.ts";
import { FakeSlack } from "./fake-slack.ts";
import { TEST_SIGNING_SECRET } from "./signed-request.ts";
import { testDelivery } from "./test-delivery.ts";
import { WAR_STORY_DIR } from "./war-story.ts";

/** The tests' "today": after every claim in the war-story fixture, so ages and staleness are fixed. */
export const TEST_NOW = new Date("2025-11-20T12:00:00Z");

export interface TestApp {
  /** http://127.0.0.1:PORT — requests go to `${baseUrl}/slack/events`. */
  baseUrl: string;
  fake: FakeSlack;
  deps: AppDeps;
  store: Store;
  /** Every log entry, parsed. */
  logs: Record<string, unknown>[];
  /** Every store.recordFeedback call (the store has no way to read them back). */
  feedback: FeedbackRecord[];
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Claims index folder; the war-story fixture (test/fixtures/war-story/) by default, never data/. */
  dataDir?: string;
  /** Text copies of documents; none by default, as the fixture's documents are links only. */
  documentsDir?: string;
  core?: TallyCore;
  now?: Date;
  env?: Record<string, string>;
  /** A state folder for both stores (default: in memory), for tests that read it afterwards (export). */
  stateDir?: string;
  /** How the state store waits out another process's lock (a small budget keeps lock tests short). */
  stateOptions?: SqliteStateOptions;
  /** response_url retry settings (tests shorten the waits). */
  responseUrl?: ResponseUrlSettings;
}

export async function startTestApp(options: StartOptions = {}): Promise<TestApp> {
  const fake = await FakeSlack.start();
  const now = () => options.now ?? TEST_NOW;
  const result = loadConfig(
    {
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      TALLY_DATA_DIR: options.dataDir ?? WAR_STORY_DIR,
      ...(options.documentsDir ? { TALLY_DOCUMENTS_DIR: options.documentsDir } : {}),
      ...options.env,
    },
    { stdinIsTTY: false },
  );
  if (!result.ok) throw new Error(result.message);
  const { config } = result;
  if (config.connection.mode === "console") throw new Error("the test app must run over HTTP");

  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({ level: "debug", write: (line) => logs.push(JSON.parse(line)), now });
  // The live core, as `npm start` runs it (without watching files), so that curation reaches the answers.
  const core: TallyCore | LiveCore =
    options.core ??
    (
      await loadLiveCore({
        dataDirs: [config.dataDir],
        documentsDirs: [config.documentsDir],
        now,
        log: () => {},
      })
    ).core;
  const store = openSqliteStore(options.stateDir ?? ":memory:", options.stateOptions);
  const feedback: FeedbackRecord[] = [];
  // The real store, with feedback also kept where a test can read it.
  const recordingStore = new Proxy(store, {
    get(target, property) {
      if (property === "recordFeedback") {
        return async (record: FeedbackRecord): Promise<void> => {
          feedback.push(record);
          await target.recordFeedback(record);
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const curation = testCuration(core, config, now, logger, options.stateDir);
  await curation.desk.refresh();
  const delivery = testDelivery(fake.apiUrl, logger);
  const deps: AppDeps = { core, store: recordingStore, now, logger, config, curation, delivery };

  const started = await startSlackApp(
    deps,
    config.connection,
    { port: 0, host: "127.0.0.1" },
    options.responseUrl ? { responseUrl: options.responseUrl } : {},
  );
  if (!started.ok) throw new Error(started.message);
  const { running } = started;
  return {
    baseUrl: `http://127.0.0.1:${running.port}`,
    fake,
    deps,
    store,
    logs,
    feedback,
    stop: async () => {
      await running.stop();
      // Cuts short any retry or Retry-After wait still running, so that nothing outlives the test.
      await delivery.drain(new Date());
      await store.close();
      await curation.store.close();
      await fake.close();
    },
  };
}
