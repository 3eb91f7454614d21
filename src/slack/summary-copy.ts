/**
 * Every word of the daily summaries and their commands (summary, daily, watch, unwatch), in one place for
 * the desk to review. As in src/slack/copy.ts, functions escape whatever they interpolate from users or
 * data (`&`, `<`, `>`); callers pass raw text.
 */
import { escapeMrkdwn as esc } from "./escape-mrkdwn.ts";

const plural = (n: number, one: string, many: string) =>
  n === 1 ? `1 ${one}` : `${n.toLocaleString("en-GB")} ${many}`;

/** Slack channel and user references, only for ids that look like ids; anything else is shown as text. */
export const channelRef = (id: string) => (/^[CGD][A-Z0-9]{2,}$/.test(id) ? `<#${id}>` : esc(id));
export const userRef = (id: string) => (/^[UW][A-Z0-9]{2,}$/.test(id) ? `<@${id}>` : esc(id));

export const summaryCopy = {
  header: (dateText: string) => `Key figures · ${dateText}`,
  intro: {
    watched: (n: number) => `The ${plural(n, "topic", "topics")} this channel watches.`,
    key: "The key topics. Choose this channel's own with `/tally watch <question>`.",
    all: "All topics. Choose this channel's own with `/tally watch <question>`.",
    since: (previousText: string) => `Changes are since the last summary here, ${esc(previousText)}.`,
    first: "The first summary here: from the next one on, it says what changed.",
  },
  topic: {
    title: (title: string) => `*${esc(title)}*`,
    headline: (f: { figureText: string; dateText: string; sourceName: string; outlet: string | null }) =>
      `*${esc(f.figureText)}* · ${esc(f.dateText)} · ${esc(f.sourceName)}${f.outlet ? `, via ${esc(f.outlet)}` : ""}`,
    unattributed: "(the outlet's own figure; no source named)",
    stale: (ageText: string) => `:hourglass: ${esc(ageText)}`,
    unchanged: "_No change since the last summary._",
    newlyShown: "_Not in the last summary._",
    newFigure: (previousText: string, differenceText: string) =>
      `:arrows_counterclockwise: *New figure*: was ${esc(previousText)}, now ${esc(differenceText)}.`,
    newSource: (previousName: string) =>
      `:arrows_counterclockwise: *New source*: the last summary had ${esc(previousName)}.`,
    newDate: (previousDateText: string) => `_Same figure, newer report (was ${esc(previousDateText)})._`,
    disagree: (n: number, lowText: string, highText: string) =>
      `:warning: ${plural(n, "other source disagrees", "other sources disagree")}: from ${esc(lowText)} to ${esc(highText)}.`,
    noDisagreement: "No source in the index disagrees.",
  },
  topicsCut: (n: number) =>
    `…and ${plural(n, "more topic", "more topics")} that do not fit. Narrow it down with \`/tally watch <question>\`.`,
  newClaims: {
    heading: (n: number) => `*New in the index since the last summary* (${n.toLocaleString("en-GB")})`,
    line: (c: { figureText: string; topicTitle: string; sourceName: string; dateText: string }) =>
      `• *${esc(c.figureText)}* · ${esc(c.topicTitle)} · ${esc(c.sourceName)}, ${esc(c.dateText)}`,
    more: (n: number) => `…and ${plural(n, "more", "more")}. Ask \`/tally <question>\` for any of them.`,
  },
  stale: {
    heading: (staleDays: number) => `*Gone stale* (headline older than ${staleDays} days)`,
    line: (s: { title: string; figureText: string; dateText: string; ageText: string }) =>
      `• ${esc(s.title)}: *${esc(s.figureText)}*, ${esc(s.dateText)} (${esc(s.ageText)})`,
    stillStale: (n: number, of: number, staleDays: number) =>
      `:hourglass: ${n.toLocaleString("en-GB")} of ${plural(of, "headline figure", "headline figures")} here ${n === 1 ? "is" : "are"} older than ${staleDays} days.`,
  },
  /** Topics past their review interval: the desk's to check, named so a reader knows which to treat with care. */
  dueForReview: (due: ReadonlyArray<{ title: string; daysSince: number }>) =>
    `:mag: Due for the desk's review: ${due
      .slice(0, 5)
      .map((d) => `${esc(d.title)} (checked ${plural(d.daysSince, "day", "days")} ago)`)
      .join("; ")}${due.length > 5 ? `; and ${due.length - 5} more` : ""}.`,
  flags: (n: number, first: boolean) =>
    n === 0
      ? `:triangular_flag_on_post: No unsourced figures flagged in this channel ${first ? "in the last day" : "since the last summary"}.`
      : `:triangular_flag_on_post: ${plural(n, "unsourced figure", "unsourced figures")} flagged in this channel ${first ? "in the last day" : "since the last summary"}.`,
  unknownTopics: (ids: readonly string[]) =>
    `Watched but no longer in the index: ${ids.map(esc).join(", ")}. \`/tally unwatch <topic>\` removes them.`,
  withoutFigures: (titles: readonly string[]) => `No figures yet for: ${titles.map(esc).join(", ")}.`,
  noTopics: "The claims index has no figures to summarise yet.",
  footer:
    "`/tally summary post` posts and pins this · `/tally daily HH:MM` every day · `/tally watch <question>`",
  fallback: (dateText: string, parts: readonly string[]) =>
    esc(`Key figures, ${dateText}: ${parts.join("; ")}`),
  fallbackTopic: (t: { title: string; figureText: string; sourceName: string; dateText: string }) =>
    `${t.title}: ${t.figureText} (${t.sourceName}, ${t.dateText})`,
} as const;

