import { stateFailureKind } from "../store/state-errors.ts";
import type { AnswerView } from "./blocks/answer-blocks.ts";
import type { SlackMessage } from "./blocks/block-types.ts";
import { copy } from "./copy.ts";
import type { AppDeps } from "./deps.ts";
import { MAX_QUESTION_LENGTH, parseQuestion } from "./question.ts";
import { replyForAnswer } from "./reply-for-answer.ts";
import { stateFailureCopy } from "./state-failure-copy.ts";

export type QuestionReply = { kind: "help" } | { kind: "message"; message: SlackMessage };

/**
 * Slack text in, the reply out: help for an empty question or a request for help ("help", "?"), a
 * polite refusal for an overlong one,
 * otherwise the core's answer. A core failure becomes an apology (and a log entry), not a crash.
 */
/** Who asked where, so that an unanswered question reaches `/tally gaps`. */
export interface Asker {
  user: string | null;
  channel: string | null;
}

/** Kept for the desk's `/tally gaps`; a failure to keep it never costs the asker their reply. */
function recordGap(deps: AppDeps, question: string, asker: Asker | undefined): void {
  deps.curation.desk
    .recordGap({
      kind: "no-match",
      question,
      user: asker?.user ?? null,
      channel: asker?.channel ?? null,
      topicId: null,
      at: deps.now().toISOString(),
    })
    .catch((error: unknown) => deps.logger.warn("could not record an unanswered question", { error }));
}

export function answerQuestion(
  deps: AppDeps,
  rawText: string,
  view: Omit<AnswerView, "question" | "staleDays" | "askDesk"> & { gap?: Asker },
): QuestionReply {
  const parsed = parseQuestion(rawText);
  if (parsed.kind === "empty" || parsed.kind === "help") return { kind: "help" };
  if (parsed.kind === "too-long") {
    const text = copy.problems.tooLong(parsed.length, MAX_QUESTION_LENGTH);
    return {
      kind: "message",
      message: { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] },
    };
  }
  try {
    const answer = deps.core.ask(parsed.text);
    deps.logger.info("answered a question", {
      question: parsed.text,
      topic: answer.match?.topic.id ?? null,
      confidence: answer.match?.confidence ?? null,
      suggestions: answer.suggestions.map((s) => s.topic.id),
    });
    if (!answer.match) recordGap(deps, parsed.text, view.gap);
    return {
      kind: "message",
      message: replyForAnswer(answer, {
        ...view,
        question: parsed.text,
        staleDays: deps.config.staleDays,
        askDesk: deps.curation.reviewChannel !== null,
      }),
    };
  } catch (error) {
    deps.logger.error("the core failed to answer", { question: parsed.text, error });
    return { kind: "message", message: failureMessageFor(error) };
  }
}

/**
 * The apology for a request that failed with `error`: a state database failure is named (busy, damaged…)
 * with what the person can do, and says nothing was saved; anything else gets the general apology.
 */
export function failureMessageFor(error: unknown): SlackMessage {
  const kind = stateFailureKind(error);
  const text = kind === null ? copy.problems.failed : stateFailureCopy[kind];
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
}
