/**
 * Slack delivers message and command text with its own markup: mentions and links in angle brackets,
 * and `&`, `<`, `>` typed by the user as entities. The matcher wants what the user saw.
 */
const MARKUP = /<([^<>]*)>/g;

function markupToPlain(inner: string): string {
  const [target = "", label] = inner.split("|", 2);
  if (target.startsWith("@")) return `@${label ?? target.slice(1)}`;
  if (target.startsWith("#")) return `#${label ?? target.slice(1)}`;
  if (target.startsWith("!")) {
    // <!channel>, <!here>, <!subteam^S1|@desk>, <!date^…|fallback>
    if (label !== undefined) return label;
    return `@${target.slice(1).split("^")[0]}`;
  }
  return label ?? target;
}

/** Slack-encoded text to what the user typed: markup to its label, entities decoded (`&amp;` last). */
export function slackTextToPlain(text: string): string {
  return text
    .replace(MARKUP, (_all, inner: string) => markupToPlain(inner))
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

/** Removes mentions of the bot (`<@U123>` or `<@U123|tally>`) wherever they are in the text. */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text;
  return text.replace(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, "g"), " ");
}
