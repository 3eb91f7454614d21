import type { App, BlockAction, MessageShortcut, PlainTextInputAction, SlackShortcut } from "@slack/bolt";
import { buildProposal } from "../../curation/build-proposal.ts";
import { draftClaims } from "../../curation/draft-claims.ts";
import { topicMatcherOf } from "../../curation/match-topic.ts";
import { parseFigureInput } from "../../curation/parse-figure-input.ts";
import { stripSlackMarkup } from "../../flag/strip-slack-markup.ts";
import type { AppDeps } from "../deps.ts";
import { type OpenView, withFigureReading } from "./add-figure-view.ts";
import { confirmFigureView, readConfirmedForm } from "./confirm-figure-view.ts";
import { curationCopy as copy } from "./curation-copy.ts";
import { CURATION } from "./curation-ids.ts";
import { decodeFlowMeta, encodeFlowMeta } from "./figure-flow-meta.ts";
import { FIGURE_ACTION } from "./figure-form-ids.ts";
import { newProposalId, openFigureForm } from "./open-figure-form.ts";
import { plainMessage } from "./plain-message.ts";
import { prefillFromMessage } from "./prefill-from-draft.ts";
import { proposalErrorsByBlock, readFigureForm } from "./read-figure-form.ts";
import { tellUser } from "./review-posts.ts";
import { sendProposal } from "./send-proposal.ts";

/** Slack's limits on an options list for an external select. */
const MAX_OPTIONS = 100;
const OPTION_TEXT = 75;

const option = (text: string, value: string) => ({
  text: {
    type: "plain_text" as const,
    text: text.length > OPTION_TEXT ? `${text.slice(0, OPTION_TEXT - 1)}…` : text,
  },
  value,
});

/**
 * The add-figure modal: opened by `/tally add`, the global shortcut, the "Add figure to Tally" message shortcut
 * (prefilled from the message by the drafting core), Edit in the review queue and Correct in a history. Its
 * pickers search the index; Enter in the figure field shows how Tally reads it; Check validates every field and
 * pushes a check-before-sending view, whose submission sends the figure to the desk.
 */
export function registerFigureForm(app: App, deps: AppDeps): void {
  app.options<"block_suggestion">(FIGURE_ACTION.topic, async ({ options, ack }) => {
    const topics = deps.core.searchTopics(options.value ?? "", MAX_OPTIONS);
    await ack({ options: topics.map((t) => option(t.title, t.id)) });
  });

  app.options<"block_suggestion">(FIGURE_ACTION.source, async ({ options, ack }) => {
    const q = (options.value ?? "").trim().toLowerCase();
    const sources = [...deps.core.index().sourceById.values()].filter(
      (s) => q === "" || [s.name, ...s.aliases].some((n) => n.toLowerCase().includes(q)),
    );
    await ack({ options: sources.slice(0, MAX_OPTIONS).map((s) => option(s.name, s.id)) });
  });

  app.action<BlockAction<PlainTextInputAction>>(
    FIGURE_ACTION.figure,
    async ({ ack, body, action, client }) => {
      await ack();
      if (!body.view) return;
      const view = body.view as unknown as OpenView & { id: string; hash?: string };
      try {
        await client.views.update({
          view_id: view.id,
          ...(view.hash ? { hash: view.hash } : {}),
          view: withFigureReading(view, parseFigureInput(action.value ?? "")),
        });
      } catch (error) {
        // A stale hash means the person typed on: the next Enter shows the reading.
        deps.logger.debug("could not show a figure's reading", { error });
      }
    },
  );

  app.shortcut<SlackShortcut>(CURATION.globalShortcut, async ({ ack, shortcut, client }) => {
    await ack();
    const logger = deps.logger.child({ surface: "shortcut", user: shortcut.user.id });
    if (!deps.curation.reviewChannel) {
      await tellUser(client, shortcut.user.id, plainMessage(copy.notConfigured), logger);
      return;
    }
    await openFigureForm(client, shortcut.trigger_id, {}, { m: "add" }, logger);
  });

  app.shortcut<MessageShortcut>(CURATION.messageShortcut, async ({ ack, shortcut, client }) => {
    await ack();
    const logger = deps.logger.child({ surface: "message-shortcut", user: shortcut.user.id });
    if (!deps.curation.reviewChannel) {
      await tellUser(client, shortcut.user.id, plainMessage(copy.notConfigured), logger);
      return;
    }
    const text = shortcut.message.text ?? "";
    const stripped = stripSlackMarkup(text);
    const postedAt = new Date(Number.parseFloat(shortcut.message.ts) * 1000);
    const index = deps.core.index();
    const drafts = draftClaims(
      { text: stripped.text, published: postedAt.toISOString().slice(0, 10) },
      {
        index,
        now: deps.now(),
        matchTopic: topicMatcherOf(deps.core),
      },
    );
    // The permalink is the document when the message links nowhere; a failure leaves it out, not the form.
    const permalink = await client.chat
      .getPermalink({ channel: shortcut.channel.id, message_ts: shortcut.message.ts })
      .then((r) => r.permalink ?? null)
      .catch(() => null);
    const prefill = prefillFromMessage({
      text,
      permalink,
      links: stripped.links,
      channelName: shortcut.channel.name,
      postedAt,
      draft: drafts[0] ?? null,
      index,
    });
    const opened = await openFigureForm(
      client,
      shortcut.trigger_id,
      prefill,
      { m: "add", o: { channel: shortcut.channel.id, ts: shortcut.message.ts, permalink } },
      logger,
    );
    if (!opened) await tellUser(client, shortcut.user.id, plainMessage(copy.openFailed), logger);
  });

  app.view(CURATION.addView, async ({ ack, body, view }) => {
    const meta = decodeFlowMeta(view.private_metadata) ?? { m: "add" as const };
    const index = deps.core.index();
    const read = readFigureForm(view.state.values, index, parseFigureInput);
    if (!read.ok) {
      await ack({ response_action: "errors", errors: read.errors });
      return;
    }
    // Checked now, field by field, because the check-before-sending view has no fields to show errors on.
    const built = buildProposal(read.form, index, {
      id: meta.p ?? "p-check",
      proposedBy: body.user.id,
      now: deps.now(),
      origin: null,
      corrects: meta.c ?? null,
      answers: meta.a ?? null,
    });
    if (!built.ok) {
      await ack({ response_action: "errors", errors: proposalErrorsByBlock(built.errors) });
      return;
    }
    await ack({
      response_action: "push",
      view: confirmFigureView(read.form, index, {
        callbackId: CURATION.confirmView,
        carry: encodeFlowMeta(meta),
      }),
    });
  });

  app.view(CURATION.confirmView, async ({ ack, body, view, client }) => {
    // Closes both views at once; the rest is told by message, so nothing waits on Slack's 3 seconds.
    await ack({ response_action: "clear" });
    const user = body.user.id;
    const logger = deps.logger.child({ surface: "add-figure", user });
    const confirmed = readConfirmedForm(view.private_metadata);
    const meta = confirmed.ok ? decodeFlowMeta(confirmed.carry) : null;
    if (!confirmed.ok || !meta) {
      logger.warn("a figure form came back unreadable", { error: confirmed.ok ? "carry" : confirmed.error });
      await tellUser(client, user, plainMessage(copy.openFailed), logger);
      return;
    }
    await sendProposal(
      deps,
      client,
      { form: confirmed.form, meta, user, id: meta.p ?? newProposalId() },
      logger,
    );
  });
}
