/**
 * What a request Slack signs must look like before Bolt sees it: Bolt reads fields of the parsed body
 * unchecked (`body.ssl_check` of a JSON `null` throws outside any handler and ends the process), and
 * handlers take the rest on trust. Only what Tally and Bolt rely on is required; other fields pass.
 */
import { z } from "zod";

const id = z.string().min(1);

/** A slash command, form-encoded. */
export const SlashCommandShape = z.looseObject({
  command: id,
  text: z.string(),
  response_url: z.url(),
  user_id: id,
  channel_id: id,
  team_id: id,
});

/** Events API envelopes, JSON. */
export const EventCallbackShape = z.looseObject({
  type: z.literal("event_callback"),
  event_id: id,
  event: z.looseObject({ type: id }),
});

export const UrlVerificationShape = z.looseObject({
  type: z.literal("url_verification"),
  challenge: id,
});

/** Any JSON body or `payload=` field: an object with a string `type`. */
export const TypedObjectShape = z.looseObject({ type: id });

/** Interactions Bolt reads `user.id` from (to authorise and to route). */
const WITH_USER: ReadonlySet<string> = new Set([
  "block_actions",
  "block_suggestion",
  "view_submission",
  "view_closed",
  "shortcut",
  "message_action",
]);

const InteractionWithUserShape = z.looseObject({ type: id, user: z.looseObject({ id }) });

const BlockActionsShape = z.looseObject({
  type: z.literal("block_actions"),
  user: z.looseObject({ id }),
  actions: z.array(z.looseObject({ action_id: id })).min(1),
});

export type ShapeCheck = { ok: true } | { ok: false; reason: string };

/** The first problem zod found, by path: enough to log, never the value. */
function problem(what: string, error: z.ZodError): ShapeCheck {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join(".") : "body";
  return { ok: false, reason: `${what}: ${where} ${issue?.code ?? "invalid"}` };
}

function check(shape: z.ZodType, value: unknown, what: string): ShapeCheck {
  const parsed = shape.safeParse(value);
  return parsed.success ? { ok: true } : problem(what, parsed.error);
}

/** A JSON body: an Events API envelope. */
export function checkJsonEnvelope(body: unknown): ShapeCheck {
  const typed = check(TypedObjectShape, body, "JSON body is not an object with a type");
  if (!typed.ok) return typed;
  const { type } = body as { type: string };
  if (type === "event_callback") return check(EventCallbackShape, body, "malformed event callback");
  if (type === "url_verification") return check(UrlVerificationShape, body, "malformed url_verification");
  return { ok: true };
}

/** An interaction's `payload` field, already JSON-parsed. */
export function checkInteraction(payload: unknown): ShapeCheck {
  const typed = check(TypedObjectShape, payload, "payload is not an object with a type");
  if (!typed.ok) return typed;
  const { type } = payload as { type: string };
  if (type === "block_actions") return check(BlockActionsShape, payload, "malformed block_actions");
  if (WITH_USER.has(type)) return check(InteractionWithUserShape, payload, `malformed ${type}`);
  return { ok: true };
}

/** A form without a `payload`: a slash command. */
export function checkSlashCommand(fields: Record<string, string>): ShapeCheck {
  return check(SlashCommandShape, fields, "malformed slash command");
}
