import { z } from "zod";
import { draftClaims } from "../../curation/draft-claims.ts";
import { groupGaps } from "../../curation/group-gaps.ts";
import { topicMatcherOf } from "../../curation/match-topic.ts";
import { formatAsOfDate } from "../../figures/format-as-of.ts";
import { Vocabulary } from "../../match/vocabulary.ts";
import type { KnownBlock } from "../blocks/block-types.ts";
import { cutToFit, LIMITS, packLines } from "../blocks/limits.ts";
import type { SubcommandHandler } from "../commands/subcommands.ts";
import type { AppDeps } from "../deps.ts";
import { slackTextToPlain } from "../slack-text.ts";
import { curationCopy as copy } from "./curation-copy.ts";
import { openFigureForm } from "./open-figure-form.ts";

/** How far back `/tally gaps` looks by default, and at most. */
const GAPS_DAYS = { default: 30, max: 365 } as const;

/**
 * `/tally add [figure as written …]`: opens the add-figure modal; words after `add` are drafted into it as a
 * message shortcut's text would be ("/tally add Health ministry says 1,204 dead as of Monday").
 */
export function addSubcommand(deps: AppDeps): SubcommandHandler {
  return {
    usage: "add [what the source says]",
    description: "Propose a figure for the index; the research desk reviews it.",
    async run({ args, command, respond, client, logger }) {
      if (!deps.curation.reviewChannel) {
        await respond({ response_type: "ephemeral", replace_original: false, text: copy.notConfigured });
        return;
      }
      const text = slackTextToPlain(args).trim();
      const draft =
        text === ""
          ? undefined
          : draftClaims(
              { text, published: deps.now().toISOString().slice(0, 10) },
              {
                index: deps.core.index(),
                now: deps.now(),
                matchTopic: topicMatcherOf(deps.core),
              },
            )[0];
      const index = deps.core.index();
      const topicId = draft && "id" in draft.topic ? draft.topic.id : undefined;
      const topic = topicId ? index.topicById.get(topicId) : undefined;
      const sourceId = draft?.source && "id" in draft.source ? draft.source.id : undefined;
      const source = sourceId ? index.sourceById.get(sourceId) : undefined;
      const prefill = draft
        ? {
            figureText: draft.figureText,
            quote: draft.sentence,
            ...(draft.asOf?.length === 10 ? { asOf: draft.asOf } : {}),
            ...(topic ? { topic: { id: topic.id, title: topic.title } } : {}),
            ...(source ? { source: { id: source.id, name: source.name } } : {}),
            ...(draft.source && "name" in draft.source ? { newSourceName: draft.source.name } : {}),
          }
        : {};
      const opened = await openFigureForm(client, command.trigger_id, prefill, { m: "add" }, logger);
      if (!opened)
        await respond({ response_type: "ephemeral", replace_original: false, text: copy.openFailed });
    },
  };
}

const DaysSchema = z.union([
  z.literal("").transform(() => GAPS_DAYS.default),
  z.coerce.number().int().min(1).max(GAPS_DAYS.max),
]);

/** `/tally gaps [days]`: what reporters asked that the index could not answer, grouped, most asked first. */
export function gapsSubcommand(deps: AppDeps): SubcommandHandler {
  return {
    usage: "gaps [days]",
    description: "For curators: questions the index could not answer, and answers marked “Not what I asked”.",
    accepts: (args) => /^\d*$/.test(args.trim()),
    async run({ args, command, respond, client }) {
      const ephemeral = (text: string, blocks?: KnownBlock[]) =>
        respond({ response_type: "ephemeral", replace_original: false, text, ...(blocks ? { blocks } : {}) });
      if (!(await deps.curation.isCurator(command.user_id, client))) {
        await ephemeral(copy.notCurator);
        return;
      }
      const days = DaysSchema.safeParse(args.trim());
      const span = days.success ? days.data : GAPS_DAYS.default;
      const since = new Date(deps.now().getTime() - span * 24 * 60 * 60 * 1000);
      const gaps = await deps.curation.store.gapsSince(since);
      const groups = groupGaps(gaps, { vocabulary: new Vocabulary(deps.core.index().concepts) });
      if (groups.length === 0) {
        await ephemeral(copy.gaps.none(span));
        return;
      }
      const lines = groups.map((g) =>
        copy.gaps.line({
          wording: g.wording,
          count: g.count,
          askers: g.askers.length,
          noMatch: g.kinds.noMatch,
          notWhat: g.kinds.notWhatIAsked,
          last: formatAsOfDate(g.lastAt.slice(0, 10)),
        }),
      );
      const blocks: KnownBlock[] = [
        { type: "header", text: { type: "plain_text", text: copy.gaps.heading } },
        { type: "context", elements: [{ type: "mrkdwn", text: copy.gaps.intro(span, gaps.length) }] },
      ];
      const chunks = packLines(lines, LIMITS.sectionText);
      const room = LIMITS.blocks - blocks.length - 1;
      let shown = 0;
      for (const chunk of chunks.slice(0, room)) {
        blocks.push({
          type: "section",
          text: { type: "mrkdwn", text: cutToFit(chunk.text, LIMITS.sectionText) },
        });
        shown += chunk.lines;
      }
      if (shown < groups.length)
        blocks.push({
          type: "context",
          elements: [{ type: "mrkdwn", text: copy.gaps.more(groups.length - shown) }],
        });
      await ephemeral(copy.gaps.fallback(groups.length), blocks);
    },
  };
}
