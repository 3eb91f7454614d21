import type { Match } from "../../answer/types.ts";
import { ACTION } from "../action-ids.ts";
import { copy } from "../copy.ts";
import type { Button, KnownBlock, SlackMessage } from "./block-types.ts";
import { encodeButtonValue } from "./button-value.ts";
import { cutToFit, escapeToFit, LIMITS } from "./limits.ts";
import { sourceEntries } from "./source-entries.ts";
import { sourceListBlocks } from "./source-list-blocks.ts";

/**
 * At most this many other sources are listed in the answer itself, so it stays readable on a phone;
 * the rest are one button press away ("Show N more"), never silently dropped.
 */
export const INLINE_SOURCES = 20;

export interface AnswerView {
  /** Ephemeral answers (to /tally) carry "Share in channel"; visible ones are already shared. */
  surface: "ephemeral" | "visible";
  question: string;
  staleDays: number;
  /** Who asked, named on answers shared into a channel (a thread reply sits under the question already). */
  askedBy?: string;
}

export function button(text: string, actionId: string, value: string, style?: "primary"): Button {
  return {
    type: "button",
    text: { type: "plain_text", text: escapeToFit(text, LIMITS.buttonText) },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

function headlineText(match: Match): string {
  const h = match.headline;
  const reason =
    match.headlineReason === "named-source" && match.requested?.source
      ? copy.answer.reason.namedSource(match.requested.source.name)
      : match.headlineReason === "named-date" && match.requested?.asOf
        ? copy.answer.reason.namedDate(match.requested.asOf)
        : copy.answer.reason.latest;
  return [
    `*${escapeToFit(h.figure.text, 200)}*`,
    `${copy.answer.asOf(h.dateText, h.ageText)} · ${copy.answer.source(h.source.name, h.seed.outlet, h.claim.unattributed)}`,
    `_${reason}_`,
  ].join("\n");
}

function askedLine(view: AnswerView): string {
  if (view.askedBy) return copy.answer.askedBy(view.askedBy, view.question);
  return view.surface === "ephemeral"
    ? copy.answer.youAsked(view.question)
    : copy.answer.question(view.question);
}

/** The answer to a matched question, inside Block Kit's limits, with every other source accounted for. */
export function answerMessage(match: Match, view: AnswerView): SlackMessage {
  const h = match.headline;
  const value = encodeButtonValue({ q: view.question, t: match.topic.id });
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: escapeToFit(match.topic.title, LIMITS.header) } },
    { type: "section", text: { type: "mrkdwn", text: headlineText(match) } },
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: cutToFit(copy.answer.quote(h.claim.quote, h.seed.outlet, h.seed.file), LIMITS.contextText),
        },
      ],
    },
  ];
  if (h.ageDays > view.staleDays) {
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: copy.answer.stale(h.ageDays, view.staleDays) },
    });
  }
  blocks.push({ type: "divider" });

  const entries = sourceEntries(match);
  // What follows the list: the "more" note, related figures, who asked, the buttons.
  const trailingBlocks = 4;
  const list = sourceListBlocks(match, entries, {
    offset: 0,
    maxEntries: INLINE_SOURCES,
    maxBlocks: LIMITS.blocks - blocks.length - trailingBlocks,
  });
  if (match.disagreements.length === 0) {
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: copy.answer.noDisagreement }] });
  }
  blocks.push(...list.blocks);
  const remaining = entries.length - list.shown;
  if (remaining > 0) {
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: copy.answer.moreSources(remaining) }],
    });
  }
  if (match.related.length > 0) {
    const related = match.related.map((r) => ({
      title: r.topic.title,
      figure: r.headline.figure.text,
      sourceName: r.headline.claim.unattributed ? r.headline.seed.outlet : r.headline.source.name,
      dateText: r.headline.dateText,
    }));
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: cutToFit(copy.answer.related(related), LIMITS.contextText) }],
    });
  }
  blocks.push({
    type: "context",
    elements: [{ type: "mrkdwn", text: cutToFit(askedLine(view), LIMITS.contextText) }],
  });

  const buttons: Button[] = [];
  if (view.surface === "ephemeral") buttons.push(button(copy.buttons.share, ACTION.share, value, "primary"));
  if (remaining > 0) {
    buttons.push(
      button(
        copy.buttons.showMore(remaining),
        ACTION.more,
        encodeButtonValue({ q: view.question, t: match.topic.id, o: list.shown }),
      ),
    );
  }
  buttons.push(button(copy.buttons.history, ACTION.history, value));
  buttons.push(button(copy.buttons.notWhatIAsked, ACTION.notWhatIAsked, value));
  blocks.push({ type: "actions", block_id: "tally_answer_actions", elements: buttons });

  return {
    text: copy.answer.fallback({
      title: match.topic.title,
      figure: h.figure.text,
      sourceName: h.claim.unattributed ? h.seed.outlet : h.source.name,
      dateText: h.dateText,
      disagreeing: match.disagreements.length,
    }),
    blocks,
  };
}
