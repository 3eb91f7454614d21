/**
 * Every word of the add-figure and check-before-sending modals, in one place for the desk to review. Labels,
 * placeholders, hints and field errors are plain text; functions that return mrkdwn escape what they
 * interpolate (callers pass raw text).
 */
import type { Qualifier } from "../../claims/schema.ts";
import { escapeMrkdwn as esc } from "../escape-mrkdwn.ts";

const qualifierGloss: Record<Qualifier, string> = {
  over: "a lower bound",
  "at-least": "a lower bound",
  nearly: "an upper bound",
  "up-to": "an upper bound",
  about: "an estimate",
};

const unitPhrases: Record<string, string> = {
  eur: "in euros",
  usd: "in US dollars",
  gbp: "in pounds",
  percent: "a percentage",
  ratio: "a ratio",
  km: "in kilometres",
};

export const figureFormCopy = {
  /** The note at the top of the modal (mrkdwn). */
  note: (text: string) => `:information_source: ${esc(text)}`,
  prefilledNote: (channelName: string) => `Prefilled from a message in #${channelName}: check every field.`,
  /** Stands in for what a message without a link does not have. */
  messageOutlet: (channelName: string) => `Slack #${channelName}`,
  messageHeadline: (channelName: string) => `Message in #${channelName}`,

  topic: {
    label: "Topic",
    placeholder: "Search the index's topics",
    hint: "or describe a new quantity below",
  },
  newTopic: {
    header: "New quantity",
    subject: { label: "Subject", placeholder: "Whose figure: a country, an authority, a group" },
    measure: { label: "Measure", placeholder: "What is counted: killed, people displaced, turnout" },
    period: { label: "Period", placeholder: "cumulative since 1 Mar 2025, per day, calendar year 2024" },
    unit: {
      label: "Unit",
      placeholder: "people, homes, eur, usd, percent",
      hint: "What one of the figure counts: people, homes, tonnes; or eur, usd, gbp, percent",
    },
    place: { label: "Place", placeholder: "Where, when it is about one place" },
  },
  figure: {
    header: "Figure",
    label: "Figure",
    placeholder: "over 1 million",
    hint: "as written: over 1 million, 10,000 to 12,000, €2.4m, 4.1%. Press Enter to see how Tally reads it.",
  },
  asOf: {
    label: "As of",
    placeholder: "The day the figure stands for",
    monthOnly: (monthText: string) =>
      `The text gives only the month (${monthText}): pick the day the figure stands for.`,
  },
  source: {
    label: "Source",
    placeholder: "Search the index's sources",
    hint: "whose figure it is; or name a new source below",
  },
  newSource: { label: "New source", placeholder: "As a newsroom prints it" },
  document: {
    header: "Where it was reported",
    url: { label: "Link", placeholder: "https://…" },
    outlet: { label: "Outlet", placeholder: "Who published it" },
    headline: { label: "Headline", placeholder: "The article's headline" },
    published: { label: "Published", placeholder: "The day it was published" },
  },
  quote: {
    label: "Quote",
    placeholder: "The exact sentence that gives the figure",
    hint: "8 to 400 characters, exactly as published",
  },

  /** Under the figure after Enter: "Reads as: *over 1 million* (a lower bound), in euros". */
  reading: {
    readsAs: (figure: string, qualifier: Qualifier | undefined, isRange: boolean, unit: string | null) => {
      const gloss = qualifier ? qualifierGloss[qualifier] : isRange ? "a range" : "an exact figure";
      const unitText =
        unit === null
          ? "with no unit of its own (it takes the topic's)"
          : (unitPhrases[unit] ?? `in ${unit}`);
      return `Reads as: *${esc(figure)}* (${gloss}), ${esc(unitText)}`;
    },
    unreadable: (message: string) => `:warning: ${esc(message)}`,
  },

  /** Field errors (response_action: errors), shown in plain text under each field. */
  errors: {
    topic: "Pick a topic, or fill in subject, measure, period and unit of a new one",
    topicBoth: "Pick a topic or describe a new one, not both",
    topicGone: "That topic is no longer in the index; pick another",
    newTopicPart: "A new quantity needs this too",
    figure: "Give the figure as written",
    asOf: "Give the as-of date",
    source: "Pick a source or name a new one",
    sourceBoth: "Pick a source or name a new one, not both",
    sourceGone: "That source is no longer in the index; pick another",
    url: "Give the document's link (https://…)",
    urlInvalid: "The link must be a full URL (https://…)",
    outlet: "Give the outlet",
    headline: "Give the headline",
    published: "Give the published date",
    quote: "The quote must be 8 to 400 characters",
    unreadable: "Tally could not read this field; fill it in again",
    tooLong: (max: number) => `At most ${max} characters`,
  },

  confirm: {
    title: "Check before sending",
    submit: "Send to the desk",
    close: "Back",
    intro: "This is how Tally reads the figure. Press *Back* to change anything.",
    figure: (figure: string, typed: string) => `*Figure*\n*${esc(figure)}* (as typed: “${esc(typed)}”)`,
    asOf: (dateText: string) => `*As of*\n${esc(dateText)}`,
    topic: (title: string, isNew: boolean) => `*Topic*\n${isNew ? "new: " : ""}${esc(title)}`,
    newTopicFields: (fields: readonly string[]) => esc(fields.join(" · ")),
    source: (name: string, isNew: boolean) => `*Source*\n${isNew ? "new: " : ""}${esc(name)}`,
    document: (headline: string, outlet: string, dateText: string, url: string | null, isNew: boolean) =>
      `*Document*\n${isNew ? "new: " : ""}${esc(headline)} — ${esc(outlet)}, ${esc(dateText)}${url ? `\n${esc(url)}` : ""}`,
    quote: (quote: string) => `*Quote*\n“${esc(quote)}”`,
  },
} as const;
