import type { Logger } from "../../log/logger.ts";
import type { DeliveryResult, OutgoingMessage, PendingResponse } from "./delivery-types.ts";

/** How a reply reaches Slack through the Web API: `ReplyDelivery.send`, or a plain client call. */
export type SendMessage = (message: OutgoingMessage) => Promise<DeliveryResult>;

/** What a message carries of a response_url body: its content, without the response_url-only fields. */
function contentOf(body: Record<string, unknown>): Record<string, unknown> | null {
  const content: Record<string, unknown> = {};
  for (const key of ["text", "blocks", "attachments"] as const) {
    if (body[key] !== undefined) content[key] = body[key];
  }
  return content.text === undefined && content.blocks === undefined ? null : content;
}

export type FallbackOutcome = "ephemeral" | "direct-message" | "not-sent";

/**
 * Sends a reply its response_url could not carry straight to the person who asked: ephemerally in the
 * channel they asked in, else as a direct message. A reply that replaces or deletes the original message
 * cannot be re-sent that way (only the URL can touch that message): it is logged.
 */
export async function sendResponseAnotherWay(
  response: PendingResponse,
  send: SendMessage,
  logger: Logger,
): Promise<FallbackOutcome> {
  const { body, user, channel } = response;
  const fields = { user, channel, purpose: "response-fallback" };
  if (body.replace_original === true || body.delete_original === true) {
    logger.warn(
      "a reply that changes the original message could not be delivered; it cannot be re-sent",
      fields,
    );
    return "not-sent";
  }
  const content = contentOf(body);
  if (content === null || user === null) {
    logger.warn("a reply could not be delivered and there is no one to send it to", fields);
    return "not-sent";
  }
  if (channel !== null) {
    const result = await send({
      method: "chat.postEphemeral",
      args: { ...content, channel, user },
      purpose: "response-fallback",
    });
    if (result.ok) return "ephemeral";
    // Cut short by shutdown: the delivery's drain keeps it for the next start.
    if (!result.final) return "not-sent";
    logger.info("could not send the reply ephemerally; sending it as a direct message", {
      ...fields,
      error: result.error,
    });
  }
  const dm = await send({
    method: "chat.postMessage",
    args: { ...content, channel: user },
    purpose: "response-fallback",
  });
  if (dm.ok) return "direct-message";
  logger.error("could not send the reply another way either", { ...fields, error: dm.error });
  return "not-sent";
}
