import type { Answer } from "../answer/types.ts";
import { type AnswerView, answerMessage } from "./blocks/answer-blocks.ts";
import type { SlackMessage } from "./blocks/block-types.ts";
import { noMatchMessage } from "./blocks/no-match-blocks.ts";

/**
 * The message for whatever the core answered: the figure, or a plain "no match" with suggestions (and, for a
 * date before the topic's first figure, that figure offered).
 */
export function replyForAnswer(answer: Answer, view: AnswerView): SlackMessage {
  return answer.match
    ? answerMessage(answer.match, view)
    : noMatchMessage(view.question, answer.suggestions, answer.reason, { askDesk: view.askDesk === true });
}
