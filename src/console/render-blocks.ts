/**
 * Block Kit to terminal text: headers, sections, context, dividers, and buttons as numbered
 * `[1] Share in channel` so they can be pressed by typing `!1`.
 */

export interface RenderedButton {
  label: string;
  actionId: string;
  blockId: string | undefined;
  value: string | undefined;
}

export interface RenderOptions {
  color: boolean;
  /** Display names for user ids, e.g. the bot and the console user. */
  names: Record<string, string>;
  /** Gives each button its number (numbers run across the whole session). */
  numberButton: (button: RenderedButton) => number;
}

const ANSI = { bold: "\u001b[1m", dim: "\u001b[2m", reset: "\u001b[0m" };

const EMOJI: Record<string, string> = {
  warning: "⚠",
  white_check_mark: "✓",
  pushpin: "📌",
  eyes: "👀",
  bar_chart: "📊",
  speech_balloon: "💬",
  mag: "🔍",
  calendar: "📅",
};

/** mrkdwn to readable text: mentions to names, links to "label (url)", entities decoded, emphasis marked. */
export function mrkdwnToText(text: string, options: Pick<RenderOptions, "color" | "names">): string {
  const bold = (s: string) => (options.color ? `${ANSI.bold}${s}${ANSI.reset}` : s);
  return text
    .replace(/<([^<>]*)>/g, (_all, inner: string) => {
      const [target = "", label] = inner.split("|", 2);
      if (target.startsWith("@")) return `@${options.names[target.slice(1)] ?? label ?? target.slice(1)}`;
      if (target.startsWith("#")) return `#${label ?? target.slice(1)}`;
      if (target.startsWith("!")) return label ?? `@${target.slice(1).split("^")[0]}`;
      return label ? `${label} (${target})` : target;
    })
    .replace(/:([a-z0-9_+-]+):/g, (all, name: string) => EMOJI[name] ?? all)
    .replace(
      /(^|[\s(“])\*([^*\n]+)\*(?=$|[\s.,;:!?)”])/g,
      (_all, pre: string, inner: string) => `${pre}${bold(inner)}`,
    )
    .replace(
      /(^|[\s(“])_([^_\n]+)_(?=$|[\s.,;:!?)”])/g,
      (_all, pre: string, inner: string) => `${pre}${inner}`,
    )
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

interface TextObject {
  type?: string;
  text?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object";

function textOf(obj: unknown, options: RenderOptions): string {
  if (!isRecord(obj)) return "";
  const t = obj as TextObject;
  if (typeof t.text !== "string") return "";
  // plain_text is shown as written, but Slack still decodes its entities.
  return t.type === "mrkdwn"
    ? mrkdwnToText(t.text, options)
    : t.text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

function indent(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((line) => `${prefix}${line}`)
    .join("\n");
}

/** Renders the blocks, or the fallback text when there are none. */
export function renderBlocks(blocks: readonly unknown[], fallback: string, options: RenderOptions): string {
  const dim = (s: string) => (options.color ? `${ANSI.dim}${s}${ANSI.reset}` : s);
  const bold = (s: string) => (options.color ? `${ANSI.bold}${s}${ANSI.reset}` : s);
  if (blocks.length === 0) return indent(mrkdwnToText(fallback, options), "  ");
  const out: string[] = [];
  for (const block of blocks) {
    if (!isRecord(block)) continue;
    switch (block.type) {
      case "header":
        out.push(`  ${bold(`== ${textOf(block.text, options)} ==`)}`);
        break;
      case "section": {
        const parts = [textOf(block.text, options)];
        if (Array.isArray(block.fields)) parts.push(...block.fields.map((f) => textOf(f, options)));
        out.push(indent(parts.filter((p) => p !== "").join("\n"), "  "));
        break;
      }
      case "context": {
        const elements = Array.isArray(block.elements) ? block.elements : [];
        out.push(dim(indent(elements.map((e) => textOf(e, options)).join("  "), "    ")));
        break;
      }
      case "divider":
        out.push(dim("  ────────────────────────"));
        break;
      case "actions": {
        const elements = Array.isArray(block.elements) ? block.elements : [];
        const buttons = elements.filter((e) => isRecord(e) && e.type === "button") as Record<
          string,
          unknown
        >[];
        const labels = buttons.map((b) => {
          const label = textOf(b.text, options);
          const n = options.numberButton({
            label,
            actionId: String(b.action_id ?? ""),
            blockId: typeof block.block_id === "string" ? block.block_id : undefined,
            value: typeof b.value === "string" ? b.value : undefined,
          });
          return `[${n}] ${label}`;
        });
        if (labels.length > 0) out.push(`  ${labels.join("   ")}`);
        break;
      }
      case "rich_text":
      case "markdown":
        if (typeof block.text === "string") out.push(indent(block.text, "  "));
        break;
      default:
        break;
    }
  }
  return out.join("\n");
}
