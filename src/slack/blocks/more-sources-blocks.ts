import type { Match } from "../../answer/types.ts";
import { ACTION } from "../action-ids.ts";
import { copy } from "../copy.ts";
import { button } from "./answer-blocks.ts";
import type { KnownBlock, SlackMessage } from "./block-types.ts";
import { encodeButtonValue, type PickedTopic, pickedFields } from "./button-value.ts";
import { escapeToFit, LIMITS } from "./limits.ts";
import { sourceEntries } from "./source-entries.ts";
import { sourceListBlocks } from "./source-list-blocks.ts";

/**
 * The sources an answer had no room for, from `offset` on: as many as one message holds, and another
 * "Show N more" when even that is not enough.
 */
export function moreSourcesMessage(
  match: Match,
  question: string,
  offset: number,
  picked?: PickedTopic,
): SlackMessage {
  const entries = sourceEntries(match);
  const start = Math.min(Math.max(0, offset), entries.length);
  const blocks: KnownBlock[] = [
    {
      type: "header",
      text: { type: "plain_text", text: escapeToFit(copy.more.heading(match.topic.title), LIMITS.header) },
    },
  ];
  const trailingBlocks = 2;
  const list = sourceListBlocks(match, entries, {
    offset: start,
    maxEntries: entries.length,
    maxBlocks: LIMITS.blocks - blocks.length - trailingBlocks,
  });
  blocks.push(...list.blocks);
  const remaining = entries.length - start - list.shown;
  if (remaining > 0) {
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: copy.answer.moreSources(remaining) }],
    });
    blocks.push({
      type: "actions",
      elements: [
        button(
          copy.buttons.showMore(remaining),
          ACTION.more,
          encodeButtonValue({
            q: question,
            t: match.topic.id,
            o: start + list.shown,
            ...pickedFields(picked),
          }),
        ),
      ],
    });
  }
  return { text: copy.more.fallback(match.topic.title, entries.length - start), blocks };
}
