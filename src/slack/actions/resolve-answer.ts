import type { Match, TallyCore } from "../../answer/types.ts";
import { type ButtonValue, pickedFrom } from "../blocks/button-value.ts";

/**
 * Rebuilds the answer a button belongs to. Asking again keeps what the question named (a source, a
 * date); if the index has changed so that the question now lands elsewhere, the topic decides. A topic
 * picked with a button (a suggestion, the earliest figure) is answered as picked, not from the question.
 */
export function resolveAnswer(core: TallyCore, value: ButtonValue): Match | null {
  const picked = pickedFrom(value);
  if (picked && value.t !== null) {
    return core.answerTopic(value.t, picked.asOf ? { asOf: picked.asOf } : {})?.match ?? null;
  }
  const asked = core.ask(value.q);
  if (asked.match && (value.t === null || asked.match.topic.id === value.t)) return asked.match;
  return value.t === null ? null : (core.answerTopic(value.t)?.match ?? null);
}
