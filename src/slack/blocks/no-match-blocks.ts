import { joinNames, reportOutlets } from "../../answer/report-outlets.ts";
import type { AbstainReason, Suggestion } from "../../answer/types.ts";
import { formatAsOfDate } from "../../figures/format-as-of.ts";
import { ACTION } from "../action-ids.ts";
import { copy } from "../copy.ts";
import { curationCopy } from "../curation/curation-copy.ts";
import { CURATION } from "../curation/curation-ids.ts";
import { button } from "./answer-blocks.ts";
import type { Button, KnownBlock, SlackMessage } from "./block-types.ts";
import { encodeButtonValue } from "./button-value.ts";
import { cutToFit, LIMITS } from "./limits.ts";

/** How many "did you mean" buttons at most. */
const MAX_OFFERED = 3;

const suggestionButtons = (question: string, suggestions: readonly Suggestion[], first: number): Button[] =>
  suggestions
    .slice(0, MAX_OFFERED)
    .map((s, i) =>
      button(
        s.topic.title,
        `${ACTION.suggestionPrefix}${first + i}`,
        encodeButtonValue({ q: question, t: s.topic.id, k: "suggestion" }),
      ),
    );

/**
 * A date named before the topic's first figure: says the index has nothing that early, shows what its
 * earliest figure is, and offers it (and any other near misses) as buttons.
 */
function tooEarlyMessage(
  question: string,
  reason: AbstainReason,
  suggestions: readonly Suggestion[],
): SlackMessage {
  const e = reason.earliest;
  const who = copy.answer.who(e.source.name, joinNames(reportOutlets(e)), e.claim.unattributed);
  const text = [
    copy.noMatch.tooEarly(reason.topic.title, formatAsOfDate(reason.asked), e.dateText),
    copy.noMatch.earliestOffer(e.figure.text, who),
  ].join("\n");
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: cutToFit(text, LIMITS.sectionText) } },
    {
      type: "actions",
      block_id: "tally_earliest",
      elements: [
        button(
          copy.buttons.earliest(e.dateText),
          `${ACTION.suggestionPrefix}0`,
          encodeButtonValue({ q: question, t: reason.topic.id, k: "earliest", d: e.claim.as_of }),
          "primary",
        ),
      ],
    },
  ];
  if (suggestions.length > 0)
    blocks.push(...suggestionBlocks(question, suggestions, copy.noMatch.orDidYouMean, 1));
  return { text: copy.noMatch.tooEarlyFallback(reason.topic.title, e.dateText), blocks };
}

/** "Did you mean": a line of text, then the suggestions as buttons numbered from `first`. */
function suggestionBlocks(
  question: string,
  suggestions: readonly Suggestion[],
  lead: string,
  first: number,
): KnownBlock[] {
  return [
    { type: "section", text: { type: "mrkdwn", text: lead } },
    {
      type: "actions",
      block_id: "tally_suggestions",
      elements: suggestionButtons(question, suggestions, first),
    },
  ];
}

/** Says plainly that nothing matched, and offers the near misses as buttons that answer them. */
export function noMatchMessage(
  question: string,
  suggestions: readonly Suggestion[],
  reason?: AbstainReason,
  options: { askDesk?: boolean } = {},
): SlackMessage {
  if (reason) return tooEarlyMessage(question, reason, suggestions);
  const message = plainNoMatch(question, suggestions);
  if (!options.askDesk) return message;
  // The way to an answer when the index has none: hand the question to the research desk.
  message.blocks.push({
    type: "actions",
    block_id: "tally_ask_desk",
    elements: [
      button(curationCopy.desk.button, CURATION.askDesk, encodeButtonValue({ q: question, t: null })),
    ],
  });
  return message;
}

function plainNoMatch(question: string, suggestions: readonly Suggestion[]): SlackMessage {
  const blocks: KnownBlock[] = [
    // plain_text: the question shows exactly as typed, never as formatting.
    {
      type: "section",
      text: { type: "plain_text", text: cutToFit(copy.noMatch.text(question), LIMITS.sectionText) },
    },
  ];
  if (suggestions.length > 0) {
    blocks.push(...suggestionBlocks(question, suggestions, copy.noMatch.didYouMean, 0));
  } else {
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: copy.noMatch.noSuggestions }] });
  }
  return { text: copy.noMatch.fallback(question), blocks };
}
