import { joinNames, reportOutlets } from "../../answer/report-outlets.ts";
import type { Match, ShownClaim } from "../../answer/types.ts";
import { copy } from "../copy.ts";
import type { KnownBlock, SlackMessage } from "./block-types.ts";
import { cutToFit, escapeToFit, LIMITS, packLines } from "./limits.ts";

/** Sources in the order of their newest figure; each with its figures newest first. */
function bySource(history: readonly ShownClaim[]): { name: string; claims: ShownClaim[] }[] {
  const groups = new Map<string, { name: string; claims: ShownClaim[] }>();
  for (const shown of history) {
    const key = shown.claim.unattributed ? `outlet:${shown.document.outlet}` : `source:${shown.source.id}`;
    const name = shown.claim.unattributed ? shown.document.outlet : shown.source.name;
    const group = groups.get(key) ?? { name, claims: [] };
    group.claims.push(shown);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The topic's figures over time, grouped by source (history arrives newest first). */
export function historyMessage(match: Match): SlackMessage {
  const blocks: KnownBlock[] = [
    {
      type: "header",
      text: { type: "plain_text", text: escapeToFit(copy.history.heading(match.topic.title), LIMITS.header) },
    },
  ];
  const sourceTexts = bySource(match.history).map((group) =>
    cutToFit(
      copy.history.sourceLine(
        group.name,
        group.claims
          .map((c) => copy.history.figureEntry(c.figure.text, c.dateText, joinNames(reportOutlets(c))))
          .join("\n"),
      ),
      LIMITS.sectionText,
    ),
  );
  // Sources are separated by a blank line; packing several per section keeps long histories in budget.
  const chunks = packLines(
    sourceTexts.map((t, i) => (i === 0 ? t : `\n${t}`)),
    LIMITS.sectionText,
  );
  const budget = LIMITS.blocks - blocks.length - 1;
  let shownSources = 0;
  for (const chunk of chunks.slice(0, budget)) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: chunk.text.replace(/^\n/, "") } });
    shownSources += chunk.lines;
  }
  const groups = bySource(match.history);
  const notShown = groups.slice(shownSources).reduce((n, g) => n + g.claims.length, 0);
  if (notShown > 0) {
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: copy.history.notShown(notShown) }] });
  }
  return { text: copy.history.fallback(match.topic.title, match.history.length), blocks };
}
