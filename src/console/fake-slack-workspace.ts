/**
 * A small, in-memory Slack workspace that answers the Web API methods Tally uses and the response_url
 * posts Bolt's respond() makes. The local console talks to it in-process; the e2e tests' fake server
 * puts it behind HTTP. It keeps the messages so they can be shown (console) or asserted on (tests).
 */

export interface FakeMessage {
  channel: string;
  ts: string;
  threadTs: string | undefined;
  /** Who posted it: the bot's user id, or a person's. */
  user: string;
  text: string;
  blocks: unknown[];
  /** Set for ephemeral messages: the only user who sees it. */
  ephemeralTo: string | undefined;
  deleted: boolean;
}

export type WorkspaceChange =
  | { kind: "posted"; message: FakeMessage }
  | { kind: "updated"; message: FakeMessage }
  | { kind: "deleted"; message: FakeMessage }
  | { kind: "reaction"; channel: string; ts: string; name: string; added: boolean }
  | { kind: "pin"; channel: string; ts: string; pinned: boolean }
  /** A modal opened (views.open/push): its title, for the console to say what would appear in Slack. */
  | { kind: "view"; title: string };

/** Where a response_url's posts go: the conversation, the user who acted, and the message acted on. */
export interface ResponseTarget {
  channel: string;
  user: string;
  /** The message a button was pressed on (absent for a slash command). */
  messageTs?: string | undefined;
  threadTs?: string | undefined;
}

export interface FakeWorkspaceOptions {
  teamId: string;
  botUserId: string;
  botId: string;
  onChange?: (change: WorkspaceChange) => void;
}

type Result = Record<string, unknown> & { ok: boolean };

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const truthy = (v: unknown): boolean => v === true || v === "true" || v === "1";

export class FakeSlackWorkspace {
  readonly messages: FakeMessage[] = [];
  readonly pins = new Set<string>();
  private clock = 1_700_000_000;
  private tick = 0;
  private responseTargets = new Map<string, ResponseTarget>();
  private responseCounter = 0;

  constructor(private readonly options: FakeWorkspaceOptions) {}

  get botUserId(): string {
    return this.options.botUserId;
  }

  /** A fresh, increasing message ts ("1700000000.000001"), as Slack's are. */
  nextTs(): string {
    this.tick++;
    return `${this.clock}.${String(this.tick).padStart(6, "0")}`;
  }

  /** Registers where a response_url posts to and returns its path id. */
  registerResponseTarget(target: ResponseTarget): string {
    this.responseCounter++;
    const id = `r${this.responseCounter}`;
    this.responseTargets.set(id, target);
    return id;
  }

  /** Records a message a person typed, so that threads and history hold it. */
  addUserMessage(channel: string, user: string, text: string, threadTs?: string): FakeMessage {
    const message: FakeMessage = {
      channel,
      ts: this.nextTs(),
      threadTs,
      user,
      text,
      blocks: [],
      ephemeralTo: undefined,
      deleted: false,
    };
    this.messages.push(message);
    return message;
  }

