import type { Answer, ShownClaim } from "./types.ts";

const who = (c: ShownClaim): string =>
  c.claim.unattributed ? `${c.seed.outlet} (unattributed)` : `${c.source.name}, reported by ${c.seed.outlet}`;

/** A plain-text answer for terminals and notification fallbacks. */
export function renderAnswerText(a: Answer): string {
  const m = a.match;
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
    `  ${who(h)} [${h.seed.file}]`,
    `  “${h.claim.quote}”`,
  ];
  if (m.requested?.source && m.headlineReason !== "named-source") {
    lines.push(`  (${m.requested.source.name} has no figure on this in the index; showing the latest.)`);
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