export const summaryCommandCopy = {
  previewNote: "Only you can see this preview. `/tally summary post` posts it in the channel and pins it.",
  posted: (pinned: boolean) =>
    pinned ? "Posted and pinned the summary in this channel." : "Posted the summary in this channel.",
  postUsage:
    "Use `/tally summary` to preview, or `/tally summary post` to post it in the channel and pin it.",
  notInChannel:
    "I'm not in this channel, so I can't post here. Invite me with `/invite @Tally`, then try again.",
  archived: "This channel is archived, so I can't post in it.",
  channelNotFound:
    "I can't see this channel. If it's private, invite me with `/invite @Tally`, then try again.",
  rateLimited: "Slack is rate-limiting me right now. Please try again in a minute.",
  failed: (error: string) => `I couldn't post the summary (Slack said: ${esc(error)}). It has been logged.`,
  tooManyPins:
    "I posted the summary but couldn't pin it: this channel has the most pins Slack allows. Unpin something and run `/tally summary post` again.",
  pinFailed: (error: string) => `I posted the summary but couldn't pin it (Slack said: ${esc(error)}).`,
} as const;

/** Direct messages to whoever subscribed a channel, when a scheduled summary needs them to act. */
export const subscriberCopy = {
  notInChannel: (channel: string) =>
    `I couldn't post today's summary in ${channelRef(channel)}: I'm not a member. Invite me with \`/invite @Tally\` there and I'll post it within a few minutes.`,
  channelNotFound: (channel: string) =>
    `I couldn't post today's summary in ${channelRef(channel)}: I can't see that channel. If it's private, invite me with \`/invite @Tally\` there and I'll post it within a few minutes.`,
  archived: (channel: string) =>
    `${channelRef(channel)} has been archived, so I've stopped its daily summary. Subscribe again with \`/tally daily HH:MM\` if it comes back.`,
  tooManyPins: (channel: string) =>
    `I posted today's summary in ${channelRef(channel)} but couldn't pin it: the channel has the most pins Slack allows. Unpin something and I'll pin tomorrow's.`,
  pinFailed: (channel: string, error: string) =>
    `I posted today's summary in ${channelRef(channel)} but couldn't pin it (Slack said: ${esc(error)}).`,
} as const;

export const dailyCopy = {
  usage:
    "Use `/tally daily HH:MM [Area/City]`, e.g. `/tally daily 08:30 Europe/Paris`; `/tally daily` shows the schedule; `/tally daily off` stops it.",
  timeFormat: (input: string) =>
    `“${esc(input)}” isn't a time. Give it as HH:MM on a 24-hour clock, e.g. \`/tally daily 08:30\`.`,
  timeRange: (input: string) =>
    `“${esc(input)}” isn't a time of day: hours run 00–23 and minutes 00–59, e.g. \`/tally daily 08:30\`.`,
  zone: (input: string) =>
    `I don't know the time zone “${esc(input)}”. Use an Area/City name such as \`Europe/Paris\`, \`America/New_York\` or \`Asia/Tokyo\`, or \`UTC\`.`,
  subscribed: (time: string, timeZone: string) =>
    `Done: I'll post and pin the summary here every day at *${esc(time)}* (${esc(timeZone)}), starting at the next ${esc(time)}. \`/tally summary\` previews it.`,
  show: (s: { time: string; timeZone: string; subscribedBy: string; lastPostedDay: string | null }) =>
    `This channel gets the summary every day at *${esc(s.time)}* (${esc(s.timeZone)}), set up by ${userRef(s.subscribedBy)}. ${
      s.lastPostedDay ? `Last posted: ${esc(s.lastPostedDay)}.` : "Not posted yet."
    } \`/tally daily off\` stops it.`,
  none: "This channel has no daily summary. `/tally daily HH:MM [Area/City]` sets one up.",
  off: "Done: no more daily summaries here. The pinned one stays until someone unpins it.",
  alreadyOff: "This channel had no daily summary to stop.",
} as const;

export const watchCopy = {
  usage:
    "Use `/tally watch <question>` with a question Tally answers; `/tally help` shows what it knows about.",
  unwatchUsage: "Use `/tally unwatch <question or topic>`; `/tally watch` lists what this channel watches.",
  watching: (title: string, n: number) =>
    `Watching *${esc(title)}* here: it's in this channel's summary now (${plural(n, "topic", "topics")} in all).`,
  alreadyWatching: (title: string) => `This channel already watches *${esc(title)}*.`,
  noMatch: (question: string, suggestions: readonly string[]) =>
    `I couldn't match “${esc(question)}” to a topic.${
      suggestions.length > 0 ? ` Did you mean: ${suggestions.map((s) => `“${esc(s)}”`).join(", ")}?` : ""
    }`,
  list: (titles: readonly string[]) =>
    titles.length === 0
      ? "This channel watches no topics of its own, so its summary covers the key topics. `/tally watch <question>` adds one."
      : `This channel's summary covers:\n${titles.map((t) => `• ${esc(t)}`).join("\n")}`,
  unwatched: (title: string, remaining: number) =>
    remaining === 0
      ? `Stopped watching *${esc(title)}*. This channel watches nothing of its own now, so its summary covers the key topics.`
      : `Stopped watching *${esc(title)}* (${plural(remaining, "topic", "topics")} left).`,
  notWatched: (text: string) => `This channel doesn't watch anything matching “${esc(text)}”.`,
} as const;
