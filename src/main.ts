/**
 * `npm start`: reads the configuration, loads the claims index, opens the state database and runs
 * Tally over HTTP, over Socket Mode, or as the local console.
 */

import path from "node:path";
import { fileURLToPath } from "node:url";
import { codeVersion } from "./answer/code-version.ts";
import { KeptReadingsFile } from "./answer/kept-readings-file.ts";
import { type LiveCore, loadLiveCore } from "./answer/live-core.ts";
import { formatProblem } from "./claims/index-problem.ts";
import { type Config, loadConfig } from "./config.ts";
import { runConsole } from "./console/run-console.ts";
import { readCuratedLayer } from "./curation/curated-layer.ts";
import { type CurationFollower, followCuration } from "./curation/follow-curation.ts";
import { createLogger, type Logger } from "./log/logger.ts";
import { TextReadings } from "./match/text-terms.ts";
import { createCurationDeps } from "./slack/curation/curation-deps.ts";
import { startReviewReminders } from "./slack/curation/review-reminder.ts";
import { createDeliveryClient } from "./slack/delivery/delivery-client.ts";
import { createReplyDelivery } from "./slack/delivery/reply-delivery.ts";
import type { AppDeps } from "./slack/deps.ts";
import { redeliverOutbox } from "./slack/redeliver-outbox.ts";
import { shutDownGracefully } from "./slack/shutdown.ts";
import { startSlackApp } from "./slack/start-slack-app.ts";
import { createSlackSummaryScheduler } from "./slack/summary-poster.ts";
import { startIntegrityChecks } from "./store/integrity-checks.ts";
import { type OpenedStores, openStores } from "./store/open-store.ts";
import { PgStartupError } from "./store/pg-database.ts";
import { StateBusyError, StateCorruptError, StateDiskFullError } from "./store/state-errors.ts";
import { restoreAdvice } from "./store/state-restore-advice.ts";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/**
 * PostgreSQL when DATABASE_URL is set (instances share it), else SQLite in TALLY_STATE_DIR. The console is a
 * try-out: it keeps its state in memory and never touches a server's database.
 */
async function openState(config: Config, logger: Logger): Promise<OpenedStores> {
  const consoleMode = config.connection.mode === "console";
  const where = consoleMode
    ? { databaseUrl: null, stateDir: ":memory:" }
    : { databaseUrl: config.databaseUrl, stateDir: config.stateDir };
  try {
    const opened = await openStores(where, {
      onIdleError: (message) => logger.error("PostgreSQL connection lost", { message }),
    });
    logger.info("state database opened", { kind: opened.kind });
    return opened;
  } catch (error) {
    // Its message names what is wrong and never holds the password; the stack would add nothing.
    if (error instanceof PgStartupError) fail(`Tally cannot start: ${error.message}`);
    // A damaged file is not a folder problem: say so, and how to get a working state back.
    if (error instanceof StateCorruptError && error.file !== null) {
      fail(
        `Tally cannot start: its state database ${error.file} is damaged (${error.code ?? "quick_check failed"}).\n` +
          restoreAdvice(error.file),
      );
    }
    const opening = `Tally cannot open its state database in ${where.stateDir}: ${(error as Error).message}`;
    if (error instanceof StateBusyError) {
      fail(`${opening}\nAnother process held it throughout; stop it (or wait for it) and start Tally again.`);
    }
    if (error instanceof StateDiskFullError)
      fail(`${opening}\nFree some space on that disk and start again.`);
    fail(`${opening}\nSet TALLY_STATE_DIR to a writable folder.`);
  }
}

/** Delivery is built once the connection is known: the console's goes to its in-process workspace. */
type MainDeps = Omit<AppDeps, "delivery"> & {
  core: LiveCore;
  state: OpenedStores;
  curationVersion: string;
  keptReadings: KeptReadingsFile;
};

