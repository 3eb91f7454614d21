import type { Match, TallyCore } from "../../answer/types.ts";
import type { ButtonValue } from "../blocks/button-value.ts";

/**
 * Rebuilds the answer a button belongs to. Asking again keeps what the question named (a source, a
 * date); if the index has changed so that the question now lands elsewhere, the topic decides.
 */
export function resolveAnswer(core: TallyCore, value: ButtonValue): Match | null {
  const asked = core.ask(value.q);
  if (asked.match && (value.t === null || asked.match.topic.id === value.t)) return asked.match;
  return value.t === null ? null : (core.answerTopic(value.t)?.match ?? null);
}
