/**
 * `npm start`: reads the configuration, loads the claims index, opens the state database and runs
 * Tally over HTTP, over Socket Mode, or as the local console.
 */

import path from "node:path";
import { type LiveCore, loadLiveCore } from "./answer/live-core.ts";
import { formatProblem } from "./claims/index-problem.ts";
import { type Config, loadConfig } from "./config.ts";
import { runConsole } from "./console/run-console.ts";
import { createLogger, type Logger } from "./log/logger.ts";
import { createCurationDeps } from "./slack/curation/curation-deps.ts";
import { startReviewReminders } from "./slack/curation/review-reminder.ts";
import type { AppDeps } from "./slack/deps.ts";
import { startSlackApp } from "./slack/start-slack-app.ts";
import { createSlackSummaryScheduler, createSummaryClient } from "./slack/summary-poster.ts";
import type { CurationStore } from "./store/curation-store.ts";
import { openSqliteCurationStore } from "./store/sqlite-curation-store.ts";
import { openSqliteStore } from "./store/sqlite-store.ts";
import type { Store } from "./store/store.ts";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function loadDeps(config: Config, logger: Logger): Promise<AppDeps & { core: LiveCore }> {
  const now = () => new Date();
  // The live core follows the research desk's edits to data/; a broken edit is logged and not taken.
  const { core, problems } = await loadLiveCore({
    dataDirs: [config.dataDir],
    documentsDirs: [config.documentsDir],
    now,
    log: (level, message, fields) => logger[level](message, fields),
  });
  if (config.connection.mode === "console" && problems.length > 0) {
    // Someone trying Tally wants a sentence, not JSON lines; the rest still serves.
    const first = problems[0] ? formatProblem(problems[0]) : "";
    process.stderr.write(
      `Note: the claims index has ${problems.length} problem(s), e.g. ${first}\n` +
        "Run `npm run claims -- validate` to see them all.\n",
    );
  } else {
    for (const problem of problems) logger.warn("claims index problem", { ...problem });
  }
  const topics = core.topics().length;
  if (topics === 0) {
    fail(
      `Tally cannot start: no topics were loaded from ${path.resolve(config.dataDir)}.\n` +
        "Set TALLY_DATA_DIR to the folder holding topics/, sources/, documents/ and claims/ (default ./data).",
    );
  }
  logger.info("claims index loaded", { topics, problems: problems.length });

  let store: Store;
  // The console is a try-out: it keeps its state in memory and never touches a server's database.
  const where = config.connection.mode === "console" ? ":memory:" : config.stateDir;
  try {
    store = openSqliteStore(where);
  } catch (error) {
    fail(
      `Tally cannot open its state database in ${where}: ${(error as Error).message}\nSet TALLY_STATE_DIR to a writable folder.`,
    );
  }
  let curationStore: CurationStore;
  try {
    curationStore = openSqliteCurationStore(where);
  } catch (error) {
    fail(`Tally cannot open its curation state in ${where}: ${(error as Error).message}`);
  }
  const curation = createCurationDeps({ config, core, store: curationStore, now, logger });
  // Figures approved in Slack and not yet exported into data/ answer from the first question on.
  const notTaken = await curation.desk.refresh();
  for (const problem of notTaken) logger.warn("curated figures not taken", { ...problem });
  return { core, store, now, logger, config, curation };
}

function stopOnSignals(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("stopping", { signal });
    stop()
      .catch((error: unknown) => logger.error("error while stopping", { error }))
      .finally(() => process.exit(0));
  };
  process.once("SIGINT", () => onSignal("SIGINT"));
  process.once("SIGTERM", () => onSignal("SIGTERM"));
}

async function main(): Promise<void> {
  const result = loadConfig(process.env, { stdinIsTTY: process.stdin.isTTY === true });
  if (!result.ok) fail(result.message);
  const { config } = result;
  const { connection } = config;
  const logger = createLogger({
    level: config.logLevel ?? (connection.mode === "console" ? "warn" : "info"),
  });
  const deps = await loadDeps(config, logger);
  deps.core.watch();

  if (connection.mode === "console") {
    await runConsole({
      deps,
      input: process.stdin,
      output: process.stdout,
      color: process.stdout.isTTY === true,
      interactive: process.stdin.isTTY === true,
    });
    deps.core.close();
    await deps.store.close();
    await deps.curation.store.close();
    return;
  }

  const started = await startSlackApp(deps, connection, {
    port: config.port,
    ...(config.host ? { host: config.host } : {}),
  });
  if (!started.ok) fail(started.message);
  const { running } = started;
  // Daily summaries post through their own client: no blind retries, 429s handed back to the poster.
  const scheduler = createSlackSummaryScheduler(
    deps,
    createSummaryClient({ botToken: connection.botToken, apiUrl: connection.apiUrl, logger }),
  );
  scheduler.start();
  // Curators hear once a day about topics past their review interval.
  const reminders = startReviewReminders(deps, running.app.client);
  stopOnSignals(logger, async () => {
    reminders.stop();
    await scheduler.stop();
    await running.stop();
    deps.core.close();
    await deps.store.close();
    await deps.curation.store.close();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Tally stopped on an unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
