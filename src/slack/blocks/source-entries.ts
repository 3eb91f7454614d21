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
          sourceName: d.source.name,
          outlet: d.seed.outlet,
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
          sourceName: a.source.name,
          outlet: a.seed.outlet,
          dateText: a.dateText,
        }),
      }),
    ),
  ];
}
