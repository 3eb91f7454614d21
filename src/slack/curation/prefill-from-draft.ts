import type { ClaimsIndex } from "../../claims/claims-index.ts";
import { FORM_LIMITS } from "../../curation/figure-form.ts";
import type { DraftClaim } from "../../curation/figure-input.ts";
import { stripSlackMarkup } from "../../flag/strip-slack-markup.ts";
import type { FigurePrefill } from "./add-figure-view.ts";
import { figureFormCopy as copy } from "./figure-form-copy.ts";

export interface MessageToPrefill {
  /** The message's text as Slack sends it (mrkdwn, links in <…>). */
  text: string;
  permalink: string | null;
  /** Web links the message carries, in order. */
  links: readonly string[];
  channelName: string;
  postedAt: Date;
  /** What the draft found in the message's text, or null when it found no figure. */
  draft: DraftClaim | null;
  index: ClaimsIndex;
}

/** Cut at a word, with an ellipsis, when longer than `max`. */
function trimTo(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const collapse = (s: string) => s.replace(/\s+/g, " ").trim();

function hostOf(link: string): string | null {
  try {
    const host = new URL(link).hostname.replace(/^www\./, "");
    return host === "" ? null : host;
  } catch {
    return null;
  }
}

function topicPrefill(draft: DraftClaim, index: ClaimsIndex): Pick<FigurePrefill, "topic" | "newTopic"> {
  if ("id" in draft.topic) {
    const topic = index.topicById.get(draft.topic.id);
    return topic ? { topic: { id: topic.id, title: topic.title } } : {};
  }
  const p = draft.topic.proposed;
  return {
    newTopic: {
      ...(p.subject ? { subject: p.subject } : {}),
      ...(p.measure ? { measure: p.measure } : {}),
      ...(p.unit ? { unit: p.unit } : {}),
    },
  };
}

function sourcePrefill(
  draft: DraftClaim,
  index: ClaimsIndex,
): Pick<FigurePrefill, "source" | "newSourceName"> {
  if (draft.source === null) return {};
  if ("name" in draft.source) return { newSourceName: draft.source.name };
  const source = index.sourceById.get(draft.source.id);
  return source ? { source: { id: source.id, name: source.name } } : {};
}

/**
 * The add-figure modal opened from a message (the "Add figure to Tally" shortcut): the figure, source, date and
 * topic the draft found, the message's first link as the document (else its permalink), and its text as quote.
 */
export function prefillFromMessage(message: MessageToPrefill): FigurePrefill {
  const { draft, index } = message;
  const prose = stripSlackMarkup(message.text).text;
  const firstLine =
    prose
      .split("\n")
      .map(collapse)
      .find((line) => line !== "") ?? "";
  const link = message.links.find((l) => hostOf(l) !== null);
  const url = link ?? message.permalink ?? undefined;
  const published = message.postedAt.toISOString().slice(0, 10);
  const quote = draft?.sentence ?? trimTo(collapse(prose), FORM_LIMITS.quoteMax);
  return {
    note: copy.prefilledNote(message.channelName),
    ...(draft ? { figureText: draft.figureText } : {}),
    ...(draft?.asOf ? { asOf: draft.asOf } : {}),
    ...(draft ? topicPrefill(draft, index) : {}),
    ...(draft ? sourcePrefill(draft, index) : {}),
    document: {
      ...(url ? { url } : {}),
      outlet: (link && hostOf(link)) || copy.messageOutlet(message.channelName),
      headline: trimTo(firstLine, FORM_LIMITS.headline) || copy.messageHeadline(message.channelName),
      published,
    },
    ...(quote !== "" ? { quote } : {}),
  };
}
