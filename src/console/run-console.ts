import { createInterface } from "node:readline";
import { createApp } from "../slack/app.ts";
import { createDeliveryClient } from "../slack/delivery/delivery-client.ts";
import { createReplyDelivery } from "../slack/delivery/reply-delivery.ts";
import type { AppDeps } from "../slack/deps.ts";
import { consoleCopy } from "./console-copy.ts";
import { CONSOLE } from "./console-identity.ts";
import { ConsoleReceiver } from "./console-receiver.ts";
import { type FakeMessage, FakeSlackWorkspace, type WorkspaceChange } from "./fake-slack-workspace.ts";
import { type RenderedButton, renderBlocks } from "./render-blocks.ts";
import { blockActionsBody, encodeTyped, eventBody, slashCommandBody } from "./synthesize-payloads.ts";
import { workspaceFetch } from "./workspace-fetch.ts";

export interface ConsoleOptions {
  /** Everything but delivery, which the console points at its own workspace. */
  deps: Omit<AppDeps, "delivery">;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** ANSI bold/dim, for a terminal. */
  color: boolean;
  /** A person at a terminal: show a prompt. Otherwise (piped input) each line is echoed instead. */
  interactive: boolean;
}

interface NumberedButton {
  message: FakeMessage;
  /** Which rendering of the message the number belongs to: an updated message gets new numbers. */
  generation: number;
  button: RenderedButton;
}

const MENTION = /^@tally\b[:,]?\s*/i;
const DM = /^dm:\s*/i;
const PRESS = /^!(\d+)$/;

