import type { Summary, TopicSummary } from "../../summary/summary-types.ts";
import { summaryCopy as copy } from "../summary-copy.ts";
import type { KnownBlock, SlackMessage } from "./block-types.ts";
import { cutToFit, LIMITS, packLines } from "./limits.ts";

/** New claims and stale figures listed by name; the rest are counted. */
export const LISTED_NEW_CLAIMS = 10;
export const LISTED_STALE = 10;
/** Blocks kept back from the topics for the header, intro, dividers and the closing sections. */
const RESERVED_BLOCKS = 12;
/** The notification text: long enough to read, short enough for a phone's lock screen to not matter. */
const FALLBACK_MAX = 3000;

function topicText(topic: TopicSummary): string {
  const h = topic.headline;
  const headline = [
    copy.topic.headline(h),
    ...(h.unattributed ? [copy.topic.unattributed] : []),
    ...(topic.stale ? [copy.topic.stale(h.ageText)] : []),
  ].join(" ");
  const lines = [copy.topic.title(topic.title), headline];
  const change = topic.change;
  if (change.kind === "unchanged") lines.push(copy.topic.unchanged);
  else if (change.kind === "newly-shown") lines.push(copy.topic.newlyShown);
  else if (change.kind === "changed") {
    if (change.figure)
      lines.push(copy.topic.newFigure(change.figure.previousText, change.figure.differenceText));
    if (change.source) lines.push(copy.topic.newSource(change.source.previousName));
    if (change.previousDateText) lines.push(copy.topic.newDate(change.previousDateText));
  }
  lines.push(
    topic.spread && topic.disagreeing > 0
      ? copy.topic.disagree(topic.disagreeing, topic.spread.lowText, topic.spread.highText)
      : copy.topic.noDisagreement,
  );
  return cutToFit(lines.join("\n"), LIMITS.sectionText);
}

const section = (text: string): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text } });
const context = (text: string): KnownBlock => ({
  type: "context",
  elements: [{ type: "mrkdwn", text: cutToFit(text, LIMITS.contextText) }],
});

/**
 * One section per topic while they fit in Block Kit's 50 blocks; past that, several topics share a section
 * (never more than 3,000 characters); past that again, the rest are counted, not silently dropped.
 */
function topicBlocks(topics: readonly TopicSummary[], budget: number): KnownBlock[] {
  if (topics.length === 0) return [section(copy.noTopics)];
  const texts = topics.map(topicText);
  if (texts.length <= budget) return texts.map(section);
  const perSection = Math.ceil(texts.length / (budget - 1));
  const blocks: KnownBlock[] = [];
  let shown = 0;
  while (shown < texts.length && blocks.length < budget - 1) {
    const group = texts.slice(shown, shown + perSection);
    const [chunk] = packLines(
      group.map((t) => `${t}\n`),
      LIMITS.sectionText,
    );
    if (!chunk) break;
    blocks.push(section(chunk.text.trimEnd()));
    shown += chunk.lines;
  }
  if (shown < texts.length) blocks.push(context(copy.topicsCut(texts.length - shown)));
  return blocks;
}

function listSection(heading: string, lines: readonly string[], more: string | null): KnownBlock {
  const [first] = packLines([...lines, ...(more ? [more] : [])], LIMITS.sectionText, heading);
  return section(first?.text ?? heading);
}

/** The channel summary as Block Kit, with a plain-text fallback for notifications and screen readers. */
export function summaryMessage(summary: Summary): SlackMessage {
  const first = summary.previousAt === null;
  const intro = [
    summary.choice === "watched" ? copy.intro.watched(summary.topics.length) : copy.intro[summary.choice],
    summary.previousText ? copy.intro.since(summary.previousText) : copy.intro.first,
  ].join(" ");

  const closing: KnownBlock[] = [];
  if (summary.newClaims.length > 0) {
    const listed = summary.newClaims.slice(0, LISTED_NEW_CLAIMS).map((c) =>
      copy.newClaims.line({
        figureText: c.figure.figureText,
        topicTitle: c.topicTitle,
        sourceName: c.figure.sourceName,
        dateText: c.figure.dateText,
      }),
    );
    const rest = summary.newClaims.length - listed.length;
    closing.push(
      listSection(
        copy.newClaims.heading(summary.newClaims.length),
        listed,
        rest > 0 ? copy.newClaims.more(rest) : null,
      ),
    );
  }
  const newlyStale = summary.stale.filter((s) => s.newlyStale);
  if (newlyStale.length > 0) {
    const listed = newlyStale.slice(0, LISTED_STALE).map((s) =>
      copy.stale.line({
        title: s.title,
        figureText: s.figure.figureText,
        dateText: s.figure.dateText,
        ageText: s.figure.ageText,
      }),
    );
    closing.push(listSection(copy.stale.heading(summary.staleDays), listed, null));
  }
  const contextLines: string[] = [];
  const stillStale = summary.stale.length - Math.min(newlyStale.length, LISTED_STALE);
  if (stillStale > 0) {
    contextLines.push(copy.stale.stillStale(stillStale, summary.topics.length, summary.staleDays));
  }
  if (summary.dueForReview.length > 0) contextLines.push(copy.dueForReview(summary.dueForReview));
  contextLines.push(copy.flags(summary.flaggedSinceLast, first));
  if (summary.unknownTopicIds.length > 0) contextLines.push(copy.unknownTopics(summary.unknownTopicIds));
  if (summary.topicsWithoutFigures.length > 0)
    contextLines.push(copy.withoutFigures(summary.topicsWithoutFigures));
  closing.push(context(contextLines.join("\n")), context(copy.footer));

  const head: KnownBlock[] = [
    {
      type: "header",
      text: { type: "plain_text", text: copy.header(summary.dateText).slice(0, LIMITS.header), emoji: true },
    },
    context(intro),
    { type: "divider" },
  ];
  const budget = LIMITS.blocks - head.length - closing.length - 1;
  const topics = topicBlocks(summary.topics, Math.min(budget, LIMITS.blocks - RESERVED_BLOCKS));
  const blocks = [...head, ...topics, { type: "divider" } as KnownBlock, ...closing].slice(0, LIMITS.blocks);

  const fallbackParts = summary.topics.map((t) =>
    copy.fallbackTopic({
      title: t.title,
      figureText: t.headline.figureText,
      sourceName: t.headline.sourceName,
      dateText: t.headline.dateText,
    }),
  );
  return { text: cutToFit(copy.fallback(summary.dateText, fallbackParts), FALLBACK_MAX), blocks };
}
