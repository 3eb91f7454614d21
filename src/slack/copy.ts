/**
 * Every word Tally says in Slack, in one place for the desk to review. Functions escape whatever they
 * interpolate from users or data; callers pass raw text. A user's own words are quoted verbatim: in
 * mrkdwn through escapeUserText (formatting shown as typed), in the lines marked plain_text through
 * esc alone (Slack shows plain_text as written, decoding only its entities).
 */
import { escapeMrkdwn as esc, escapeUserText as quoted } from "./escape-mrkdwn.ts";

const plural = (n: number, one: string, many: string) =>
  n === 1 ? `1 ${one}` : `${n.toLocaleString("en-GB")} ${many}`;

/** Only ids that look like Slack user ids become mentions; anything else is shown as text. */
export function mentionUser(userId: string): string {
  return /^[UW][A-Z0-9]{2,}$/.test(userId) ? `<@${userId}>` : esc(userId);
}

export const copy = {
  appName: "Tally",

  buttons: {
    share: "Share in channel",
    history: "Show history",
    notWhatIAsked: "Not what I asked",
    showMore: (n: number) => `Show ${n.toLocaleString("en-GB")} more`,
    earliest: (dateText: string) => `Earliest figure (${dateText})`,
  },

  answer: {
    asOf: (dateText: string, ageText: string) => `as of ${esc(dateText)} (${esc(ageText)})`,
    source: (sourceName: string, outlet: string, unattributed: boolean) =>
      unattributed
        ? `*${esc(outlet)}* (the outlet's own figure; no source named)`
        : `*${esc(sourceName)}*, reported by ${esc(outlet)}`,
    reason: {
      latest: "The most recent figure in the index.",
      namedSource: (sourceName: string) => `The figure from ${esc(sourceName)}, as you asked.`,
      namedDate: (dateText: string) => `The latest figure as of ${esc(dateText)}, as you asked.`,
      /** The question named a source with nothing on this topic: say so, and whose figure is shown. */
      namedSourceMissing: (asked: string, shown: string, asOfText: string | null) =>
        `${esc(asked)} has no figure on this topic in the index. Shown instead: the figure from ${esc(shown)}, ${asOfText ? `the latest as of ${esc(asOfText)}` : "the most recent"}.`,
      /** The "earliest figure" offered when a question named a date before the topic's first. */
      earliest: "The earliest figure in the index.",
    },
    quote: (quote: string, outlet: string, seedFile: string) =>
      `“${esc(quote)}” — ${esc(outlet)} (${esc(seedFile)})`,
    stale: (ageDays: number, staleDays: number) =>
      `:warning: This figure is ${plural(ageDays, "day", "days")} old, past the ${staleDays}-day freshness limit. Look for a newer one before publishing.`,
    disagreeHeading: (n: number) => `*${plural(n, "source disagrees", "sources disagree")}*`,
    agreeHeading: (n: number) => `*${plural(n, "source agrees", "sources agree")}*`,
    continued: (heading: string) => `${heading} (continued)`,
    noDisagreement: "No other source in the index gives a different figure.",
    related: (items: Array<{ title: string; figure: string; sourceName: string; dateText: string }>) =>
      `Related figures: ${items.map((r) => `${esc(r.title)}: *${esc(r.figure)}* (${esc(r.sourceName)}, ${esc(r.dateText)})`).join(" · ")}`,
    /** "Regional Government (Riverton Herald)", or just the outlet when it names no source. */
    who: (sourceName: string, outlet: string, unattributed: boolean) =>
      unattributed || sourceName === outlet
        ? `${esc(outlet)} (no source named)`
        : `${esc(sourceName)} (${esc(outlet)})`,
    disagreementLine: (d: { figure: string; who: string; dateText: string; difference: string }) =>
      `• *${esc(d.figure)}* — ${d.who}, ${esc(d.dateText)} · _${esc(d.difference)}_`,
    agreementLine: (a: { figure: string; who: string; dateText: string }) =>
      `• *${esc(a.figure)}* — ${a.who}, ${esc(a.dateText)}`,
    moreSources: (n: number) =>
      `…and ${plural(n, "more source", "more sources")} not listed here. Press “Show ${n.toLocaleString("en-GB")} more” to see them.`,
    /** plain_text. */
    youAsked: (question: string) => `You asked: “${esc(question)}”`,
    /** plain_text. */
    question: (question: string) => `Question: “${esc(question)}”`,
    askedBy: (userId: string, question: string) => `${mentionUser(userId)} asked: “${quoted(question)}”`,
    /** A topic picked from a button, not the question's own match: captioned with what it answers. */
    answerFor: (title: string) => `Answer for: ${esc(title)}`,
    sharedAnswerFor: (userId: string, title: string) =>
      `${mentionUser(userId)} shared the answer for: ${esc(title)}`,
    fallback: (p: {
      title: string;
      figure: string;
      sourceName: string;
      dateText: string;
      disagreeing: number;
    }) =>
      esc(
        `${p.title}: ${p.figure} (${p.sourceName}, ${p.dateText}).` +
          (p.disagreeing > 0
            ? ` ${p.disagreeing === 1 ? "1 source disagrees" : `${p.disagreeing} sources disagree`}.`
            : ""),
      ),
  },

  more: {
    heading: (title: string) => `More sources: ${title}`,
    fallback: (title: string, n: number) => esc(`${n} more sources on ${title}`),
  },

  history: {
    heading: (title: string) => `History: ${title}`,
    sourceLine: (sourceName: string, figures: string) => `*${esc(sourceName)}*\n${figures}`,
    figureEntry: (figure: string, dateText: string, outlet: string) =>
      `• ${esc(dateText)}: *${esc(figure)}* (${esc(outlet)})`,
    notShown: (n: number) => `…and ${plural(n, "earlier figure", "earlier figures")} not shown.`,
    fallback: (title: string, n: number) => esc(`History of ${title}: ${n} figures`),
    gone: "That topic is no longer in the claims index.",
  },

  noMatch: {
    /** plain_text. */
    text: (question: string) => `I couldn't find a figure for “${esc(question)}” in the claims index.`,
    didYouMean: "Did you mean one of these?",
    noSuggestions:
      "Try naming what is counted, whose figure it is, and where or when. `/tally help` shows what I know about.",
    /** A date named before the topic's first figure: nothing that early, and what there is. */
    tooEarly: (title: string, askedText: string, firstDateText: string) =>
      `The index has nothing on *${esc(title)}* as early as ${esc(askedText)}: its first figure is from ${esc(firstDateText)}.`,
    earliestOffer: (figure: string, who: string) => `Its earliest figure: *${esc(figure)}* from ${who}.`,
    orDidYouMean: "Or did you mean one of these?",
    tooEarlyFallback: (title: string, firstDateText: string) =>
      esc(`Nothing on ${title} that early; the first figure is from ${firstDateText}`),
    fallback: (question: string) => `No figure found for “${quoted(question)}”`,
  },

  feedback: {
    thanks: "Thanks. I've logged that this wasn't what you asked, so the desk can improve the index.",
  },

  help: {
    fallback: "How to use Tally",
    intro:
      "*Tally answers “how many?” questions from the newsroom's claims index*, with the figure, its date, who says so, and every source that disagrees.",
    /** How to ask, with example questions taken from the index (its key topics' own phrasings). */
    ways: (examples: readonly string[]) => [
      `\`/tally ${esc(examples[0] ?? "<question>")}\` answers just to you, with a button to share it in the channel.`,
      `\`@Tally ${esc(examples[1] ?? examples[0] ?? "<question>")}\` in a channel answers in a thread.`,
      "A direct message to Tally is a question too; so is `help` there, or after `@Tally`.",
    ],
    commandsHeading: "*Commands*",
    helpLine: "`/tally help`: this message",
    commandLine: (usage: string, description: string) => `\`/tally ${esc(usage)}\`: ${esc(description)}`,
    topicsHeading: (n: number) => `*I know about ${plural(n, "topic", "topics")}*, for example:`,
    topicLine: (title: string) => `• ${esc(title)}`,
  },

  problems: {
    tooLong: (length: number, max: number) =>
      `That question is ${length.toLocaleString("en-GB")} characters long; please keep it under ${max}.`,
    failed: "Sorry, something went wrong answering that. It has been logged; please try again.",
    expired: "That button has expired. Ask again with `/tally`.",
  },
} as const;
