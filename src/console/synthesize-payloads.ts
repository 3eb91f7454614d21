import { CONSOLE } from "./console-identity.ts";

/** What Slack does to typed text before delivering it: `&`, `<`, `>` become entities. */
export function encodeTyped(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

export function slashCommandBody(
  command: string,
  text: string,
  responseUrl: string,
): Record<string, unknown> {
  return {
    token: "console",
    team_id: CONSOLE.teamId,
    team_domain: "console",
    channel_id: CONSOLE.channelId,
    channel_name: CONSOLE.channelName,
    user_id: CONSOLE.userId,
    user_name: CONSOLE.userName,
    command,
    text: encodeTyped(text),
    api_app_id: CONSOLE.appId,
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: `console.${Date.now()}`,
  };
}

export function eventBody(eventId: string, event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: "console",
    team_id: CONSOLE.teamId,
    api_app_id: CONSOLE.appId,
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: CONSOLE.teamId, user_id: CONSOLE.botUserId, is_bot: true }],
    event: { team: CONSOLE.teamId, ...event },
  };
}

export interface PressedButton {
  channel: string;
  messageTs: string;
  threadTs: string | undefined;
  isEphemeral: boolean;
  /** The message as the API would show it; Slack leaves it out for ephemeral messages. */
  message: Record<string, unknown> | undefined;
  actionId: string;
  blockId: string | undefined;
  value: string | undefined;
  label: string;
}

export function blockActionsBody(pressed: PressedButton, responseUrl: string): Record<string, unknown> {
  return {
    type: "block_actions",
    token: "console",
    api_app_id: CONSOLE.appId,
    team: { id: CONSOLE.teamId, domain: "console" },
    user: { id: CONSOLE.userId, username: CONSOLE.userName, name: CONSOLE.userName, team_id: CONSOLE.teamId },
    container: {
      type: "message",
      message_ts: pressed.messageTs,
      channel_id: pressed.channel,
      is_ephemeral: pressed.isEphemeral,
      ...(pressed.threadTs ? { thread_ts: pressed.threadTs } : {}),
    },
    trigger_id: `console.${Date.now()}`,
    channel: {
      id: pressed.channel,
      name: pressed.channel === CONSOLE.channelId ? CONSOLE.channelName : "directmessage",
    },
    ...(pressed.message ? { message: pressed.message } : {}),
    response_url: responseUrl,
    actions: [
      {
        type: "button",
        action_id: pressed.actionId,
        block_id: pressed.blockId ?? "console",
        text: { type: "plain_text", text: pressed.label },
        value: pressed.value,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
    state: { values: {} },
  };
}
