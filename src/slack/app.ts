import { App, HTTPReceiver, type Receiver, type webApi } from "@slack/bolt";
import { registerAnswerSuggestion } from "./actions/answer-suggestion.ts";
import { registerNotWhatIAsked } from "./actions/not-what-i-asked.ts";
import { registerShareAnswer } from "./actions/share-answer.ts";
import { registerShowHistory } from "./actions/show-history.ts";
import { registerShowMoreSources } from "./actions/show-more-sources.ts";
import { boltLogger } from "./bolt-logger.ts";
import { buildSubcommands } from "./commands/subcommands.ts";
import { registerTallyCommand } from "./commands/tally-command.ts";
import { registerDeskQuestions } from "./curation/register-desk-questions.ts";
import { registerFigureForm } from "./curation/register-figure-form.ts";
import { registerFigureMenu } from "./curation/register-figure-menu.ts";
import { registerReview } from "./curation/register-review.ts";
import { registerTopicChecks } from "./curation/review-reminder.ts";
import {
  createResponseUrlDelivery,
  type ResponseUrlDelivery,
  type ResponseUrlSettings,
} from "./delivery/response-url-fetch.ts";
import type { AppDeps } from "./deps.ts";
import { edgeConfig } from "./http/edge-config.ts";
import { createInFlight, type InFlight } from "./in-flight.ts";
import { registerDirectMessages } from "./listeners/direct-messages.ts";
import { registerFlagMessages } from "./listeners/flag-messages.ts";
import { registerMentions } from "./listeners/mentions.ts";
import { registerSkipRedeliveredEvents } from "./skip-redelivered-events.ts";

/**
 * How the app reaches Slack. Over HTTP, Tally's own server (src/slack/http/edge-server.ts) hands checked
 * requests to the receiver made by createHttpReceiver. `receiver` is for the console's in-process fake Slack.
 */
export type Transport =
  | { kind: "http"; receiver: HTTPReceiver }
  | { kind: "socket"; appToken: string }
  | { kind: "receiver"; receiver: Receiver };

export interface CreateAppOptions {
  botToken: string;
  /** From auth.test at start-up (see bot-identity.ts): Bolt then skips its own per-request lookup. */
  identity: { botUserId: string; botId: string };
  transport: Transport;
  /** Replaces https://slack.com/api/ (GovSlack, a staging proxy, tests). Must end with "/". */
  apiUrl?: string | null;
  /** Extra Web API client options: a custom fetch (the console), a retry policy (tests). */
  clientOptions?: webApi.WebClientOptions;
  /** How response_url posts are retried; tests shorten the waits. */
  responseUrl?: ResponseUrlSettings;
}

/** The app, with what shutdown needs of it: the listener runs in progress and the response_url posts. */
export interface BuiltApp {
  app: App;
  inFlight: InFlight;
  responses: ResponseUrlDelivery;
}

/**
 * Bolt's receiver for Events API requests. It never listens itself: the edge server reads and checks each
 * request (the health check included) and passes it on with `receiver.requestListener`. Bolt still checks
 * the signature too.
 */
export function createHttpReceiver(deps: AppDeps, signingSecret: string): HTTPReceiver {
  return new HTTPReceiver({
    signingSecret,
    endpoints: edgeConfig.eventsPath,
    // Ack first, work after: Slack wants its HTTP answer within 3 seconds.
    processBeforeResponse: false,
    logger: boltLogger(deps.logger),
  });
}

export function createApp(deps: AppDeps, options: CreateAppOptions): App {
  return buildApp(deps, options).app;
}

export function buildApp(deps: AppDeps, options: CreateAppOptions): BuiltApp {
  const logger = boltLogger(deps.logger);
  // respond() posts with clientOptions.fetch and never retries: this one does, and passes Web API calls through.
  const responses = createResponseUrlDelivery({
    inner: options.clientOptions?.fetch ?? globalThis.fetch,
    apiUrl: options.apiUrl ?? "https://slack.com/api/",
    send: (message) => deps.delivery.send(message),
    logger: deps.logger,
    now: deps.now,
    ...(options.responseUrl ? { settings: options.responseUrl } : {}),
  });
  const clientOptions: webApi.WebClientOptions = {
    ...options.clientOptions,
    fetch: responses.fetch,
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
  };
  const { transport } = options;
  const common = {
    token: options.botToken,
    botUserId: options.identity.botUserId,
    botId: options.identity.botId,
    logger,
    clientOptions,
  };
  // The App constructor binds the receiver to the app (receiver.init), all App.start would add besides listening.
  const app =
    transport.kind === "socket"
      ? new App({ ...common, appToken: transport.appToken, socketMode: true })
      : new App({ ...common, receiver: transport.receiver });

  app.error(async (error) => {
    deps.logger.error("unhandled error in a listener", { error });
  });

  const inFlight = createInFlight();
  // First: shutdown waits for every run counted here.
  app.use(inFlight.middleware);
  app.use(async ({ body, next }) => {
    responses.rememberAskers(body);
    await next();
  });
  registerSkipRedeliveredEvents(app, deps);
  const subcommands = buildSubcommands(deps);
  registerTallyCommand(app, deps, subcommands);
  registerMentions(app, deps, subcommands);
  registerDirectMessages(app, deps, subcommands);
  registerFlagMessages(app, deps);
  registerShareAnswer(app, deps);
  registerShowHistory(app, deps);
  registerShowMoreSources(app, deps);
  registerNotWhatIAsked(app, deps);
  registerAnswerSuggestion(app, deps);
  registerFigureForm(app, deps);
  registerReview(app, deps);
  registerFigureMenu(app, deps);
  registerDeskQuestions(app, deps);
  registerTopicChecks(app, deps);
  return { app, inFlight, responses };
}
