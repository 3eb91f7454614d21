import type { App, BlockAction, BlockButtonAction, webApi } from "@slack/bolt";
import type { DecideResult } from "../../curation/curation-desk.ts";
import { describeProposal } from "../../curation/describe-proposal.ts";
import type { DeskQuestion, Proposal } from "../../curation/proposal.ts";
import type { Logger } from "../../log/logger.ts";
import type { AppDeps } from "../deps.ts";
import { replyForAnswer } from "../reply-for-answer.ts";
import { curationCopy as copy } from "./curation-copy.ts";
import { CURATION } from "./curation-ids.ts";
import { openFigureForm, prefillFromProposal } from "./open-figure-form.ts";
import { plainMessage } from "./plain-message.ts";
import { readReason, reasonView } from "./reason-view.ts";
import { tellUser, updateDeskQuestion, updateReview } from "./review-posts.ts";

/** Who acted, and where: a button press has a channel, a modal submission does not. */
export interface Actor {
  userId: string;
  channelId: string | null;
}

const actorOf = (body: BlockAction): Actor => ({ userId: body.user.id, channelId: body.channel?.id ?? null });

/** Tells the person who acted, and only them: in the channel they pressed in, else in a DM. */
export async function tellPresser(
  client: webApi.WebClient,
  actor: Actor,
  text: string,
  logger: Logger,
): Promise<void> {
  const channel = actor.channelId;
  try {
    if (channel) await client.chat.postEphemeral({ channel, user: actor.userId, text });
    else await tellUser(client, actor.userId, plainMessage(text), logger);
  } catch (error) {
    logger.warn("could not tell a user", { error });
  }
}

/** The asker of a desk question hears the answer: the topic's full answer, as /tally would give it. */
export async function tellAsker(
  deps: AppDeps,
  client: webApi.WebClient,
  question: DeskQuestion,
  logger: Logger,
): Promise<void> {
  if (!question.answer) return;
  const answer = deps.core.answerTopic(question.answer.topicId);
  if (!answer) return;
  const reply = replyForAnswer(answer, {
    surface: "visible",
    question: question.question,
    staleDays: deps.config.staleDays,
  });
  const lead = copy.told.answered(question.question, question.answer.by);
  await tellUser(
    client,
    question.askedBy,
    { text: `${lead}\n${reply.text}`, blocks: [plainMessage(lead).blocks[0], ...reply.blocks].slice(0, 50) },
    logger,
  );
  await updateDeskQuestion(deps, client, question, logger);
}

/** After a decision: the queue message shows it, the proposer is told, and a desk question is answered. */
async function afterDecision(
  deps: AppDeps,
  client: webApi.WebClient,
  actor: Actor,
  result: DecideResult,
  logger: Logger,
): Promise<void> {
  if (result.kind === "unknown") {
    await tellPresser(client, actor, copy.review.unknown, logger);
    return;
  }
  const p: Proposal = result.proposal;
  if (result.kind === "already-decided") {
    await tellPresser(
      client,
      actor,
      copy.review.alreadyDecided(p.status, p.decision?.by ?? "someone"),
      logger,
    );
    return;
  }
  await updateReview(deps, client, p, logger);
  const d = describeProposal(p, deps.core.index());
  const by = p.decision?.by ?? actor.userId;
  if (result.notTaken.length > 0 && result.notTaken[0]) {
    await tellPresser(client, actor, copy.review.notTaken(result.notTaken[0].message), logger);
  }
  if (d) {
    const told =
      p.status === "approved"
        ? copy.told.approved(d.topicTitle, d.figureText, by)
        : copy.told.rejected(d.topicTitle, d.figureText, by, p.decision?.reason ?? null);
    await tellUser(client, p.proposedBy, plainMessage(told), logger);
  }
  if (result.answered) await tellAsker(deps, client, result.answered, logger);
}

