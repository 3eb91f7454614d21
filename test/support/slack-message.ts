/** Reading what Tally posted: all of a message's words, and its buttons. */

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object";

/** Every `text` string in the message (fallback and all blocks), joined by newlines. */
export function allText(message: Record<string, unknown>): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isRecord(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (key === "text" && typeof value === "string") out.push(value);
        else if (key !== "value") walk(value);
      }
    }
  };
  walk(message);
  return out.join("\n");
}

export interface FoundButton {
  text: string;
  actionId: string;
  value: string | undefined;
}

export function buttonsIn(message: Record<string, unknown>): FoundButton[] {
  const blocks = Array.isArray(message.blocks) ? message.blocks : [];
  return blocks
    .filter((b): b is Record<string, unknown> => isRecord(b) && b.type === "actions")
    .flatMap((b) => (Array.isArray(b.elements) ? b.elements : []))
    .filter((e): e is Record<string, unknown> => isRecord(e) && e.type === "button")
    .map((e) => ({
      text: isRecord(e.text) && typeof e.text.text === "string" ? e.text.text : "",
      actionId: String(e.action_id),
      value: typeof e.value === "string" ? e.value : undefined,
    }));
}

export function button(message: Record<string, unknown>, text: string | RegExp): FoundButton {
  const found = buttonsIn(message).find((b) =>
    typeof text === "string" ? b.text === text : text.test(b.text),
  );
  if (!found) {
    throw new Error(
      `no button ${String(text)} among: ${buttonsIn(message)
        .map((b) => b.text)
        .join(", ")}`,
    );
  }
  return found;
}
