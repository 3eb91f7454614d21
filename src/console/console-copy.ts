import type { Topic } from "../claims/schema.ts";
import { exampleQuestions } from "../slack/example-questions.ts";

/** What the local console prints around Tally's own replies. */
export const consoleCopy = {
  /** The instructions, with example questions taken from the index it has loaded. */
  banner: (topics: readonly Topic[]) => {
    const [first = "<question>", second = first, third = second] = exampleQuestions(topics, 3);
    return [
      `Tally local console: a pretend Slack workspace with Tally installed (${topics.length} topics loaded).`,
      "You are @you in #newsroom. Try:",
      `  /tally ${first}`,
      `  @tally ${second}`,
      `  dm: ${third}      (a direct message to Tally)`,
      "  /tally help        (what Tally knows about)",
      "  any other line is a plain message in #newsroom",
      "Press a button with !N (e.g. !1). :help shows this again; Ctrl-D or :quit leaves.",
    ].join("\n");
  },
  prompt: "you> ",
  heading: {
    ephemeral: "Tally (only you can see this):",
    channel: "Tally in #newsroom:",
    thread: "Tally, in the thread:",
    dm: "Tally, in your DM:",
    updated: "Tally updated its message:",
  },
  deleted: "(Tally removed a message)",
  reaction: (name: string, added: boolean) =>
    `(Tally ${added ? "reacted with" : "removed its"} :${name}: ${added ? "to" : "from"} a message)`,
  pin: (pinned: boolean) => (pinned ? "(Tally pinned a message in #newsroom)" : "(Tally unpinned a message)"),
  /** Modals need Slack: say what would open there, and what works here instead. */
  view: (title: string) =>
    `(In Slack, Tally would open the form “${title}” here. Forms need Slack; from a terminal, \`npm run claims -- draft ARTICLE.txt\` drafts claims from an article.)`,
  noReply: "(no reply)",
  unknownButton: (n: string) => `There is no button [${n}] (buttons are numbered as they appear).`,
  goneButton: "That message is gone, so its buttons are too.",
  unknownCommand: (name: string) => `Only /tally is installed in this workspace, not ${name}.`,
  pressed: (label: string) => `(you pressed “${label}”)`,
  bye: "Bye.",
} as const;
