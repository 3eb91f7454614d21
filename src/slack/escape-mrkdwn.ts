/**
 * Slack reads `&`, `<` and `>` as control characters: `<!channel>` pings a whole channel and `<@U…>`
 * mentions someone. Everything Tally echoes from a user or from the claims data goes through this, so
 * such text is shown, never obeyed. `&` first, or the entities themselves would be re-escaped.
 */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
