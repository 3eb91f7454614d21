import { randomUUID } from "node:crypto";
import type { App, BlockAction, BlockButtonAction, webApi } from "@slack/bolt";
import { z } from "zod";
import { claimPress } from "../actions/claim-press.ts";
import { decodeButtonValue } from "../blocks/button-value.ts";
import { copy as answerCopy } from "../copy.ts";
import type { AppDeps } from "../deps.ts";
import type { ModalView } from "./add-figure-view.ts";
import { curationCopy as copy } from "./curation-copy.ts";
import { CURATION } from "./curation-ids.ts";
import { FIGURE_ACTION } from "./figure-form-ids.ts";
import { openFigureForm } from "./open-figure-form.ts";
import { plainMessage } from "./plain-message.ts";
import { tellAsker, tellPresser } from "./register-review.ts";
import { postDeskQuestion, tellUser } from "./review-posts.ts";

function linkView(questionId: string, question: string): ModalView {
  return {
    type: "modal",
    callback_id: CURATION.linkView,
    private_metadata: questionId,
    title: { type: "plain_text", text: copy.desk.linkTitle },
    submit: { type: "plain_text", text: copy.desk.linkSubmit },
    close: { type: "plain_text", text: "Cancel" },
    blocks: [
      { type: "section", text: { type: "plain_text", text: `“${question.slice(0, 2900)}”` } },
      {
        type: "input",
        block_id: CURATION.linkTopicBlock,
        label: { type: "plain_text", text: copy.desk.linkLabel },
        // The same topic search as the add-figure form: one options handler answers both.
        element: { type: "external_select", action_id: FIGURE_ACTION.topic, min_query_length: 0 },
      },
    ],
  };
}

const LinkValuesSchema = z.object({
  [CURATION.linkTopicBlock]: z.object({
    [FIGURE_ACTION.topic]: z
      .object({ selected_option: z.object({ value: z.string() }).nullish() })
      .passthrough(),
  }),
});

/**
 * "Ask the desk" on an answer Tally could not give: the question goes to the review channel with who asked and
 * where. A curator answers it by linking a topic (the asker gets the answer in a DM at once) or by adding a
 * figure for it (the asker gets it when the figure is approved).
 */
export function registerDeskQuestions(app: App, deps: AppDeps): void {
  app.action<BlockButtonAction>(CURATION.askDesk, async ({ ack, body, action, client }) => {
    await ack();
    const actor = { userId: body.user.id, channelId: body.channel?.id ?? null };
    const logger = deps.logger.child({ surface: "ask-desk", user: actor.userId });
    const value = decodeButtonValue(action.value);
    if (!value) {
      await tellPresser(client, actor, answerCopy.problems.expired, logger);
      return;
    }
    if (!deps.curation.reviewChannel) {
      await tellPresser(client, actor, copy.notConfigured, logger);
      return;
    }
    // Posts in the review channel: once per press, however often its request arrives.
    if (!(await claimPress(deps, { actionTs: action.action_ts, userId: actor.userId }, logger))) return;
    const question = {
      id: `q-${randomUUID().slice(0, 8)}`,
      question: value.q,
      askedBy: actor.userId,
      channel: actor.channelId,
      askedAt: deps.now().toISOString(),
      review: null,
      answer: null,
    };
    await deps.curation.store.saveDeskQuestion(question);
    const posted = await postDeskQuestion(deps, client, question, logger);
    logger.info("question sent to the desk", { question: question.id, posted });
    await tellPresser(client, actor, posted ? copy.desk.sent : answerCopy.problems.failed, logger);
  });

  /** The open desk question a curator's press is about; anyone else, or an answered one, is told why not. */
  const openQuestionFor = async (body: BlockAction, id: string | undefined, client: webApi.WebClient) => {
    const actor = { userId: body.user.id, channelId: body.channel?.id ?? null };
    const logger = deps.logger.child({ surface: "desk-question", user: actor.userId });
    if (!(await deps.curation.isCurator(actor.userId, client))) {
      await tellPresser(client, actor, copy.notCurator, logger);
      return null;
    }
    const question = await deps.curation.store.getDeskQuestion(id ?? "");
    if (!question || question.answer) {
      await tellPresser(client, actor, copy.desk.already, logger);
      return null;
    }
    return { question, logger };
  };

  app.action<BlockButtonAction>(CURATION.deskLink, async ({ ack, body, action, client }) => {
    await ack();
    const open = await openQuestionFor(body, action.value, client);
    if (!open) return;
    const { question, logger } = open;
    await client.views
      .open({ trigger_id: body.trigger_id, view: linkView(question.id, question.question) })
      .catch((error: unknown) => logger.warn("could not open the link form", { error }));
  });

  app.action<BlockButtonAction>(CURATION.deskAdd, async ({ ack, body, action, client }) => {
    await ack();
    const open = await openQuestionFor(body, action.value, client);
    if (!open) return;
    const { question, logger } = open;
    await openFigureForm(
      client,
      body.trigger_id,
      { note: copy.desk.formNote(question.question) },
      { m: "add", a: question.id },
      logger,
    );
  });

  app.view(CURATION.linkView, async ({ ack, body, view, client }) => {
    const values = LinkValuesSchema.safeParse(view.state.values);
    const topicId = values.success
      ? values.data[CURATION.linkTopicBlock][FIGURE_ACTION.topic].selected_option?.value
      : undefined;
    if (!topicId || !deps.core.index().topicById.has(topicId)) {
      await ack({ response_action: "errors", errors: { [CURATION.linkTopicBlock]: copy.desk.pickTopic } });
      return;
    }
    await ack();
    const logger = deps.logger.child({ surface: "desk-question", user: body.user.id });
    if (!(await deps.curation.isCurator(body.user.id, client))) {
      await tellUser(client, body.user.id, plainMessage(copy.notCurator), logger);
      return;
    }
    const answered = await deps.curation.desk.answerQuestion(view.private_metadata, topicId, body.user.id);
    if (!answered) {
      await tellUser(client, body.user.id, plainMessage(copy.desk.already), logger);
      return;
    }
    logger.info("desk question answered", { question: answered.id, topic: topicId });
    await tellAsker(deps, client, answered, logger);
  });
}
