/**
 * What Tally says about curation in Slack (review queue, decisions, retirements, desk questions, gaps,
 * reminders), in one place to review as copy. Functions escape what they interpolate; callers pass raw text.
 */

import { escapeToFit } from "../blocks/limits.ts";
import { mentionUser } from "../copy.ts";
import { escapeMrkdwn as esc, escapeUserText as quoted } from "../escape-mrkdwn.ts";

const plural = (n: number, one: string, many: string) =>
  n === 1 ? `1 ${one}` : `${n.toLocaleString("en-GB")} ${many}`;

export const curationCopy = {
  notConfigured:
    "Curation is not set up here: the desk needs `TALLY_REVIEW_CHANNEL` (where proposals go) and `TALLY_CURATORS` (who decides). Ask whoever runs Tally.",
  notCurator: "Only the desk's curators can do that. Your proposal and questions still reach them.",
  noTrigger: "Slack did not send what opening a form needs; please try again.",
  openFailed: "Sorry, I couldn't open the form; please try again.",

  addTitle: "Add a figure",
  editTitle: "Edit the proposal",
  correctTitle: "Correct a figure",
  addSubmit: "Check",
  sent: (title: string) =>
    `Thanks: your figure for *${esc(title)}* is with the desk for review. I'll tell you when it is decided.`,
  sentCorrection: (title: string) => `Corrected: *${esc(title)}* now answers with the new figure.`,

  review: {
    heading: "Proposed figure",
    correctionHeading: "Proposed correction",
    fallback: (title: string, figure: string) => esc(`Proposed figure for ${title}: ${figure}`),
    topic: (title: string, isNew: boolean) =>
      isNew ? `*New topic:* ${esc(title)}` : `*Topic:* ${esc(title)}`,
    figure: (figure: string, asOf: string) => `*Figure:* ${esc(figure)} · as of ${esc(asOf)}`,
    source: (name: string, isNew: boolean) => `*Source:* ${esc(name)}${isNew ? " (new source)" : ""}`,
    document: (outlet: string, headline: string, url: string | null) =>
      url
        ? `*Document:* <${url}|${esc(outlet)}: ${esc(headline)}>`
        : `*Document:* ${esc(outlet)}: ${esc(headline)}`,
    quote: (quote: string) => `> ${quoted(quote).replace(/\n/g, "\n> ")}`,
    proposedBy: (user: string, permalink: string | null) =>
      `Proposed by ${mentionUser(user)}${permalink ? ` from <${permalink}|this message>` : ""}`,
    corrects: (figure: string, sourceName: string) => `Replaces ${esc(figure)} from ${esc(sourceName)}`,
    answers: (user: string, question: string) =>
      `Answers ${mentionUser(user)}'s question “${quoted(question)}”`,
    approve: "Approve",
    edit: "Edit",
    reject: "Reject",
    approved: (by: string) => `:white_check_mark: Approved by ${mentionUser(by)}; it answers questions now.`,
    rejected: (by: string, reason: string | null) =>
      `:x: Rejected by ${mentionUser(by)}${reason ? `: ${quoted(reason)}` : ""}.`,
    notTaken: (problem: string) =>
      `:warning: Approved, but the index could not take it: ${esc(problem)}. Fix it with Edit on a new proposal, or in data/.`,
    alreadyDecided: (status: string, by: string) =>
      `That proposal was already ${status} by ${mentionUser(by)}.`,
    unknown: "That proposal is no longer in the queue.",
  },

  told: {
    approved: (title: string, figure: string, by: string) =>
      `Your figure for *${esc(title)}* (${esc(figure)}) was approved by ${mentionUser(by)}; Tally answers with it now.`,
    rejected: (title: string, figure: string, by: string, reason: string | null) =>
      `Your figure for *${esc(title)}* (${esc(figure)}) was not added: ${mentionUser(by)} rejected it${reason ? `: ${quoted(reason)}` : "."}`,
    answered: (question: string, by: string) =>
      `The desk answered your question “${quoted(question)}” (${mentionUser(by)}):`,
  },

  retire: {
    title: "Retire a figure",
    submit: "Retire",
    explain: (figure: string, sourceName: string, dateText: string, title: string) =>
      `Retire *${esc(figure)}* from ${esc(sourceName)} (${esc(dateText)}) on *${esc(title)}*? It leaves answers and stays in the history.`,
    reasonLabel: "Why (kept in the history)",
    done: (figure: string, title: string) =>
      `Retired ${esc(figure)} on *${esc(title)}*. It stays in the history.`,
    already: "That figure is already retired.",
    unknown: "That figure is no longer in the index.",
    menuRetire: "Retire",
    menuCorrect: "Correct",
    menuPlaceholder: "Correct or retire a figure…",
  },

  history: {
    /** Who brought a figure in from Slack, and who approved it. */
    provenance: (proposedBy: string, approvedBy: string) =>
      proposedBy === approvedBy
        ? ` · added by ${mentionUser(proposedBy)}`
        : ` · added by ${mentionUser(proposedBy)}, approved by ${mentionUser(approvedBy)}`,
    retiredMark: (on: string, reason: string | undefined) =>
      ` _(retired ${esc(on)}${reason ? `: ${quoted(reason)}` : ""})_`,
    dueMark: (days: number, every: number) =>
      `:hourglass: Due for review: last checked ${plural(days, "day", "days")} ago (the desk checks every ${every}).`,
  },

  desk: {
    button: "Ask the desk",
    sent: "Sent to the research desk. I'll message you here when they answer.",
    heading: "Question for the desk",
    fallback: (question: string) => `A reporter asked the desk: ${escapeToFit(question, 200, quoted)}`,
    asked: (user: string, channel: string | null, question: string) =>
      `${mentionUser(user)} asked${channel && /^[CG]/.test(channel) ? ` in <#${channel}>` : ""}: “${quoted(question)}”`,
    link: "Link to a topic",
    add: "Add a figure for it",
    /** Plain text (the form's note escapes it): what the figure being added will answer. */
    formNote: (question: string) => `This figure will answer a reporter's question: “${question}”`,
    linkTitle: "Answer with a topic",
    linkSubmit: "Answer",
    linkLabel: "The topic that answers it",
    answered: (by: string, title: string) =>
      `:white_check_mark: Answered by ${mentionUser(by)} with *${esc(title)}*.`,
    already: "That question was already answered.",
    pickTopic: "Pick the topic that answers the question.",
  },

  gaps: {
    heading: "What the index could not answer",
    none: (days: number) => `No unanswered questions or “Not what I asked” in the last ${days} days.`,
    fallback: (n: number) => esc(`${n} groups of questions the index could not answer`),
    intro: (days: number, total: number) =>
      `Last ${days} days: ${plural(total, "question", "questions")}, grouped by wording, most asked first.`,
    line: (p: {
      wording: string;
      count: number;
      askers: number;
      noMatch: number;
      notWhat: number;
      last: string;
    }) =>
      `• *${p.count}×* “${quoted(p.wording)}” · ${plural(p.askers, "asker", "askers")} · ${[
        p.noMatch > 0 ? `${p.noMatch} unanswered` : "",
        p.notWhat > 0 ? `${p.notWhat} not what they asked` : "",
      ]
        .filter(Boolean)
        .join(", ")} · last ${esc(p.last)}`,
    more: (n: number) => `…and ${plural(n, "more group", "more groups")}.`,
  },

  reminder: {
    heading: "Topics due for review",
    fallback: (n: number) => esc(`${n} topics are due for review`),
    intro: (n: number) =>
      `${plural(n, "topic has", "topics have")} gone past its review interval. Check the figures, then press “Still right” or add a newer one.`,
    line: (title: string, days: number, every: number) =>
      `*${esc(title)}*: last checked ${plural(days, "day", "days")} ago (every ${every})`,
    checked: "Still right",
    checkedDone: (by: string, title: string) =>
      `:white_check_mark: ${mentionUser(by)} checked *${esc(title)}*.`,
    more: (n: number) => `…and ${plural(n, "more topic", "more topics")}.`,
  },
} as const;
