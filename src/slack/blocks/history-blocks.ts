import { joinNames, reportOutlets } from "../../answer/report-outlets.ts";
import type { Match, ShownClaim } from "../../answer/types.ts";
import { copy } from "../copy.ts";
import { curationCopy } from "../curation/curation-copy.ts";
import { CURATION } from "../curation/curation-ids.ts";
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

/** How many figures the correct/retire menu lists (Slack allows 100 options in a group). */
const MENU_FIGURES = 100;
const OPTION_TEXT = 75;

/** A menu to correct or retire one of the topic's live figures: the desk's way in from a history. */
function figureMenu(history: readonly ShownClaim[]): KnownBlock | null {
  const live = history.filter((c) => !c.claim.retired).slice(0, MENU_FIGURES);
  if (live.length === 0) return null;
  const options = (verb: "correct" | "retire") =>
    live.map((c) => {
      const label = `${c.figure.text} · ${c.source.name} · ${c.dateText}`;
      return {
        text: {
          type: "plain_text" as const,
          text: label.length > OPTION_TEXT ? `${label.slice(0, OPTION_TEXT - 1)}…` : label,
        },
        value: `${verb}:${c.claim.id}`.slice(0, 150),
      };
    });
  return {
    type: "actions",
    block_id: "tally_figure_menu",
    elements: [
      {
        type: "static_select",
        action_id: CURATION.figureMenu,
        placeholder: { type: "plain_text", text: curationCopy.retire.menuPlaceholder },
        option_groups: [
          {
            label: { type: "plain_text", text: curationCopy.retire.menuCorrect },
            options: options("correct"),
          },
          { label: { type: "plain_text", text: curationCopy.retire.menuRetire }, options: options("retire") },
        ],
      },
    ],
  };
}

/**
 * The topic's figures over time, grouped by source (history arrives newest first), retired ones marked. With
 * `curation`, a menu to correct or retire a figure ends it.
 */
export function historyMessage(match: Match, options: { curation?: boolean } = {}): SlackMessage {
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
          .map(
            (c) =>
              copy.history.figureEntry(c.figure.text, c.dateText, joinNames(reportOutlets(c))) +
              (c.claim.provenance
                ? curationCopy.history.provenance(
                    c.claim.provenance.proposed_by,
                    c.claim.provenance.approved_by,
                  )
                : "") +
              (c.claim.retired
                ? curationCopy.history.retiredMark(c.claim.retired.on, c.claim.retired.reason)
                : ""),
          )
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
  const menu = options.curation ? figureMenu(match.history) : null;
  const budget = LIMITS.blocks - blocks.length - 1 - (menu ? 1 : 0);
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
  if (menu) blocks.push(menu);
  return { text: copy.history.fallback(match.topic.title, match.history.length), blocks };
}
