import type { Match } from "../../answer/types.ts";
import { copy } from "../copy.ts";

/** One line per other source: every disagreement first, then the agreements. */
export interface SourceEntry {
  kind: "disagree" | "agree";
  /** mrkdwn, already escaped. */
  line: string;
}

export function sourceEntries(match: Match): SourceEntry[] {
  return [
    ...match.disagreements.map(
      (d): SourceEntry => ({
        kind: "disagree",
        line: copy.answer.disagreementLine({
          figure: d.figure.text,
          who: copy.answer.who(d.source.name, d.seed.outlet, d.claim.unattributed),
          dateText: d.dateText,
          difference: d.difference.text,
        }),
      }),
    ),
    ...match.agreements.map(
      (a): SourceEntry => ({
        kind: "agree",
        line: copy.answer.agreementLine({
          figure: a.figure.text,
          who: copy.answer.who(a.source.name, a.seed.outlet, a.claim.unattributed),
          dateText: a.dateText,
        }),
      }),
    ),
  ];
}
