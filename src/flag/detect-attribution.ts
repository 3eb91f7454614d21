import { isNameOrBody, judgeClause, type Verdict } from "./attribution/judge-clause.ts";
import type { FlagVocabulary } from "./flag-vocabulary.ts";
import type { Clause } from "./split-clauses.ts";
import type { StrippedMessage } from "./strip-slack-markup.ts";

/**
 * Which figures of a message are attributed.
 *
 * Decided per clause (sentence, line, or half of a "…, but …"), because newsroom threads mix sourced
 * and unsourced figures in one message: "per the ministry 1,000 deaths; I'd add that 250k were displaced" must
 * still flag 250k. Two things source the whole message: a web link, and a line that is only an attribution
 * ("Source: the ministry", "— Reuters", "via AP"). "he said"/"they say" in a clause counts only when another
 * clause names who.
 */
export interface Attribution {
  wholeMessage: boolean;
  /** One entry per clause, in order: true when the clause attributes its figures. */
  clauses: boolean[];
}

const sourceLine = /\b(?:sources?|src)\s*:\s*\S/i;
const signatureLine = /^\s*(?:[—–―]|--)\s*(\S.*)$/s;

export function detectAttribution(
  message: StrippedMessage,
  clauses: readonly Clause[],
  vocabulary: FlagVocabulary,
  /** The clauses whose verdict matters (those with figures); all by default. Others are judged only if needed. */
  wanted: ReadonlySet<number> = new Set(clauses.keys()),
): Attribution {
  let wholeMessage = message.links.length > 0 || sourceLine.test(message.text);
  // Judging is the detector's costliest step, so a clause is judged only when its verdict can matter.
  const verdicts: (Verdict | undefined)[] = clauses.map(() => undefined);
  const verdict = (i: number): Verdict => {
    verdicts[i] ??= judgeClause(clauses[i]?.text ?? "", vocabulary);
    return verdicts[i];
  };
  if (!wholeMessage) {
    clauses.forEach((c, i) => {
      // A line that is nothing but an attribution ("Source CSIS", "(Reuters)", "via AP") covers the message;
      // one that starts with a dash signs only the lines above it (see signedClauses).
      if (
        !/\d/.test(c.text) &&
        c.text.trim().split(/\s+/).length <= 5 &&
        !signatureLine.test(c.text) &&
        verdict(i) === "yes"
      )
        wholeMessage = true;
    });
  }
  if (wholeMessage) return { wholeMessage, clauses: clauses.map(() => true) };
  const signed = signedClauses(message.text, clauses, vocabulary);
  for (const i of wanted) verdict(i);
  const needNames = [...wanted].some((i) => verdicts[i] === "pronoun");
  const anyNamed = needNames && clauses.some((_c, i) => verdict(i) === "yes");
  return {
    wholeMessage,
    clauses: verdicts.map(
      (v, i) => wanted.has(i) && (signed[i] === true || v === "yes" || (v === "pronoun" && anyNamed)),
    ),
  };
}

/**
 * Clauses signed by a later line that starts with a dash and names a source: a pasted quote followed by
 * "— CSIS, via the report PDF p. 4". A signature covers the lines since the previous one.
 */
function signedClauses(text: string, clauses: readonly Clause[], vocabulary: FlagVocabulary): boolean[] {
  const signed: boolean[] = [];
  let from = 0;
  clauses.forEach((c, i) => {
    if (c.start === 0 || text[c.start - 1] !== "\n" || !/[—–―-]/.test(c.text)) return;
    const signer = signatureLine.exec(c.text)?.[1];
    if (signer === undefined) return;
    if (
      !isNameOrBody(signer.split(/[\s,]+/)[0] ?? "", vocabulary) &&
      judgeClause(signer, vocabulary) !== "yes"
    )
      return;
    for (let j = from; j < i; j++) signed[j] = true;
    from = i + 1;
  });
  return signed;
}
