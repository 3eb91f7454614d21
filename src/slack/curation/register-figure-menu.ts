import type { App, BlockAction, StaticSelectAction } from "@slack/bolt";
import { formatAsOfDate } from "../../figures/format-as-of.ts";
import { formatFigure } from "../../figures/format-figure.ts";
import type { AppDeps } from "../deps.ts";
import { curationCopy as copy } from "./curation-copy.ts";
import { CURATION } from "./curation-ids.ts";
import { openFigureForm, prefillFromClaim } from "./open-figure-form.ts";
import { reasonView } from "./reason-view.ts";
import { tellPresser } from "./register-review.ts";

/**
 * The history's "Correct or retire a figure" menu. Retiring is for curators (asked why, in a modal); anyone may
 * correct, and a correction by someone who is not a curator goes to the review queue like any figure.
 */
export function registerFigureMenu(app: App, deps: AppDeps): void {
  app.action<BlockAction<StaticSelectAction>>(CURATION.figureMenu, async ({ ack, body, action, client }) => {
    await ack();
    const actor = { userId: body.user.id, channelId: body.channel?.id ?? null };
    const logger = deps.logger.child({ surface: "figure-menu", user: actor.userId });
    const [verb, ...rest] = (action.selected_option?.value ?? "").split(":");
    const claimId = rest.join(":");
    const index = deps.core.index();
    const claim = index.claimById.get(claimId);
    const topic = claim ? index.topicById.get(claim.topic) : undefined;
    if (!claim || !topic || claim.retired) {
      await tellPresser(client, actor, claim?.retired ? copy.retire.already : copy.retire.unknown, logger);
      return;
    }
    if (verb === "correct") {
      await openFigureForm(
        client,
        body.trigger_id,
        prefillFromClaim(claim, index),
        { m: "correct", c: claim.id },
        logger,
      );
      return;
    }
    if (verb !== "retire") return;
    if (!(await deps.curation.isCurator(actor.userId, client))) {
      await tellPresser(client, actor, copy.notCurator, logger);
      return;
    }
    const source = index.sourceById.get(claim.source)?.name ?? claim.source;
    await client.views
      .open({
        trigger_id: body.trigger_id,
        view: reasonView(
          { kind: "retire", id: claim.id },
          {
            title: copy.retire.title,
            submit: copy.retire.submit,
            explain: copy.retire.explain(
              formatFigure({ ...claim, unit: topic.unit }),
              source,
              formatAsOfDate(claim.as_of),
              topic.title,
            ),
            label: copy.retire.reasonLabel,
          },
        ),
      })
      .catch((error: unknown) => logger.warn("could not open the retire form", { error }));
  });
}