async function loadDeps(config: Config, logger: Logger): Promise<MainDeps> {
  const now = () => new Date();
  const state = await openState(config, logger);
  // Read before the curated figures, so that a change landing in between is followed rather than missed.
  const curationVersion = await state.curation.curationVersion();
  // The live core follows the research desk's edits to data/ (a broken edit is logged and not taken), and
  // starts with the figures approved in Slack and not yet exported, so the index is built once at start.
  // The matcher's readings of the texts are kept beside the parses: a restart builds it as a reload does.
  const keptReadings = new KeptReadingsFile({
    dir: config.parseCacheDir,
    codeVersion: codeVersion(fileURLToPath(import.meta.url)),
    warn: (message, fields) => logger.warn(message, fields),
  });
  const { core, problems } = await loadLiveCore({
    dataDirs: [config.dataDir],
    documentsDirs: [config.documentsDir],
    now,
    log: (level, message, fields) => logger[level](message, fields),
    curated: await readCuratedLayer(state.curation),
    parseCacheDir: config.parseCacheDir,
    readings: new TextReadings(keptReadings),
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

  const curation = createCurationDeps({ config, core, store: state.curation, now, logger });
  // The desk's own view of the store; finding what the core already holds, it rebuilds nothing.
  await curation.desk.refresh();
  return { core, store: state.store, now, logger, config, curation, state, curationVersion, keptReadings };
}

/** Figures approved, retired or corrected through another instance answer here within a few seconds. */
function followOtherInstances(deps: MainDeps, logger: Logger): CurationFollower {
  return followCuration({
    version: () => deps.state.curation.curationVersion(),
    refresh: () => deps.curation.desk.refresh(),
    since: deps.curationVersion,
    onNotTaken: (problems) => {
      for (const problem of problems) logger.warn("curated figures not taken", { ...problem });
    },
    onError: (error) => logger.error("could not follow curation changes", { error }),
  });
}

/** SIGTERM or SIGINT: one graceful shutdown (see shutdown.ts), then exit 0 whatever it met. */
function stopOnSignals(logger: Logger, shutDown: () => Promise<unknown>): { stopping: () => boolean } {
  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("stopping", { signal });
    shutDown()
      .catch((error: unknown) => logger.error("error while stopping", { error }))
      .finally(() => process.exit(0));
  };
  process.once("SIGINT", () => onSignal("SIGINT"));
  process.once("SIGTERM", () => onSignal("SIGTERM"));
  return { stopping: () => stopping };
}

async function main(): Promise<void> {
  const result = loadConfig(process.env, { stdinIsTTY: process.stdin.isTTY === true });
  if (!result.ok) fail(result.message);
  const { config } = result;
  const { connection } = config;
  const logger = createLogger({
    level: config.logLevel ?? (connection.mode === "console" ? "warn" : "info"),
  });
  // A last line of defence: a promise some library left floating must not end the process for everyone.
  process.on("unhandledRejection", (error: unknown) => {
    logger.error("an unhandled promise rejection (Tally keeps serving)", { error });
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
    await deps.state.close();
    return;
  }

  // Replies go out through their own client and per-channel lanes, apart from Bolt's client.
  const delivery = createReplyDelivery({
    client: createDeliveryClient({ botToken: connection.botToken, apiUrl: connection.apiUrl, logger }),
    logger,
    now: deps.now,
  });
  const appDeps: AppDeps = { ...deps, delivery };
  const started = await startSlackApp(appDeps, connection, {
    port: config.port,
    ...(config.host ? { host: config.host } : {}),
  });
  if (!started.ok) fail(started.message);
  const { running } = started;
  // Daily summaries post through a delivery client of their own: no blind retries (a failed post gives the day
  // back to the next tick, and a retry after a timeout could post twice), 429s handed back to the poster.
  const scheduler = createSlackSummaryScheduler(
    appDeps,
    createDeliveryClient({ botToken: connection.botToken, apiUrl: connection.apiUrl, logger }),
  );
  scheduler.start();
  // Curators hear once a day about topics past their review interval.
  const reminders = startReviewReminders(appDeps, running.app.client);
  const follower = followOtherInstances(deps, logger);
  // Damage to the state file is found off the request path; a damaged store then refuses writes.
  const integrity = startIntegrityChecks({ stores: [deps.state.store, deps.state.curation], logger });
  const signals = stopOnSignals(logger, () =>
    shutDownGracefully({
      graceMs: config.shutdownGraceMs,
      logger,
      stopAccepting: () => running.stopAccepting(),
      stopBackground: async () => {
        reminders.stop();
        await follower.stop();
        await scheduler.stop();
        await integrity.stop();
      },
      inFlight: running.inFlight,
      responses: running.responses,
      delivery,
      outbox: deps.store,
      close: async () => {
        await running.stop();
        deps.core.close();
        // Readings of a build that finished just before the stop are written rather than lost.
        await deps.keptReadings.flush();
        await deps.state.close();
      },
    }),
  );
  // What the last shutdown could not deliver goes out now, alongside new work.
  redeliverOutbox({
    outbox: deps.store,
    send: (message) => delivery.send(message),
    responses: running.responses,
    logger,
    stopping: signals.stopping,
  }).catch((error: unknown) =>
    logger.error("could not send the replies saved at the last shutdown", { error }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Tally stopped on an unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
