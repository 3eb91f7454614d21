/**
 * Requests shaped and signed the way Slack sends them: slash commands form-encoded, Events API callbacks
 * as JSON, interactions as a `payload=` form field; each with an HMAC-SHA256 v0 signature over
 * `v0:<timestamp>:<body>` and the x-slack-request-timestamp header.
 */
import { createHmac } from "node:crypto";

export const TEST_SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

export interface SigningOptions {
  secret?: string;
  /** Seconds since the epoch; defaults to now. Slack rejects (and so must we) anything 5 minutes off. */
  timestamp?: number;
  /** Leave the signature headers off entirely. */
  unsigned?: boolean;
  /** Replace the computed signature. */
  signature?: string;
  headers?: Record<string, string>;
}

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

async function send(
  baseUrl: string,
  body: string,
  contentType: string,
  options: SigningOptions = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { "content-type": contentType, ...options.headers };
  if (!options.unsigned) {
    headers["x-slack-request-timestamp"] = String(timestamp);
    headers["x-slack-signature"] =
      options.signature ?? slackSignature(options.secret ?? TEST_SIGNING_SECRET, timestamp, body);
  }
  return fetch(`${baseUrl}/slack/events`, { method: "POST", headers, body });
}

export interface SlashCommandFields {
  text: string;
  responseUrl: string;
  userId?: string;
  channelId?: string;
  command?: string;
}

export function postSlashCommand(baseUrl: string, fields: SlashCommandFields, options?: SigningOptions) {
  const body = new URLSearchParams({
    token: "legacy-verification-token",
    team_id: "T0TEST",
    team_domain: "newsroom",
    channel_id: fields.channelId ?? "C0NEWS",
    channel_name: "newsroom",
    user_id: fields.userId ?? "U0ASKER",
    user_name: "reporter",
    command: fields.command ?? "/tally",
    text: fields.text,
    api_app_id: "A0TALLY",
    is_enterprise_install: "false",
    response_url: fields.responseUrl,
    trigger_id: "13345224609.738474920.8088930838d88f008e0",
  }).toString();
  // Bolt accepts exactly this content type for commands, no charset suffix.
  return send(baseUrl, body, "application/x-www-form-urlencoded", options);
}

export function eventEnvelope(eventId: string, event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: "legacy-verification-token",
    team_id: "T0TEST",
    api_app_id: "A0TALLY",
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: "T0TEST", user_id: "U0TALLY", is_bot: true, is_enterprise_install: false }],
    event: { team: "T0TEST", ...event },
  };
}

export function postEvent(
  baseUrl: string,
  body: Record<string, unknown>,
  options: SigningOptions & { retryNum?: number } = {},
): Promise<Response> {
  const headers = { ...options.headers };
  if (options.retryNum !== undefined) {
    headers["x-slack-retry-num"] = String(options.retryNum);
    headers["x-slack-retry-reason"] = "http_timeout";
  }
  return send(baseUrl, JSON.stringify(body), "application/json", { ...options, headers });
}

export function postInteraction(baseUrl: string, payload: Record<string, unknown>, options?: SigningOptions) {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return send(baseUrl, body, "application/x-www-form-urlencoded", options);
}

export interface ButtonPressFields {
  actionId: string;
  value: string | undefined;
  responseUrl: string;
  channelId?: string;
  userId?: string;
  /** The message the button is on: omitted for ephemeral messages, as Slack does. */
  message?: { ts: string; threadTs?: string; text?: string; blocks?: unknown[] };
  isEphemeral: boolean;
  messageTs?: string;
  threadTs?: string;
}

export function blockActionsPayload(fields: ButtonPressFields): Record<string, unknown> {
  const channelId = fields.channelId ?? "C0NEWS";
  return {
    type: "block_actions",
    token: "legacy-verification-token",
    api_app_id: "A0TALLY",
    team: { id: "T0TEST", domain: "newsroom" },
    user: { id: fields.userId ?? "U0ASKER", username: "reporter", name: "reporter", team_id: "T0TEST" },
    container: {
      type: "message",
      message_ts: fields.message?.ts ?? fields.messageTs ?? "1700000000.000001",
      channel_id: channelId,
      is_ephemeral: fields.isEphemeral,
      ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}),
    },
    trigger_id: "13345224609.738474920.8088930838d88f008e0",
    channel: { id: channelId, name: "newsroom" },
    ...(fields.message
      ? {
          message: {
            type: "message",
            ts: fields.message.ts,
            text: fields.message.text ?? "",
            blocks: fields.message.blocks ?? [],
            user: "U0TALLY",
            bot_id: "B0TALLY",
            ...(fields.message.threadTs ? { thread_ts: fields.message.threadTs } : {}),
          },
        }
      : {}),
    response_url: fields.responseUrl,
    actions: [
      {
        type: "button",
        action_id: fields.actionId,
        block_id: "tally",
        text: { type: "plain_text", text: "button" },
        ...(fields.value !== undefined ? { value: fields.value } : {}),
        action_ts: `${Date.now() / 1000}`,
      },
    ],
    state: { values: {} },
  };
}