  find(channel: string, ts: string): FakeMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts && !m.deleted);
  }

  private post(fields: Omit<FakeMessage, "ts" | "deleted" | "user">): FakeMessage {
    const message: FakeMessage = {
      ...fields,
      ts: this.nextTs(),
      user: this.options.botUserId,
      deleted: false,
    };
    this.messages.push(message);
    this.options.onChange?.({ kind: "posted", message });
    return message;
  }

  private content(params: Record<string, unknown>): { text: string; blocks: unknown[] } | null {
    const text = str(params.text) ?? "";
    const blocks = Array.isArray(params.blocks) ? params.blocks : [];
    return text === "" && blocks.length === 0 ? null : { text, blocks };
  }

  /** One Web API method call. Unknown methods succeed quietly: the console should not break on them. */
  call(method: string, params: Record<string, unknown>): Result {
    const channel = str(params.channel);
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://tally-console.invalid/",
          team: "Console",
          user: "tally",
          team_id: this.options.teamId,
          user_id: this.options.botUserId,
          bot_id: this.options.botId,
        };
      case "chat.postMessage": {
        if (!channel) return { ok: false, error: "channel_not_found" };
        const content = this.content(params);
        if (!content) return { ok: false, error: "no_text" };
        const m = this.post({ channel, threadTs: str(params.thread_ts), ephemeralTo: undefined, ...content });
        return { ok: true, channel, ts: m.ts, message: { ts: m.ts, text: m.text, blocks: m.blocks } };
      }
      case "chat.postEphemeral": {
        const user = str(params.user);
        if (!channel) return { ok: false, error: "channel_not_found" };
        if (!user) return { ok: false, error: "user_not_found" };
        const content = this.content(params);
        if (!content) return { ok: false, error: "no_text" };
        const m = this.post({ channel, threadTs: str(params.thread_ts), ephemeralTo: user, ...content });
        return { ok: true, message_ts: m.ts };
      }
      case "chat.update": {
        const m = channel && str(params.ts) ? this.find(channel, String(params.ts)) : undefined;
        if (!m) return { ok: false, error: "message_not_found" };
        const content = this.content(params);
        if (content) Object.assign(m, content);
        this.options.onChange?.({ kind: "updated", message: m });
        return { ok: true, channel: m.channel, ts: m.ts, text: m.text };
      }
      case "chat.delete": {
        const m = channel && str(params.ts) ? this.find(channel, String(params.ts)) : undefined;
        if (!m) return { ok: false, error: "message_not_found" };
        m.deleted = true;
        this.options.onChange?.({ kind: "deleted", message: m });
        return { ok: true, channel: m.channel, ts: m.ts };
      }
      case "chat.getPermalink":
        return {
          ok: true,
          channel,
          permalink: `https://tally-console.invalid/archives/${channel}/p${String(params.message_ts ?? "").replace(".", "")}`,
        };
      case "reactions.add":
      case "reactions.remove": {
        const ts = str(params.timestamp);
        const name = str(params.name);
        if (!channel || !ts || !name) return { ok: false, error: "invalid_arguments" };
        this.options.onChange?.({ kind: "reaction", channel, ts, name, added: method === "reactions.add" });
        return { ok: true };
      }
      case "pins.add":
      case "pins.remove": {
        const ts = str(params.timestamp);
        if (!channel || !ts) return { ok: false, error: "invalid_arguments" };
        const key = `${channel}/${ts}`;
        if (method === "pins.add") {
          if (this.pins.has(key)) return { ok: false, error: "already_pinned" };
          this.pins.add(key);
        } else {
          if (!this.pins.delete(key)) return { ok: false, error: "no_pin" };
        }
        this.options.onChange?.({ kind: "pin", channel, ts, pinned: method === "pins.add" });
        return { ok: true };
      }
      case "pins.list":
        return {
          ok: true,
          items: this.messages
            .filter((m) => m.channel === channel && this.pins.has(`${m.channel}/${m.ts}`) && !m.deleted)
            .map((m) => ({ type: "message", channel: m.channel, message: this.asApiMessage(m) })),
        };
      case "conversations.info":
        return {
          ok: true,
          channel: {
            id: channel,
            name: channel?.startsWith("D") ? undefined : "newsroom",
            is_im: channel?.startsWith("D") === true,
            is_member: true,
          },
        };
      case "conversations.history":
        return {
          ok: true,
          messages: this.messages
            .filter((m) => m.channel === channel && !m.deleted && !m.ephemeralTo && !m.threadTs)
            .reverse()
            .map((m) => this.asApiMessage(m)),
          has_more: false,
        };
      case "conversations.replies": {
        const ts = str(params.ts);
        return {
          ok: true,
          messages: this.messages
            .filter(
              (m) =>
                m.channel === channel && !m.deleted && !m.ephemeralTo && (m.ts === ts || m.threadTs === ts),
            )
            .map((m) => this.asApiMessage(m)),
          has_more: false,
        };
      }
      case "views.open":
      case "views.push": {
        const view = params.view as { title?: { text?: unknown } } | undefined;
        const title = typeof view?.title?.text === "string" ? view.title.text : "a form";
        this.options.onChange?.({ kind: "view", title });
        return {
          ok: true,
          view: { id: "V0CONSOLE", ...(typeof params.view === "object" ? params.view : {}) },
        };
      }
      case "users.info":
        return { ok: true, user: { id: str(params.user), name: "you", tz: "Europe/Paris" } };
      default:
        return { ok: true };
    }
  }

  private asApiMessage(m: FakeMessage): Record<string, unknown> {
    return {
      type: "message",
      ts: m.ts,
      user: m.user,
      text: m.text,
      blocks: m.blocks,
      ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
      ...(m.user === this.options.botUserId ? { bot_id: this.options.botId } : {}),
    };
  }

  /**
   * A post to a response_url, with Slack's rules: delete_original removes the message acted on,
   * replace_original rewrites it, otherwise a new message, in the channel for response_type in_channel
   * and only to the user otherwise.
   */
  respond(id: string, body: Record<string, unknown>): { status: number; text: string } {
    const target = this.responseTargets.get(id);
    if (!target) return { status: 404, text: "expired_url" };
    const original = target.messageTs ? this.find(target.channel, target.messageTs) : undefined;
    if (truthy(body.delete_original)) {
      if (original) {
        original.deleted = true;
        this.options.onChange?.({ kind: "deleted", message: original });
      }
      return { status: 200, text: "ok" };
    }
    const content = this.content(body);
    if (!content) return { status: 400, text: "no_text" };
    if (truthy(body.replace_original) && original) {
      Object.assign(original, content);
      this.options.onChange?.({ kind: "updated", message: original });
      return { status: 200, text: "ok" };
    }
    const visible = body.response_type === "in_channel";
    this.post({
      channel: target.channel,
      threadTs: str(body.thread_ts) ?? target.threadTs,
      ephemeralTo: visible ? undefined : target.user,
      ...content,
    });
    return { status: 200, text: "ok" };
  }
}
