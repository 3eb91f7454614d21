import type { TallyCore } from "../answer/types.ts";

/** The drafting core's topic lookup, over the answering core: the topic a sentence would be answered with. */
export function topicMatcherOf(
  core: Pick<TallyCore, "ask">,
): (sentence: string) => { topicId: string; confidence: number } | null {
  return (sentence) => {
    const match = core.ask(sentence).match;
    return match ? { topicId: match.topic.id, confidence: match.confidence } : null;
  };
}
