import type { ShownClaim } from "../answer/types.ts";
import type { AssessedFigure } from "../flag/plan-flag-reply.ts";
import type { FlagMode } from "../store/store.ts";
import { escapeMrkdwn as e } from "./escape-mrkdwn.ts";

/**
 * Every word the flagging feature shows people in Slack, in one place for review. The flag core returns data
 * (figures and what the index says about each); this turns it into mrkdwn, escaping everything it interpolates.
 */

/** "over 1 million (CSIS, Jun 2025)". */
function cite(c: ShownClaim): string {
  const who = c.claim.unattributed ? `${c.document.outlet}, unattributed` : c.source.name;
  return `*${e(c.figure.text)}* (${e(who)}, ${e(c.dateText)})`;
}

export function figureLine({ figure, assessment: a }: AssessedFigure): string {
  const f = `*${e(figure.text)}*`;
  switch (a.kind) {
    case "agrees":
      return a.claim === a.latest
        ? `• ${f}: matches the index on _${e(a.topic.title)}_: ${cite(a.claim)}. Attribute it.`
        : `• ${f}: matches ${cite(a.claim)} on _${e(a.topic.title)}_; the latest figure there is ${cite(a.latest)}. Attribute it.`;
    case "outdated":
      return `• ${f}: outdated. It matches ${cite(a.claim)}; the latest on _${e(a.topic.title)}_ is ${cite(a.latest)}.`;
    case "contradicts":
      return a.sameNumber
        ? `• ${f}: :warning: that number is _${e(a.sameNumber.topic.title)}_ (${cite(a.sameNumber.claim)}), a different measure. For _${e(a.topic.title)}_ the latest is ${cite(a.latest)}.`
        : `• ${f}: :warning: the index has nothing like it on _${e(a.topic.title)}_; the latest there is ${cite(a.latest)}.`;
    case "unknown":
      return `• ${f}: the index has no matching topic, so check it and attribute it.`;
  }
}

function listed(items: readonly AssessedFigure[], max: number): string {
  const lines = items.slice(0, max).map(figureLine);
  if (items.length > max) lines.push(`…and ${items.length - max} more.`);
  return lines.join("\n");
}

export const flagCopy = {
  /** The thread reply under a message with unsourced figures. */
  threadReply(items: readonly AssessedFigure[], max: number): string {
    const head =
      items.length === 1
        ? ":mag: This figure has no source in the message. What the Tally index says:"
        : `:mag: These ${items.length} figures have no source in the message. What the Tally index says:`;
    return `${head}\n${listed(items, max)}\n_Add “according to …” or a link before it goes in copy._`;
  },
  /** The ephemeral note to the author in quiet mode. */
  quietNote(items: readonly AssessedFigure[], max: number): string {
    return `:mag: Only you can see this: your message has ${items.length === 1 ? "a figure" : `${items.length} figures`} with no source.\n${listed(items, max)}`;
  },
  modeIs(mode: FlagMode): string {
    return `Flagging unsourced figures in this channel is *${mode}*. ${modeMeaning[mode]}\nChange it with \`/tally flag on\`, \`/tally flag quiet\` or \`/tally flag off\`.`;
  },
  modeSet(mode: FlagMode): string {
    return `Flagging unsourced figures in this channel is now *${mode}*. ${modeMeaning[mode]}`;
  },
  usage: "Usage: `/tally flag` shows this channel's setting; `/tally flag on|quiet|off` changes it.",
  notInChannel: "Run `/tally flag …` in the channel you want to change.",
  storeFailed: "Sorry, I couldn't save that setting. Try again in a minute.",
};

const modeMeaning: Record<FlagMode, string> = {
  on: "I reply in the thread under any message with an unsourced figure, and add a :mag: reaction.",
  quiet: "I add a :mag: reaction and tell only the author what the index says.",
  off: "I don't check messages here.",
};
