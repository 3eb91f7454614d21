import type { Suggestion } from "../../answer/types.ts";
import { ACTION } from "../action-ids.ts";
import { copy } from "../copy.ts";
import { button } from "./answer-blocks.ts";
import type { KnownBlock, SlackMessage } from "./block-types.ts";
import { encodeButtonValue } from "./button-value.ts";
import { cutToFit, LIMITS } from "./limits.ts";

/** Says plainly that nothing matched, and offers the near misses as buttons that answer them. */
export function noMatchMessage(question: string, suggestions: readonly Suggestion[]): SlackMessage {
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: { type: "mrkdwn", text: cutToFit(copy.noMatch.text(question), LIMITS.sectionText) },
    },
  ];
  const offered = suggestions.slice(0, 3);
  if (offered.length > 0) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: copy.noMatch.didYouMean } });
    blocks.push({
      type: "actions",
      block_id: "tally_suggestions",
      elements: offered.map((s, i) =>
        button(
          s.topic.title,
          `${ACTION.suggestionPrefix}${i}`,
          encodeButtonValue({ q: question, t: s.topic.id }),
        ),
      ),
    });
  } else {
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: copy.noMatch.noSuggestions }] });
  }
  return { text: copy.noMatch.fallback(question), blocks };
}
