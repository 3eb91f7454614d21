/**
 * Slack reads `&`, `<` and `>` as control characters: `<!channel>` pings a whole channel and `<@U…>`
 * mentions someone. Everything Tally echoes from a user or from the claims data goes through this, so
 * such text is shown, never obeyed. `&` first, or the entities themselves would be re-escaped.
 */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/**
 * Slack documents no escape for its formatting characters. A date token whose format has no valid token
 * (`{_}`) always renders as its fallback text, as plain text: so each marker is wrapped in one, and shows
 * as itself. (Zero-width spaces beside a marker are read as word breaks and *enable* formatting.) The
 * ASCII markers and their full-width forms, which Slack also formats.
 */
const MARKERS = /[*_~`＊＿～｀]/g;
const asPlain = (marker: string) => `<!date^00000000^{_}|${marker}>`;

/**
 * A user's own words, to sit inside mrkdwn (a section's text, a message's `text` fallback) exactly as typed:
 * `&`, `<`, `>` escaped as by escapeMrkdwn, `*bold*`, `_it_`, `~strike~`, backticks and fences shown as
 * typed, and a `>` that starts a line kept from quoting it (an invisible soft hyphen before it). Where
 * Block Kit allows, a `plain_text` object (escapeMrkdwn only) is simpler still.
 */
export function escapeUserText(text: string): string {
  return escapeMrkdwn(text)
    .replace(MARKERS, asPlain)
    .replace(/^(&gt;|＞)/gm, "\u00ad$1");
}
