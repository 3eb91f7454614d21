import { datelineDate } from "./dates.ts";
import { draftConfig } from "./draft-config.ts";

/** An article's text with its headline and dateline blanked, and the published date the dateline gives. */
export interface ArticleHeader {
  headline: string | null;
  /** Where the headline line ends in the text (0 with none). */
  headlineEnd: number;
  published: string | null;
  /** The text with the headline and dateline lines turned to spaces, so that offsets still hold. */
  body: string;
}

// "KYIV, 3 Feb (Reuters) -", "March 14, 2026 —": a dateline opening the first paragraph.
const datelinePrefix = /^[^.\n]{0,60}?(?:\([^)\n]{2,30}\)\s*)?[-–—]\s/;
const bylineStart = /^(?:by|published|updated|posted|first published)\b/i;

/**
 * Line 1 is the headline when the text has more lines and it reads like one (short, no full stop at its end);
 * a short line 2 with a date, or a byline, is the dateline. A one-paragraph message has neither.
 */
export function readArticleHeader(text: string, now: Date): ArticleHeader {
  const lines = [...text.matchAll(/[^\n]*(?:\n|$)/g)].map((m) => ({ text: m[0], start: m.index }));
  const filled = lines.filter((l) => l.text.trim() !== "");
  const first = filled[0];
  if (!first || filled.length < 2) return { headline: null, headlineEnd: 0, published: null, body: text };
  const firstText = first.text.trim();
  const isHeadline = firstText.length <= draftConfig.maxHeadlineChars && !/[.!?]["'”’]?$/.test(firstText);
  if (!isHeadline) return { headline: null, headlineEnd: 0, published: null, body: text };
  let body = blank(text, first.start, first.start + first.text.length);
  let published: string | null = null;
  const second = filled[1];
  if (second) {
    const line = second.text.trim();
    const date = datelineDate(line, now);
    if (date && (line.length <= draftConfig.maxDatelineChars || bylineStart.test(line))) {
      published = date;
      body = blank(body, second.start, second.start + second.text.length);
    } else {
      const prefix = datelinePrefix.exec(line)?.[0];
      const prefixDate = prefix ? datelineDate(prefix, now) : null;
      if (prefixDate) published = prefixDate;
    }
  }
  return { headline: firstText, headlineEnd: first.start + first.text.length, published, body };
}

const blank = (text: string, start: number, end: number): string =>
  text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, " ") + text.slice(end);
