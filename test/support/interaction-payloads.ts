/**
 * Interaction payloads shaped as Slack sends them (view submissions, shortcuts, block suggestions, menu
 * selections), for postInteraction to sign and send. Field names follow Slack's docs for each payload type.
 */
const team = { id: "T0TEST", domain: "newsroom" };
const user = (id: string) => ({ id, username: "someone", name: "someone", team_id: "T0TEST" });
const TRIGGER = "13345224609.738474920.8088930838d88f008e0";

export interface SubmittedView {
  callbackId: string;
  privateMetadata: string;
  values: Record<string, Record<string, unknown>>;
  userId: string;
  viewId?: string;
  /** The view's blocks as Tally built them (Slack sends them back). */
  blocks?: unknown[];
}

export function viewSubmissionPayload(v: SubmittedView): Record<string, unknown> {
  return {
    type: "view_submission",
    team,
    user: user(v.userId),
    api_app_id: "A0TALLY",
    token: "legacy-verification-token",
    trigger_id: TRIGGER,
    view: {
      id: v.viewId ?? "V0FORM",
      team_id: "T0TEST",
      type: "modal",
      blocks: v.blocks ?? [],
      private_metadata: v.privateMetadata,
      callback_id: v.callbackId,
      state: { values: v.values },
      hash: "1700000000.abcdef",
      title: { type: "plain_text", text: "Tally" },
      app_id: "A0TALLY",
      bot_id: "B0TALLY",
    },
    response_urls: [],
  };
}

export function globalShortcutPayload(callbackId: string, userId: string): Record<string, unknown> {
  return {
    type: "shortcut",
    token: "legacy-verification-token",
    action_ts: `${Date.now() / 1000}`,
    team,
    user: user(userId),
    callback_id: callbackId,
    trigger_id: TRIGGER,
  };
}

export function messageShortcutPayload(fields: {
  callbackId: string;
  userId: string;
  channelId: string;
  message: { ts: string; text: string; user: string };
}): Record<string, unknown> {
  return {
    type: "message_action",
    token: "legacy-verification-token",
    action_ts: `${Date.now() / 1000}`,
    team,
    user: user(fields.userId),
    channel: { id: fields.channelId, name: "newsroom" },
    callback_id: fields.callbackId,
    trigger_id: TRIGGER,
    message_ts: fields.message.ts,
    message: { type: "message", ...fields.message },
    response_url: "https://hooks.slack.invalid/actions/T0TEST/1/abc",
  };
}

export function blockSuggestionPayload(fields: {
  actionId: string;
  blockId: string;
  value: string;
  userId: string;
}): Record<string, unknown> {
  return {
    type: "block_suggestion",
    user: user(fields.userId),
    container: { type: "view", view_id: "V0FORM" },
    api_app_id: "A0TALLY",
    token: "legacy-verification-token",
    action_id: fields.actionId,
    block_id: fields.blockId,
    value: fields.value,
    team,
    view: { id: "V0FORM", type: "modal", blocks: [], state: { values: {} } },
  };
}

/** A choice in a static select on a message (the history's correct-or-retire menu). */
export function selectPayload(fields: {
  actionId: string;
  value: string;
  userId: string;
  channelId: string;
  responseUrl: string;
}): Record<string, unknown> {
  return {
    type: "block_actions",
    token: "legacy-verification-token",
    api_app_id: "A0TALLY",
    team,
    user: user(fields.userId),
    container: {
      type: "message",
      message_ts: "1700000000.000009",
      channel_id: fields.channelId,
      is_ephemeral: true,
    },
    trigger_id: TRIGGER,
    channel: { id: fields.channelId, name: "newsroom" },
    response_url: fields.responseUrl,
    actions: [
      {
        type: "static_select",
        action_id: fields.actionId,
        block_id: "tally_figure_menu",
        selected_option: { text: { type: "plain_text", text: "figure" }, value: fields.value },
        action_ts: `${Date.now() / 1000}`,
      },
    ],
    state: { values: {} },
  };
}
