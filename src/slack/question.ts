import { z } from "zod";
import { slackTextToPlain } from "./slack-text.ts";

/** Long enough for any real question; short enough to fit in a button value and a header. */
export const MAX_QUESTION_LENGTH = 500;

export type ParsedQuestion =
  | { kind: "empty" }
  | { kind: "too-long"; length: number }
  | { kind: "question"; text: string };

const QuestionText = z.string().transform((raw) => slackTextToPlain(raw).replace(/\s+/g, " ").trim());

/** Slack text (a slash command's argument, a mention, a DM) to the question Tally should answer. */
export function parseQuestion(raw: unknown): ParsedQuestion {
  const parsed = QuestionText.safeParse(typeof raw === "string" ? raw : "");
  const text = parsed.success ? parsed.data : "";
  if (text === "") return { kind: "empty" };
  if (text.length > MAX_QUESTION_LENGTH) return { kind: "too-long", length: text.length };
  return { kind: "question", text };
}
