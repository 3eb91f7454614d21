import { z } from "zod";
import type { TakenReplies } from "./store.ts";
import type { UndeliveredReply } from "./undelivered-reply.ts";

/** An outbox row as both backends read it back. */
export interface OutboxRow {
  id: number | string;
  kind: string;
  payload: string;
  first_tried_at: string;
}

/** The outbox's columns for one reply: `payload` is the message or the response, as JSON text. */
export function toOutboxColumns(reply: UndeliveredReply): {
  kind: string;
  payload: string;
  firstTriedAt: string;
} {
  const content = reply.kind === "message" ? reply.message : reply.response;
  return { kind: reply.kind, payload: JSON.stringify(content), firstTriedAt: reply.firstTriedAt };
}

const MessageSchema = z.object({
  method: z.enum(["chat.postMessage", "chat.postEphemeral"]),
  args: z.looseObject({ channel: z.string().min(1) }),
  purpose: z.string(),
});

const ResponseSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  body: z.record(z.string(), z.unknown()),
  user: z.string().nullable(),
  channel: z.string().nullable(),
});

const FirstTriedSchema = z.iso.datetime({ offset: true });

function readRow(row: OutboxRow): UndeliveredReply {
  const json: unknown = JSON.parse(row.payload);
  const firstTriedAt = FirstTriedSchema.parse(row.first_tried_at);
  if (row.kind === "message") return { kind: "message", message: MessageSchema.parse(json), firstTriedAt };
  if (row.kind === "response")
    return { kind: "response", response: ResponseSchema.parse(json), firstTriedAt };
  throw new Error(`unknown kind ${JSON.stringify(row.kind)}`);
}

/** Reads taken rows back, in the order saved; a row that does not read is reported, never thrown. */
export function readOutboxRows(rows: readonly OutboxRow[]): TakenReplies {
  const taken: TakenReplies = { replies: [], unreadable: [] };
  const ordered = [...rows].sort((a, b) => Number(a.id) - Number(b.id));
  for (const row of ordered) {
    try {
      taken.replies.push(readRow(row));
    } catch (error) {
      const reason =
        error instanceof z.ZodError
          ? error.issues.map((i) => `${i.path.join(".") || "payload"}: ${i.message}`).join("; ")
          : (error as Error).message;
      taken.unreadable.push({ id: String(row.id), reason });
    }
  }
  return taken;
}
