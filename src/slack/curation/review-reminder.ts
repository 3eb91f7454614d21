import type { App, BlockButtonAction, webApi } from "@slack/bolt";
import type { TopicReview } from "../../answer/topic-review.ts";
import type { Topic } from "../../claims/schema.ts";
import { localTime } from "../../schedule/local-time.ts";
import type { KnownBlock, SlackMessage } from "../blocks/block-types.ts";
import { cutToFit, LIMITS } from "../blocks/limits.ts";
import type { AppDeps } from "../deps.ts";
import { curationCopy as copy } from "./curation-copy.ts";
import { CURATION } from "./curation-ids.ts";
import { listCurators } from "./curators.ts";
import { tellPresser } from "./register-review.ts";
import { tellUser } from "./review-posts.ts";

/** When curators hear about topics past their review interval (local time, TALLY_TZ), and how many at most. */
export const REMINDER = { at: "09:00", tickMs: 10 * 60_000, maxTopics: 20 } as const;

/** The daily reminder: each due topic with its "Still right" button, most overdue first. */
export function reminderMessage(due: ReadonlyArray<{ topic: Topic; review: TopicReview }>): SlackMessage {
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: copy.reminder.heading } },
    { type: "context", elements: [{ type: "mrkdwn", text: copy.reminder.intro(due.length) }] },
  ];
  for (const { topic, review } of due.slice(0, REMINDER.maxTopics)) {
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: cutToFit(
          copy.reminder.line(topic.title, review.daysSince, review.reviewDays),
          LIMITS.sectionText,
        ),
      },
      accessory: {
        type: "button",
        text: { type: "plain_text", text: copy.reminder.checked },
        action_id: CURATION.checkTopic,
        value: topic.id,
      },
    });
  }
  if (due.length > REMINDER.maxTopics)
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: copy.reminder.more(due.length - REMINDER.maxTopics) }],
    });
  return { text: copy.reminder.fallback(due.length), blocks };
}

export type ReminderOutcome = "sent" | "not-yet" | "already-sent" | "none-due" | "no-curators";

/**
 * Once a day, from REMINDER.at local time on: claims the day (so one instance of several sends it), then tells
 * every curator which topics are past their review interval. A day with none due sends nothing.
 */
export async function remindCurators(deps: AppDeps, client: webApi.WebClient): Promise<ReminderOutcome> {
  const { curators } = deps.config;
  if (curators.users.length === 0 && curators.groups.length === 0) return "no-curators";
  const now = deps.now();
  const local = localTime(now, deps.config.timeZone);
  if (local.time < REMINDER.at) return "not-yet";
  if (!(await deps.curation.store.claimReminderDay(local.day, now))) return "already-sent";
  const due = deps.core.dueForReview();
  const logger = deps.logger.child({ surface: "review-reminder", day: local.day });
  if (due.length === 0) return "none-due";
  const message = reminderMessage(due);
  const people = await listCurators(curators, client, logger);
  for (const user of people) await tellUser(client, user, message, logger);
  logger.info("reminded curators of topics due for review", { topics: due.length, curators: people.length });
  return "sent";
}

/** Runs `remindCurators` every REMINDER.tickMs until stopped; a failure is logged and tried again next tick. */
export function startReviewReminders(deps: AppDeps, client: webApi.WebClient): { stop(): void } {
  const tick = () => {
    remindCurators(deps, client).catch((error: unknown) =>
      deps.logger.warn("review reminder failed", { error }),
    );
  };
  const handle = setInterval(tick, REMINDER.tickMs);
  handle.unref();
  tick();
  return { stop: () => clearInterval(handle) };
}

/** "Still right" on a reminder: a curator's check resets the topic's review clock. */
export function registerTopicChecks(app: App, deps: AppDeps): void {
  app.action<BlockButtonAction>(CURATION.checkTopic, async ({ ack, body, action, client }) => {
    await ack();
    const actor = { userId: body.user.id, channelId: body.channel?.id ?? null };
    const logger = deps.logger.child({ surface: "topic-check", user: actor.userId });
    if (!(await deps.curation.isCurator(actor.userId, client))) {
      await tellPresser(client, actor, copy.notCurator, logger);
      return;
    }
    const topic = deps.core.index().topicById.get(action.value ?? "");
    if (!topic || !(await deps.curation.desk.checkTopic(topic.id, actor.userId))) {
      await tellPresser(client, actor, copy.retire.unknown, logger);
      return;
    }
    logger.info("topic checked", { topic: topic.id });
    await tellPresser(client, actor, copy.reminder.checkedDone(actor.userId, topic.title), logger);
  });
}
