import { webApi } from "@slack/bolt";

export interface BotIdentity {
  botUserId: string;
  botId: string;
  team: string | undefined;
}

export type IdentityResult = { ok: true; identity: BotIdentity } | { ok: false; error: string };

/**
 * Asks Slack who the bot token belongs to (auth.test). Done once at start, so that a wrong or revoked
 * token is a clear exit, not a failure on every request; the ids then let the app skip its own posts.
 */
export async function fetchBotIdentity(
  botToken: string,
  clientOptions: webApi.WebClientOptions,
): Promise<IdentityResult> {
  const client = new webApi.WebClient(botToken, {
    ...clientOptions,
    // A bad token should fail now, not after ten retries.
    retryConfig: { retries: 1 },
  });
  try {
    const result = await client.auth.test();
    if (!result.ok || !result.user_id || !result.bot_id) {
      return {
        ok: false,
        error: result.error ?? "auth.test did not return a bot user (is this a bot token?)",
      };
    }
    return { ok: true, identity: { botUserId: result.user_id, botId: result.bot_id, team: result.team } };
  } catch (error) {
    const coded = error as { data?: { error?: string }; message?: string };
    return { ok: false, error: coded.data?.error ?? coded.message ?? String(error) };
  }
}
