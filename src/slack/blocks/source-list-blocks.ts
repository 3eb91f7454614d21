import type { Match } from "../../answer/types.ts";
import { copy } from "../copy.ts";
import type { KnownBlock } from "./block-types.ts";
import { LIMITS, packLines } from "./limits.ts";
import type { SourceEntry } from "./source-entries.ts";

export interface SourceListResult {
  blocks: KnownBlock[];
  /** How many entries, starting at the offset, the blocks show. */
  shown: number;
}

/**
 * Lays out entries[offset…] as sections, several sources per section, stopping before `maxEntries`
 * entries or `maxBlocks` blocks, whichever comes first. The caller says what was left out.
 */
export function sourceListBlocks(
  match: Match,
  entries: readonly SourceEntry[],
  options: { offset: number; maxEntries: number; maxBlocks: number },
): SourceListResult {
  const heading = (kind: SourceEntry["kind"], continued: boolean) => {
    const base =
      kind === "disagree"
        ? copy.answer.disagreeHeading(match.disagreements.length)
        : copy.answer.agreeHeading(match.agreements.length);
    return continued ? copy.answer.continued(base) : base;
  };
  const blocks: KnownBlock[] = [];
  let shown = 0;
  const end = Math.min(entries.length, options.offset + options.maxEntries);
  let i = options.offset;
  while (i < end) {
    const kind = entries[i]?.kind ?? "disagree";
    let j = i;
    while (j < end && entries[j]?.kind === kind) j++;
    const lines = entries.slice(i, j).map((e) => e.line);
    // A page that starts part-way through a group says so, rather than restating it as new.
    const continued = i > 0 && entries[i - 1]?.kind === kind;
    for (const chunk of packLines(lines, LIMITS.sectionText, heading(kind, continued))) {
      if (blocks.length >= options.maxBlocks) return { blocks, shown };
      blocks.push({ type: "section", text: { type: "mrkdwn", text: chunk.text } });
      shown += chunk.lines;
    }
    i = j;
  }
  return { blocks, shown };
}
