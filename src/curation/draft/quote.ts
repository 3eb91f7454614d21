import { draftConfig } from "./draft-config.ts";
import type { Sentence } from "./sentences.ts";

/**
 * The quote for a figure: its sentence, or, when that is longer than the claims format allows, the part of
 * it around the figure cut on word boundaries (an exact substring, so that `claims validate` finds it).
 */
export function quoteFor(sentence: Sentence, figureStart: number, figureEnd: number): string {
  const text = sentence.text.replace(/\s+/g, " ");
  const { maxQuote } = draftConfig;
  if (text.length <= maxQuote) return text;
  const at = figureStart - sentence.start;
  const length = figureEnd - figureStart;
  // Centre the window on the figure, then pull both ends in to the nearest space.
  let start = Math.max(0, Math.min(at - Math.floor((maxQuote - length) / 2), text.length - maxQuote));
  let end = start + maxQuote;
  if (start > 0) start = nextSpace(text, start, at);
  if (end < text.length) end = previousSpace(text, end, at + length);
  return text.slice(start, end).trim();
}

function nextSpace(text: string, from: number, limit: number): number {
  const i = text.indexOf(" ", from);
  return i >= 0 && i < limit ? i + 1 : from;
}

function previousSpace(text: string, from: number, limit: number): number {
  const i = text.lastIndexOf(" ", from);
  return i > limit ? i : from;
}
