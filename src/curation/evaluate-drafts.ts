import type { DraftClaim } from "./figure-input.ts";

/**
 * How well drafting did on one labelled article: which labelled figures it found, whether it named their
 * source rightly, and how many of its drafts were labelled figures at all. Pure: labels and drafts in.
 *
 * The rules:
 * - Texts are compared with whitespace collapsed and curly apostrophes straightened.
 * - A label sits where its `sentence` (a fragment of the article, labels in article order) first occurs at or
 *   after the previous label's, and its `text` is the first occurrence of that text inside the fragment.
 * - A draft sits where its `figureText` occurs inside its quote, wherever the quote occurs in the article.
 * - A figure is found when a draft overlaps the label's text in the same sentence; each draft finds at most
 *   one label, labels taken in order.
 * - The source is right when the label's `source_id` equals the draft's source id, or the label's `source`
 *   (null: unattributed) matches the draft's named source loosely: case-folded, a leading "the" ignored, one
 *   containing the other; null matches only null.
 */
export interface FigureLabel {
  text: string;
  sentence: string;
  source: string | null;
  source_id?: string | undefined;
}

export interface DraftMiss {
  label: FigureLabel;
  /** Why it counts as missed: not found, or found with the wrong source (and what the draft said). */
  kind: "not-found" | "wrong-source";
  drafted?: DraftClaim["source"];
}

export interface DraftScore {
  figures: number;
  found: number;
  rightSource: number;
  drafts: number;
  /** Drafts that found a labelled figure. */
  matchedDrafts: number;
  misses: DraftMiss[];
  /** Drafts that found no labelled figure, for reading precision. */
  extra: DraftClaim[];
}

const norm = (s: string): string => s.replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim();
const fold = (s: string): string =>
  norm(s)
    .toLowerCase()
    .replace(/^the\s+/, "");

interface Span {
  start: number;
  end: number;
}

function occurrences(text: string, part: string): number[] {
  const out: number[] = [];
  if (part === "") return out;
  for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) out.push(i);
  return out;
}

/** Scores the drafts of one article against its labels. */
export function evaluateDrafts(
  article: string,
  labels: readonly FigureLabel[],
  drafts: readonly DraftClaim[],
): DraftScore {
  const text = norm(article);
  const draftSpans: Span[][] = drafts.map((d) => {
    const quote = norm(d.sentence);
    const at = quote.indexOf(norm(d.figureText));
    if (at < 0) return [];
    return occurrences(text, quote).map((q) => ({ start: q + at, end: q + at + norm(d.figureText).length }));
  });
  const used = new Set<number>();
  const misses: DraftMiss[] = [];
  let found = 0;
  let rightSource = 0;
  let from = 0;
  for (const label of labels) {
    const fragment = norm(label.sentence);
    const at = text.indexOf(fragment, from) >= 0 ? text.indexOf(fragment, from) : text.indexOf(fragment);
    const inFragment = fragment.indexOf(norm(label.text));
    if (at < 0 || inFragment < 0) {
      misses.push({ label, kind: "not-found" });
      continue;
    }
    from = at;
    const span = { start: at + inFragment, end: at + inFragment + norm(label.text).length };
    const hit = drafts.findIndex(
      (_d, i) => !used.has(i) && (draftSpans[i] ?? []).some((s) => s.start < span.end && span.start < s.end),
    );
    const draft = drafts[hit];
    if (!draft) {
      misses.push({ label, kind: "not-found" });
      continue;
    }
    used.add(hit);
    found++;
    if (sourceIsRight(label, draft.source)) rightSource++;
    else misses.push({ label, kind: "wrong-source", drafted: draft.source });
  }
  return {
    figures: labels.length,
    found,
    rightSource,
    drafts: drafts.length,
    matchedDrafts: used.size,
    misses,
    extra: drafts.filter((_d, i) => !used.has(i)),
  };
}

/** The rule for a right source; see the file's comment. */
export function sourceIsRight(label: FigureLabel, drafted: DraftClaim["source"]): boolean {
  if (drafted && "id" in drafted) return label.source_id !== undefined && label.source_id === drafted.id;
  if (drafted === null) return label.source === null;
  if (label.source === null) return false;
  const a = fold(label.source);
  const b = fold(drafted.name);
  return a.length > 0 && b.length > 0 && (a.includes(b) || b.includes(a));
}

/** Several articles' scores as one, with the rates the gate checks. */
export function totalScore(scores: readonly DraftScore[]): DraftScore & {
  recall: number;
  rightSourceRate: number;
  precision: number;
} {
  const sum = (f: (s: DraftScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const figures = sum((s) => s.figures);
  const found = sum((s) => s.found);
  const rightSource = sum((s) => s.rightSource);
  const drafts = sum((s) => s.drafts);
  const matchedDrafts = sum((s) => s.matchedDrafts);
  return {
    figures,
    found,
    rightSource,
    drafts,
    matchedDrafts,
    misses: scores.flatMap((s) => s.misses),
    extra: scores.flatMap((s) => s.extra),
    recall: figures === 0 ? 1 : found / figures,
    rightSourceRate: found === 0 ? 1 : rightSource / found,
    precision: drafts === 0 ? 1 : matchedDrafts / drafts,
  };
}
