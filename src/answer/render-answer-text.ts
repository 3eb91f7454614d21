import { formatAsOfDate } from "../figures/format-as-of.ts";
import { joinNames, reportOutlets } from "./report-outlets.ts";
import type { Answer, ShownClaim } from "./types.ts";

const who = (c: ShownClaim): string =>
  c.claim.unattributed
    ? `${joinNames(reportOutlets(c))} (unattributed)`
    : `${c.source.name}, reported by ${joinNames(reportOutlets(c))}`;

/** Whose figure it is, in a word: the source, or the outlets when the figure is their own. */
const whose = (c: ShownClaim): string => (c.claim.unattributed ? joinNames(reportOutlets(c)) : c.source.name);

/** A plain-text answer for terminals and notification fallbacks. */
export function renderAnswerText(a: Answer): string {
  const m = a.match;
  if (!m && a.reason) {
    const { topic, asked, earliest: e } = a.reason;
    const lines = [
      `The index has nothing on “${topic.title}” as early as ${formatAsOfDate(asked)}; its first figure is from ${e.dateText}.`,
      `Earliest figure: ${e.figure.text} — as of ${e.dateText} — ${who(e)}`,
    ];
    if (a.suggestions.length > 0) {
      lines.push("Or did you mean:");
      for (const s of a.suggestions) lines.push(`  • ${s.topic.title}`);
    }
    return lines.join("\n");
  }
  if (!m) {
    const lines = [`No claim in the index matches “${a.query.trim()}”.`];
    if (a.suggestions.length > 0) {
      lines.push("Did you mean:");
      for (const s of a.suggestions) lines.push(`  • ${s.topic.title}`);
    }
    return lines.join("\n");
  }
  const h = m.headline;
  const lines = [
    m.topic.title,
    `  ${h.figure.text} — as of ${h.dateText} (${h.ageText})`,
    `  ${who(h)} [${h.document.file ?? h.document.url ?? h.document.id}]`,
    `  “${h.claim.quote}”`,
  ];
  if (m.requested?.source && m.headlineReason !== "named-source") {
    const latest = m.requested.asOf ? `the latest as of ${formatAsOfDate(m.requested.asOf)}` : "the latest";
    lines.push(
      `  (${m.requested.source.name} has no figure on this topic in the index; shown instead: ${whose(h)}'s, ${latest}.)`,
    );
  }
  if (m.disagreements.length > 0) {
    lines.push("", `Disagreeing sources (${m.disagreements.length}):`);
    for (const d of m.disagreements) {
      lines.push(`  • ${d.figure.text} — ${d.dateText} — ${who(d)} — ${d.difference.text}`);
    }
  }
  if (m.agreements.length > 0) {
    lines.push("", `Agreeing sources (${m.agreements.length}):`);
    for (const g of m.agreements) lines.push(`  • ${g.figure.text} — ${g.dateText} — ${who(g)}`);
  }
  if (m.related.length > 0) {
    lines.push("", "Related figures:");
    for (const r of m.related)
      lines.push(
        `  • ${r.topic.title}: ${r.headline.figure.text} — ${r.headline.dateText} — ${who(r.headline)}`,
      );
  }
  return lines.join("\n");
}
