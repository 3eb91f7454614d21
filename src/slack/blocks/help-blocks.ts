import type { Topic } from "../../claims/schema.ts";
import { copy } from "../copy.ts";
import { exampleQuestions } from "../example-questions.ts";
import type { KnownBlock, SlackMessage } from "./block-types.ts";
import { LIMITS, packLines } from "./limits.ts";

export interface CommandUsage {
  usage: string;
  description: string;
}

/** How many example topics the help lists; the key ones (those in the daily summary) first. */
const EXAMPLE_TOPICS = 8;

export function helpMessage(commands: readonly CommandUsage[], topics: readonly Topic[]): SlackMessage {
  const ways = copy.help.ways(exampleQuestions(topics, 2));
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: copy.help.intro } },
    { type: "section", text: { type: "mrkdwn", text: ways.map((w) => `• ${w}`).join("\n") } },
  ];
  const commandLines = [
    copy.help.helpLine,
    ...commands.map((c) => copy.help.commandLine(c.usage, c.description)),
  ];
  for (const chunk of packLines(commandLines, LIMITS.sectionText, copy.help.commandsHeading)) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: chunk.text } });
  }
  if (topics.length > 0) {
    const examples = [...topics.filter((t) => t.key), ...topics.filter((t) => !t.key)].slice(
      0,
      EXAMPLE_TOPICS,
    );
    const lines = examples.map((t) => copy.help.topicLine(t.title));
    const [first] = packLines(lines, LIMITS.sectionText, copy.help.topicsHeading(topics.length));
    if (first) blocks.push({ type: "section", text: { type: "mrkdwn", text: first.text } });
  }
  return { text: copy.help.fallback, blocks };
}
