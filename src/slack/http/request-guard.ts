/**
 * The edge's decision on one request to the events path, before Bolt sees it: a pure function of the
 * request and the time, so it is tested on its own. Order matters: the content type, then Slack's
 * unsigned `ssl_check`, then the signature and its time, and only then the body's shape (a stranger
 * learns nothing about shapes without the secret).
 */
import type { IncomingHttpHeaders } from "node:http";
import {
  checkInteraction,
  checkJsonEnvelope,
  checkSlashCommand,
  type ShapeCheck,
} from "./slack-body-shapes.ts";
import { verifySlackSignature } from "./verify-signature.ts";

export interface GuardRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** Wall-clock milliseconds: Slack signs with the real time. */
  nowMs: number;
}

export interface GuardOptions {
  signingSecret: string;
  eventsPath: string;
  maxClockSkewSeconds: number;
}

export type GuardDecision =
  /** Slack's certificate check: Bolt answers it, unsigned as Slack sends it. */
  | { accept: true; kind: "ssl-check" }
  /** Signed and well formed; `signature` identifies this exact request (see replay-cache.ts). */
  | { accept: true; kind: "signed"; signature: string }
  | { accept: false; status: number; reason: string };

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

const reject = (status: number, reason: string): GuardDecision => ({ accept: false, status, reason });

type FormFields = { ok: true; fields: Record<string, string> } | { ok: false; reason: string };

/** A form's fields; a field given twice is refused (Bolt would hand a handler an array where it wants text). */
function readForm(text: string): FormFields {
  const fields: Record<string, string> = Object.create(null);
  for (const [key, value] of new URLSearchParams(text)) {
    if (Object.hasOwn(fields, key)) return { ok: false, reason: `form field repeated: ${key.slice(0, 40)}` };
    fields[key] = value;
  }
  return { ok: true, fields };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function checkForm(fields: Record<string, string>): ShapeCheck {
  const { payload } = fields;
  if (payload === undefined) return checkSlashCommand(fields);
  const parsed = parseJson(payload);
  if (!parsed.ok) return { ok: false, reason: "payload is not JSON" };
  return checkInteraction(parsed.value);
}

function checkJson(text: string): ShapeCheck {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, reason: "body is not JSON" };
  return checkJsonEnvelope(parsed.value);
}

export function guardSlackRequest(request: GuardRequest, options: GuardOptions): GuardDecision {
  if (request.path !== options.eventsPath) return reject(404, "unknown path");
  if (request.method !== "POST") return reject(405, "events take POST only");
  // Exactly what Bolt parses: anything else (a charset suffix included) it would read as the wrong kind.
  const contentType = request.headers["content-type"];
  if (contentType !== FORM && contentType !== JSON_TYPE) return reject(415, "unsupported content type");

  const text = request.rawBody.toString("utf8");
  const form = contentType === FORM ? readForm(text) : null;
  if (form && !form.ok) return reject(400, form.reason);
  if (form?.ok && form.fields.ssl_check === "1") return { accept: true, kind: "ssl-check" };

  const signed = verifySlackSignature({
    signingSecret: options.signingSecret,
    signatureHeader: request.headers["x-slack-signature"],
    timestampHeader: request.headers["x-slack-request-timestamp"],
    rawBody: request.rawBody,
    nowMs: request.nowMs,
    maxSkewSeconds: options.maxClockSkewSeconds,
  });
  if (!signed.ok) return reject(401, signed.reason);

  const shape = form?.ok ? checkForm(form.fields) : checkJson(text);
  if (!shape.ok) return reject(400, shape.reason);
  return { accept: true, kind: "signed", signature: signed.signature };
}
