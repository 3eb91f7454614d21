import { escapeMrkdwn } from "../escape-mrkdwn.ts";

/** Block Kit's hard limits: Slack rejects a message that breaks any of them (invalid_blocks). */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  contextText: 3000,
  header: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionElements: 25,
} as const;

/**
 * Escapes `raw` and, when the result is longer than `max`, cuts the raw text (never an entity in half)
 * and ends it with an ellipsis. `escapeText` is escapeMrkdwn, or escapeUserText for a user's own words.
 */
export function escapeToFit(
  raw: string,
  max: number,
  escapeText: (text: string) => string = escapeMrkdwn,
): string {
  const whole = escapeText(raw);
  if (whole.length <= max) return whole;
  let keep = Math.min(raw.length, max - 1);
  while (keep > 0 && escapeText(raw.slice(0, keep)).length + 1 > max) keep--;
  return `${escapeText(raw.slice(0, keep).trimEnd())}…`;
}

/**
 * Cuts already-formatted mrkdwn to `max`, keeping whole lines where it can, and never leaving half an
 * entity (`&am`) or half a markup token (`<!date^…`) at the cut.
 */
export function cutToFit(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastBreak = cut.lastIndexOf("\n");
  const base = lastBreak > max / 2 ? cut.slice(0, lastBreak) : cut.replace(/&[a-z]*$|<[^>]*$/, "");
  return `${base}…`;
}

export interface PackedChunk {
  text: string;
  /** How many of the lines (not counting the heading) this chunk holds. */
  lines: number;
}

/**
 * Joins lines into as few chunks as possible, each at most `max` characters, never splitting a line
 * (a line longer than `max` on its own is cut). `heading` starts the first chunk.
 */
export function packLines(lines: readonly string[], max: number, heading?: string): PackedChunk[] {
  const chunks: PackedChunk[] = [];
  let current: PackedChunk = { text: heading ?? "", lines: 0 };
  for (const raw of lines) {
    const line = cutToFit(raw, max);
    const joined = current.text === "" ? line : `${current.text}\n${line}`;
    if (joined.length <= max) {
      current = { text: joined, lines: current.lines + 1 };
    } else {
      if (current.text !== "") chunks.push(current);
      current = { text: line, lines: 1 };
    }
  }
  if (current.text !== "") chunks.push(current);
  return chunks;
}
