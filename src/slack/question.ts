import { z } from "zod";
import { slackTextToPlain } from "./slack-text.ts";

/** Long enough for any real question; short enough to fit in a button value and a header. */
export const MAX_QUESTION_LENGTH = 500;

export type ParsedQuestion =
  | { kind: "empty" }
  | { kind: "help" }
  | { kind: "too-long"; length: number }
  | { kind: "question"; text: string };

const QuestionText = z.string().transform((raw) => slackTextToPlain(raw).replace(/\s+/g, " ").trim());

/**
 * Whole messages that ask how to use Tally rather than for a figure: answered with the help, wherever they
 * are typed (`@Tally help`, a DM saying "what can you do?"). Only the whole text counts, so "help for
 * farmers" is still a question.
 */
const HELP_REQUESTS: ReadonlySet<string> = new Set([
  "help",
  "help me",
  "help please",
  "please help",
  "usage",
  "commands",
  "what can you do",
  "what do you do",
  "what do you know",
  "what do you know about",
  "what can i ask",
  "what can i ask you",
  "how do i use this",
  "how do i use you",
  "how does this work",
  "hi",
  "hello",
  "hey",
]);

/** Whether a message is a request for the help: a help phrase, or nothing but punctuation ("?"). */
export function isHelpRequest(text: string): boolean {
  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return words === "" || HELP_REQUESTS.has(words);
}

/** Slack text (a slash command's argument, a mention, a DM) to the question Tally should answer. */
export function parseQuestion(raw: unknown): ParsedQuestion {
  const parsed = QuestionText.safeParse(typeof raw === "string" ? raw : "");
  const text = parsed.success ? parsed.data : "";
  if (text === "") return { kind: "empty" };
  if (text.length > MAX_QUESTION_LENGTH) return { kind: "too-long", length: text.length };
  if (isHelpRequest(text)) return { kind: "help" };
  return { kind: "question", text };
}
