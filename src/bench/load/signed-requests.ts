/**
 * Requests shaped and signed the way Slack sends them (slash commands form-encoded, Events API callbacks as
 * JSON), each with its v0 HMAC-SHA256 signature, for the load run. Its own copy of the wire format: src/ may not
 * reach into test/.
 */
import { createHmac } from "node:crypto";

export interface SignedRequest {
  body: string;
  contentType: string;
}

export const LOAD_TEAM_ID = "T0LOAD";
export const LOAD_BOT_USER_ID = "U0LOADBOT";
export const LOAD_BOT_ID = "B0LOADBOT";

export function slashCommand(fields: {
  text: string;
  responseUrl: string;
  channelId: string;
  userId: string;
}): SignedRequest {
  const body = new URLSearchParams({
    token: "legacy-verification-token",
    team_id: LOAD_TEAM_ID,
    team_domain: "load",
    channel_id: fields.channelId,
    channel_name: "load",
    user_id: fields.userId,
    user_name: "reporter",
    command: "/tally",
    text: fields.text,
    api_app_id: "A0LOAD",
    is_enterprise_install: "false",
    response_url: fields.responseUrl,
    trigger_id: "13345224609.738474920.8088930838d88f008e0",
  }).toString();
  return { body, contentType: "application/x-www-form-urlencoded" };
}

export function channelMessage(fields: {
  eventId: string;
  channel: string;
  user: string;
  text: string;
  ts: string;
}): SignedRequest {
  const body = JSON.stringify({
    token: "legacy-verification-token",
    team_id: LOAD_TEAM_ID,
    api_app_id: "A0LOAD",
    type: "event_callback",
    event_id: fields.eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      { team_id: LOAD_TEAM_ID, user_id: LOAD_BOT_USER_ID, is_bot: true, is_enterprise_install: false },
    ],
    event: {
      type: "message",
      channel: fields.channel,
      channel_type: "channel",
      user: fields.user,
      text: fields.text,
      ts: fields.ts,
      team: LOAD_TEAM_ID,
      event_ts: fields.ts,
    },
  });
  return { body, contentType: "application/json" };
}

/** Posts `request` to the app's /slack/events, signed now; resolves with the HTTP status (0: no answer). */
export async function sendSigned(
  eventsUrl: string,
  secret: string,
  request: SignedRequest,
  timeoutMs: number,
): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = createHmac("sha256", secret).update(`v0:${timestamp}:${request.body}`).digest("hex");
  try {
    const response = await fetch(eventsUrl, {
      method: "POST",
      headers: {
        "content-type": request.contentType,
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": `v0=${signature}`,
      },
      body: request.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The body is read so that the connection goes back to the pool.
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}
