/**
 * Reads a Web API call the way Slack does: the SDK sends form-encoded fields with objects (blocks,
 * attachments, metadata) as JSON strings; other clients send JSON. Either way the result is one object.
 */
export function parseApiBody(contentType: string | null, raw: string): Record<string, unknown> {
  if (contentType?.includes("application/json")) {
    try {
      const parsed: unknown = JSON.parse(raw);
      return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : {};
    } catch {
      return {};
    }
  }
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    params[key] = /^[[{]/.test(value) ? parseJsonOr(value) : value;
  }
  return params;
}

function parseJsonOr(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