/** Approve, Edit and Reject on the review queue: curators only; anyone else is told so, just to them. */
export function registerReview(app: App, deps: AppDeps): void {
  const guard = async (body: BlockAction, client: webApi.WebClient, logger: Logger): Promise<boolean> => {
    if (await deps.curation.isCurator(body.user.id, client)) return true;
    logger.info("a non-curator pressed a curator's button");
    await tellPresser(client, actorOf(body), copy.notCurator, logger);
    return false;
  };

  /** The pending proposal a curator's press is about; anyone else, or a decided one, is told why not. */
  const pendingFor = async (
    body: BlockAction,
    id: string | undefined,
    client: webApi.WebClient,
    logger: Logger,
  ): Promise<Proposal | null> => {
    if (!(await guard(body, client, logger))) return null;
    const proposal = await deps.curation.store.getProposal(id ?? "");
    if (proposal?.status === "pending") return proposal;
    const result: DecideResult = proposal ? { kind: "already-decided", proposal } : { kind: "unknown" };
    await afterDecision(deps, client, actorOf(body), result, logger);
    return null;
  };

  app.action<BlockButtonAction>(CURATION.approve, async ({ ack, body, action, client }) => {
    await ack();
    const logger = deps.logger.child({ surface: "review", user: body.user.id, proposal: action.value });
    if (!(await guard(body, client, logger))) return;
    const result = await deps.curation.desk.approve(action.value ?? "", body.user.id);
    logger.info("proposal approved", { result: result.kind });
    await afterDecision(deps, client, actorOf(body), result, logger);
  });

  app.action<BlockButtonAction>(CURATION.reject, async ({ ack, body, action, client }) => {
    await ack();
    const logger = deps.logger.child({ surface: "review", user: body.user.id, proposal: action.value });
    const proposal = await pendingFor(body, action.value, client, logger);
    if (!proposal) return;
    const d = describeProposal(proposal, deps.core.index());
    await client.views
      .open({
        trigger_id: body.trigger_id,
        view: reasonView(
          { kind: "reject", id: proposal.id },
          {
            title: "Reject the figure",
            submit: copy.review.reject,
            explain: d ? copy.review.figure(d.figureText, d.asOfText) : proposal.figureText,
            label: "Why (the proposer is told)",
          },
        ),
      })
      .catch((error: unknown) => logger.warn("could not open the reject form", { error }));
  });

  app.action<BlockButtonAction>(CURATION.edit, async ({ ack, body, action, client }) => {
    await ack();
    const logger = deps.logger.child({ surface: "review", user: body.user.id, proposal: action.value });
    const proposal = await pendingFor(body, action.value, client, logger);
    if (!proposal) return;
    await openFigureForm(
      client,
      body.trigger_id,
      prefillFromProposal(proposal, deps.core.index()),
      { m: "edit", p: proposal.id },
      logger,
    );
  });

  // One modal for both "why" questions: rejecting a proposal and retiring a figure.
  app.view(CURATION.retireView, async ({ ack, body, view, client }) => {
    await ack();
    const logger = deps.logger.child({ surface: "reason", user: body.user.id });
    const read = readReason(view.private_metadata, view.state.values);
    if (!read) return;
    if (!(await deps.curation.isCurator(body.user.id, client))) {
      await tellUser(client, body.user.id, plainMessage(copy.notCurator), logger);
      return;
    }
    if (read.target.kind === "reject") {
      const result = await deps.curation.desk.reject(read.target.id, body.user.id, read.reason);
      logger.info("proposal rejected", { proposal: read.target.id, result: result.kind });
      await afterDecision(deps, client, { userId: body.user.id, channelId: null }, result, logger);
      return;
    }
    const claim = deps.core.index().claimById.get(read.target.id);
    const result = await deps.curation.desk.retire(read.target.id, body.user.id, read.reason);
    logger.info("figure retired", { claim: read.target.id, result: result.kind });
    const topic = claim ? deps.core.index().topicById.get(claim.topic) : undefined;
    const text =
      result.kind === "retired" && claim && topic
        ? copy.retire.done(describeFigure(claim, topic.unit), topic.title)
        : result.kind === "already-retired"
          ? copy.retire.already
          : copy.retire.unknown;
    await tellUser(client, body.user.id, plainMessage(text), logger);
  });
}

import type { Claim } from "../../claims/schema.ts";
import { formatFigure } from "../../figures/format-figure.ts";

const describeFigure = (claim: Claim, unit: string): string => formatFigure({ ...claim, unit });
