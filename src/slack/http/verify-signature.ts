import { createHmac, timingSafeEqual } from "node:crypto";

export type SignatureCheck = { ok: true; signature: string } | { ok: false; reason: string };

/** The one value a header may have; Node gives a repeated header as an array, which Slack never sends. */
function single(value: string | string[] | undefined): string | null {
  return typeof value === "string" ? value : null;
}

/**
 * Slack's v0 request signature: HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the signing secret, hex, in
 * X-Slack-Signature; the timestamp (whole seconds) in X-Slack-Request-Timestamp. Refused when the timestamp
 * is more than `maxSkewSeconds` from now in either direction: Bolt checks only the past, so a request
 * signed for tomorrow would otherwise be good all day.
 */
export function verifySlackSignature(input: {
  signingSecret: string;
  signatureHeader: string | string[] | undefined;
  timestampHeader: string | string[] | undefined;
  rawBody: Buffer;
  nowMs: number;
  maxSkewSeconds: number;
}): SignatureCheck {
  const signature = single(input.signatureHeader);
  const timestampText = single(input.timestampHeader);
  if (signature === null || timestampText === null) return { ok: false, reason: "not signed" };
  if (!/^\d{1,12}$/.test(timestampText)) return { ok: false, reason: "timestamp is not a number" };
  const skew = Math.abs(input.nowMs / 1000 - Number(timestampText));
  if (skew > input.maxSkewSeconds) return { ok: false, reason: "timestamp too far from now" };
  const match = /^v0=([0-9a-f]{64})$/.exec(signature);
  if (!match?.[1]) return { ok: false, reason: "signature is not v0" };
  const expected = createHmac("sha256", input.signingSecret)
    .update(`v0:${timestampText}:`)
    .update(input.rawBody)
    .digest();
  const given = Buffer.from(match[1], "hex");
  if (!timingSafeEqual(given, expected)) return { ok: false, reason: "signature mismatch" };
  return { ok: true, signature };
}
