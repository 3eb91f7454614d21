/**
 * Slack message text with everything that is not prose removed, so that ids, link targets, emoji
 * codes and code never look like figures. Removed spans become a space so that words do not merge.
 */
export interface StrippedMessage {
  /**
   * Plain prose: no code, links, mentions, channel or broadcast tokens, emoji codes, bold/italic marks,
   * blockquote markers or struck-through text.
   */
  text: string;
  /** Web links the message carried (they count as a source). */
  links: string[];
}

const codeBlock = /```[\s\S]*?```/g;
const inlineCode = /`[^`\n]*`/g;
// <https://…|label>, <http://…>; mailto links are not sources. Slack sends a typed "<" as "&lt;", so a token
// never holds one: stopping there keeps "<@<@<@…" (no ">") linear rather than rescanning to the end each time.
const webLink = /<(https?:\/\/[^<>|\s]+)(?:\|[^<>]*)?>/g;
const otherAngle = /<(?:mailto:|tel:|[@#!])[^<>]*>/g;
const bareUrl = /\bhttps?:\/\/[^\s<>]+/g;
// :fire:, :+1:, :thinking_face:, :skin-tone-2: — a shortcode always has a letter or +, unlike "17:30:00".
// The letter is looked for ahead, not between two starred runs, which split a long run every way (":" and
// 20,000 letters took half a second).
const emoji = /:(?=[a-z0-9_+'-]*[a-z+])[a-z0-9_+'-]+:/gi;
// ~struck through~ text is withdrawn ("~800k~ 765,110"): blanked, not read as prose.
const strikethrough = /(^|[\s(])~(?=[^\s~])([^~\n]*?[^\s~])~(?=[\s).,;:!?]|$)/g;
// A Slack blockquote line ("&gt; …"): the marker would otherwise read as "more than".
const blockquote = /(^|\n)&gt;[ \t]?/g;
// *bold*, _italic_ markers around words; a "~" before a number means "about" and stays.
const emphasis = /(^|[\s(])(?:[*_]+|~+(?=[^\d$£€₽₴~\s]))(?=\S)|(?<=\S)[*_~]+(?=[\s).,;:!?]|$)/g;
const hasEmphasisMark = /[*_~]/;
const entities: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">" };

export function stripSlackMarkup(raw: string): StrippedMessage {
  const links: string[] = [];
  let text = raw;
  // Every message passes through here: skip each pattern whose marker character is absent.
  if (text.includes("`")) text = text.replace(codeBlock, " \n ").replace(inlineCode, " ");
  if (text.includes("<")) {
    text = text
      .replace(webLink, (_m, url: string) => {
        links.push(url);
        return " ";
      })
      .replace(otherAngle, " ");
  }
  if (text.includes("http")) {
    text = text.replace(bareUrl, (url) => {
      links.push(url);
      return " ";
    });
  }
  if (text.includes(":")) text = text.replace(emoji, " ");
  if (text.includes("~"))
    text = text.replace(
      strikethrough,
      (_m, lead: string, struck: string) => lead + " ".repeat(struck.length + 2),
    );
  if (hasEmphasisMark.test(text)) text = text.replace(emphasis, "$1");
  if (text.includes("&"))
    text = text.replace(blockquote, "$1").replace(/&(?:amp|lt|gt);/g, (e) => entities[e] ?? e);
  return { text, links };
}
