import { joinNames, reportOutlets } from "../../answer/report-outlets.ts";
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
          who: copy.answer.who(d.source.name, joinNames(reportOutlets(d)), d.claim.unattributed),
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
          who: copy.answer.who(a.source.name, joinNames(reportOutlets(a)), a.claim.unattributed),
          dateText: a.dateText,
        }),
      }),
    ),
  ];
}
