import { joinNames, reportOutlets } from "../../answer/report-outlets.ts";
import type { Match } from "../../answer/types.ts";
import { formatAsOfDate } from "../../figures/format-as-of.ts";
import { ACTION } from "../action-ids.ts";
import { copy } from "../copy.ts";
import { curationCopy } from "../curation/curation-copy.ts";
import type { Button, KnownBlock, SlackMessage } from "./block-types.ts";
import { encodeButtonValue, type PickedTopic, pickedFields } from "./button-value.ts";
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
  /** Set when the topic was picked with a button: the caption then names the topic, not the question. */
  picked?: PickedTopic;
  /** Offer "Ask the desk" when there is no answer (curation is set up). */
  askDesk?: boolean;
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

/** Why this figure heads the answer, in words; plain about a named source that has none here. */
function reasonText(match: Match, view: AnswerView): string {
  const h = match.headline;
  const { requested } = match;
  if (match.headlineReason === "named-source" && requested?.source) {
    return copy.answer.reason.namedSource(requested.source.name);
  }
  if (requested?.source) {
    const shown = h.claim.unattributed ? joinNames(reportOutlets(h)) : h.source.name;
    return copy.answer.reason.namedSourceMissing(
      requested.source.name,
      shown,
      requested.asOf ? formatAsOfDate(requested.asOf) : null,
    );
  }
  if (view.picked?.kind === "earliest") return copy.answer.reason.earliest;
  if (match.headlineReason === "named-date" && requested?.asOf) {
    return copy.answer.reason.namedDate(formatAsOfDate(requested.asOf));
  }
  return copy.answer.reason.latest;
}

function headlineText(match: Match, view: AnswerView): string {
  const h = match.headline;
  const reason = reasonText(match, view);
  return [
    `*${escapeToFit(h.figure.text, 200)}*`,
    `${copy.answer.asOf(h.dateText, h.ageText)} · ${copy.answer.source(h.source.name, joinNames(reportOutlets(h)), h.claim.unattributed)}`,
    `_${reason}_`,
  ].join("\n");
}

type TextObject = { type: "mrkdwn" | "plain_text"; text: string };

/** Who asked what: plain_text where it can be, so the question shows exactly as typed. */
function askedLine(match: Match, view: AnswerView): TextObject {
  const mrkdwn = (text: string): TextObject => ({ type: "mrkdwn", text: cutToFit(text, LIMITS.contextText) });
  const plain = (text: string): TextObject => ({
    type: "plain_text",
    text: cutToFit(text, LIMITS.contextText),
  });
  // A picked topic answers the topic, not the question typed before it: say which.
  if (view.picked) {
    return mrkdwn(
      view.askedBy
        ? copy.answer.sharedAnswerFor(view.askedBy, match.topic.title)
        : copy.answer.answerFor(match.topic.title),
    );
  }
  // A mention needs mrkdwn; the question in it is neutralised there instead.
  if (view.askedBy) return mrkdwn(copy.answer.askedBy(view.askedBy, view.question));
  return plain(
    view.surface === "ephemeral" ? copy.answer.youAsked(view.question) : copy.answer.question(view.question),
  );
}

/** The answer to a matched question, inside Block Kit's limits, with every other source accounted for. */
export function answerMessage(match: Match, view: AnswerView): SlackMessage {
  const h = match.headline;
  const value = encodeButtonValue({ q: view.question, t: match.topic.id, ...pickedFields(view.picked) });
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: escapeToFit(match.topic.title, LIMITS.header) } },
    { type: "section", text: { type: "mrkdwn", text: headlineText(match, view) } },
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: cutToFit(
            copy.answer.quote(
              h.claim.quote,
              h.document.outlet,
              h.document.file ?? h.document.url ?? h.document.id,
            ),
            LIMITS.contextText,
          ),
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
  if (match.review?.due) {
    blocks.push({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: curationCopy.history.dueMark(match.review.daysSince, match.review.reviewDays),
        },
      ],
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
      sourceName: r.headline.claim.unattributed ? r.headline.document.outlet : r.headline.source.name,
      dateText: r.headline.dateText,
    }));
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: cutToFit(copy.answer.related(related), LIMITS.contextText) }],
    });
  }
  blocks.push({ type: "context", elements: [askedLine(match, view)] });

  const buttons: Button[] = [];
  if (view.surface === "ephemeral") buttons.push(button(copy.buttons.share, ACTION.share, value, "primary"));
  if (remaining > 0) {
    buttons.push(
      button(
        copy.buttons.showMore(remaining),
        ACTION.more,
        encodeButtonValue({
          q: view.question,
          t: match.topic.id,
          o: list.shown,
          ...pickedFields(view.picked),
        }),
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
      sourceName: h.claim.unattributed ? h.document.outlet : h.source.name,
      dateText: h.dateText,
      disagreeing: match.disagreements.length,
    }),
    blocks,
  };
}
