import type { webApi } from "@slack/bolt";
import type { FakeSlackWorkspace } from "./fake-slack-workspace.ts";
import { parseApiBody } from "./parse-api-body.ts";

function headerValue(headers: Record<string, string> | undefined, name: string): string | null {
  if (!headers) return null;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key ? (headers[key] ?? null) : null;
}

/**
 * A fetch that never leaves the process: Web API calls and response_url posts are answered by the
 * fake workspace, exactly as Slack would answer them over HTTP.
 */
export function workspaceFetch(
  workspace: FakeSlackWorkspace,
  bases: { apiBase: string; responseBase: string },
): webApi.FetchFunction {
  return async (url, init) => {
    const href = String(url);
    const raw = typeof init?.body === "string" ? init.body : "";
    const contentType = headerValue(init?.headers, "content-type");
    if (href.startsWith(bases.apiBase)) {
      const result = workspace.call(href.slice(bases.apiBase.length), parseApiBody(contentType, raw));
      return new Response(JSON.stringify(result), {
        status: 200,
        headers: { "content-type": "application/json" },
      });
    }
    if (href.startsWith(bases.responseBase)) {
      const { status, text } = workspace.respond(
        href.slice(bases.responseBase.length),
        parseApiBody("application/json", raw),
      );
      return new Response(text, { status });
    }
    return new Response("not found", { status: 404 });
  };
}