/**
 * The local console: the real Bolt app wired to an in-process fake Slack, driven by lines typed at a
 * prompt. Resolves when the input ends (Ctrl-D) or the user types :quit.
 */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { deps, output, color } = options;
  const write = (text: string) => {
    output.write(`${text}\n`);
  };
  const names: Record<string, string> = { [CONSOLE.botUserId]: "tally", [CONSOLE.userId]: CONSOLE.userName };
  const buttons = new Map<number, NumberedButton>();
  const generations = new Map<FakeMessage, number>();
  let buttonCount = 0;
  let changes = 0;

  const render = (heading: string, message: FakeMessage) => {
    const generation = (generations.get(message) ?? 0) + 1;
    generations.set(message, generation);
    const body = renderBlocks(message.blocks, message.text, {
      color,
      names,
      numberButton: (button) => {
        buttonCount++;
        buttons.set(buttonCount, { message, generation, button });
        return buttonCount;
      },
    });
    write(`${heading}\n${body}`);
  };

  const headingFor = (message: FakeMessage): string => {
    if (message.ephemeralTo) return consoleCopy.heading.ephemeral;
    if (message.channel.startsWith("D")) return consoleCopy.heading.dm;
    return message.threadTs ? consoleCopy.heading.thread : consoleCopy.heading.channel;
  };

  const onChange = (change: WorkspaceChange) => {
    changes++;
    switch (change.kind) {
      case "posted":
        render(headingFor(change.message), change.message);
        break;
      case "updated":
        render(consoleCopy.heading.updated, change.message);
        break;
      case "deleted":
        write(consoleCopy.deleted);
        break;
      case "reaction":
        write(consoleCopy.reaction(change.name, change.added));
        break;
      case "pin":
        write(consoleCopy.pin(change.pinned));
        break;
      case "view":
        write(consoleCopy.view(change.title));
        break;
    }
  };

  const workspace = new FakeSlackWorkspace({
    teamId: CONSOLE.teamId,
    botUserId: CONSOLE.botUserId,
    botId: CONSOLE.botId,
    onChange,
  });
  const receiver = new ConsoleReceiver();
  const fetch = workspaceFetch(workspace, CONSOLE);
  const delivery = createReplyDelivery({
    client: createDeliveryClient({
      botToken: "xoxb-console",
      apiUrl: CONSOLE.apiBase,
      logger: deps.logger,
      fetch,
    }),
    logger: deps.logger,
    now: deps.now,
  });
  createApp(
    { ...deps, delivery },
    {
      botToken: "xoxb-console",
      identity: { botUserId: CONSOLE.botUserId, botId: CONSOLE.botId },
      transport: { kind: "receiver", receiver },
      apiUrl: CONSOLE.apiBase,
      clientOptions: { fetch },
    },
  );

  let eventCount = 0;
  const deliverEvent = (event: Record<string, unknown>) => {
    eventCount++;
    return receiver.deliver(eventBody(`Ev${String(eventCount).padStart(8, "0")}`, event));
  };

  const typeMessage = async (
    channel: string,
    channelType: "channel" | "im",
    text: string,
    mention: boolean,
  ): Promise<boolean> => {
    const message = workspace.addUserMessage(channel, CONSOLE.userId, text);
    const base = { user: CONSOLE.userId, text, ts: message.ts, event_ts: message.ts, channel };
    // Slack sends both for a mention in a channel the app reads: app_mention, and the message itself.
    if (mention) await deliverEvent({ type: "app_mention", ...base });
    await deliverEvent({ type: "message", channel_type: channelType, ...base });
    return true;
  };

  /** Each of these returns whether something was delivered to the app (and so a reply was possible). */
  const press = async (n: string): Promise<boolean> => {
    const numbered = buttons.get(Number(n));
    if (!numbered) {
      write(consoleCopy.unknownButton(n));
      return false;
    }
    const { message, button } = numbered;
    if (message.deleted || generations.get(message) !== numbered.generation) {
      write(consoleCopy.goneButton);
      return false;
    }
    write(consoleCopy.pressed(button.label));
    const responseId = workspace.registerResponseTarget({
      channel: message.channel,
      user: CONSOLE.userId,
      messageTs: message.ts,
      threadTs: message.threadTs,
    });
    const isEphemeral = message.ephemeralTo !== undefined;
    await receiver.deliver(
      blockActionsBody(
        {
          channel: message.channel,
          messageTs: message.ts,
          threadTs: message.threadTs,
          isEphemeral,
          message: isEphemeral
            ? undefined
            : {
                type: "message",
                ts: message.ts,
                text: message.text,
                blocks: message.blocks,
                user: message.user,
                bot_id: CONSOLE.botId,
                ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
              },
          actionId: button.actionId,
          blockId: button.blockId,
          value: button.value,
          label: button.label,
        },
        `${CONSOLE.responseBase}${responseId}`,
      ),
    );
    return true;
  };

  const slashCommand = async (line: string): Promise<boolean> => {
    const [name = "", ...rest] = line.split(/\s+/);
    if (name.toLowerCase() !== "/tally") {
      write(consoleCopy.unknownCommand(name));
      return false;
    }
    const responseId = workspace.registerResponseTarget({ channel: CONSOLE.channelId, user: CONSOLE.userId });
    const acked = await receiver.deliver(
      slashCommandBody("/tally", rest.join(" "), `${CONSOLE.responseBase}${responseId}`),
    );
    // A command may answer in its ack instead of through the response_url.
    if (acked !== undefined && acked !== "") {
      const body = typeof acked === "string" ? { text: acked } : (acked as Record<string, unknown>);
      workspace.respond(responseId, body);
    }
    return true;
  };

  /** One typed line; false when the user asked to leave. */
  const handle = async (line: string): Promise<boolean> => {
    const text = line.trim();
    if (text === "") return true;
    if (text === ":quit" || text === ":q") return false;
    if (text === ":help") {
      write(consoleCopy.banner(deps.core.topics()));
      return true;
    }
    const before = changes;
    const pressed = PRESS.exec(text);
    let delivered = false;
    try {
      if (pressed) delivered = await press(pressed[1] ?? "");
      else if (text.startsWith("/")) delivered = await slashCommand(text);
      else if (MENTION.test(text)) {
        const question = encodeTyped(text.replace(MENTION, ""));
        delivered = await typeMessage(
          CONSOLE.channelId,
          "channel",
          `<@${CONSOLE.botUserId}> ${question}`,
          true,
        );
      } else if (DM.test(text)) {
        delivered = await typeMessage(CONSOLE.dmChannelId, "im", encodeTyped(text.replace(DM, "")), false);
      } else delivered = await typeMessage(CONSOLE.channelId, "channel", encodeTyped(text), false);
    } catch (error) {
      deps.logger.error("the console could not deliver that", { error });
    }
    if (delivered && changes === before) write(consoleCopy.noReply);
    return true;
  };

  write(consoleCopy.banner(deps.core.topics()));
  const rl = createInterface({ input: options.input, output: options.output, terminal: options.interactive });
  rl.on("SIGINT", () => rl.close());
  rl.setPrompt(consoleCopy.prompt);
  if (options.interactive) rl.prompt();
  for await (const line of rl) {
    if (!options.interactive) write(`${consoleCopy.prompt}${line}`);
    if (!(await handle(line))) break;
    if (options.interactive) rl.prompt();
  }
  rl.close();
  // Every reply was awaited above; this ends the lanes' pacing waits, so the process can exit at once.
  await delivery.drain(new Date());
  write(consoleCopy.bye);
}
