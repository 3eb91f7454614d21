import type { Topic } from "../../claims/schema.ts";
import type { AppDeps } from "../deps.ts";
import { parseQuestion } from "../question.ts";
import { watchCopy as copy } from "../summary-copy.ts";
import type { SubcommandContext, SubcommandHandler } from "./subcommands.ts";

type Resolved = { kind: "topic"; topic: Topic } | { kind: "none"; text: string; suggestions: string[] };

/** A topic id typed exactly, else whatever the matcher makes of the question. */
function resolveTopic(deps: AppDeps, text: string): Resolved {
  const exact = deps.core.topics().find((t) => t.id === text.toLowerCase());
  if (exact) return { kind: "topic", topic: exact };
  const answer = deps.core.ask(text);
  if (answer.match) return { kind: "topic", topic: answer.match.topic };
  return { kind: "none", text, suggestions: answer.suggestions.map((s) => s.topic.title) };
}

const reply = (ctx: SubcommandContext, text: string) =>
  ctx.respond({ response_type: "ephemeral", replace_original: false, text });

async function watchedTitles(deps: AppDeps, channel: string): Promise<string[]> {
  const byId = new Map(deps.core.topics().map((t) => [t.id, t.title]));
  return (await deps.store.watchedTopics(channel)).map((id) => byId.get(id) ?? id);
}

/** `/tally watch <question>`: adds the topic the question matches to this channel's summary. */
export function watchSubcommand(deps: AppDeps): SubcommandHandler {
  return {
    usage: "watch <question>",
    description: "Add the topic of a question to this channel's summary; `watch` alone lists them.",
    async run(ctx) {
      const channel = ctx.command.channel_id;
      const question = parseQuestion(ctx.args);
      if (question.kind === "empty") {
        await reply(ctx, copy.list(await watchedTitles(deps, channel)));
        return;
      }
      if (question.kind !== "question") {
        await reply(ctx, copy.usage);
        return;
      }
      const resolved = resolveTopic(deps, question.text);
      if (resolved.kind === "none") {
        await reply(ctx, copy.noMatch(resolved.text, resolved.suggestions));
        return;
      }
      const { topic } = resolved;
      if ((await deps.store.watchedTopics(channel)).includes(topic.id)) {
        await reply(ctx, copy.alreadyWatching(topic.title));
        return;
      }
      await deps.store.watchTopic(channel, topic.id, deps.now());
      ctx.logger.info("channel watches a topic", { channel, topicId: topic.id });
      await reply(ctx, copy.watching(topic.title, (await deps.store.watchedTopics(channel)).length));
    },
  };
}

/** `/tally unwatch <question or topic>`: takes a topic out of this channel's summary. */
export function unwatchSubcommand(deps: AppDeps): SubcommandHandler {
  return {
    usage: "unwatch <question or topic>",
    description: "Take a topic out of this channel's summary.",
    async run(ctx) {
      const channel = ctx.command.channel_id;
      const question = parseQuestion(ctx.args);
      if (question.kind !== "question") {
        await reply(ctx, copy.unwatchUsage);
        return;
      }
      const watched = await deps.store.watchedTopics(channel);
      const typedId = question.text.toLowerCase();
      // A watched id the index no longer has can still be removed by name.
      const topicId = watched.includes(typedId)
        ? typedId
        : (() => {
            const resolved = resolveTopic(deps, question.text);
            return resolved.kind === "topic" ? resolved.topic.id : null;
          })();
      if (topicId === null || !(await deps.store.unwatchTopic(channel, topicId))) {
        await reply(ctx, copy.notWatched(question.text));
        return;
      }
      const title = deps.core.topics().find((t) => t.id === topicId)?.title ?? topicId;
      ctx.logger.info("channel unwatched a topic", { channel, topicId });
      await reply(ctx, copy.unwatched(title, (await deps.store.watchedTopics(channel)).length));
    },
  };
}
