import { allMatches } from "./all-matches.ts";

/**
 * Where a clause starts asking. "is it 800k or 1m?" asks from its start; "Russia lost 800k — should I
 * attribute that to UGS?" states first and asks from "should". Whatever comes before that point is a
 * statement: its figures are claimed and its attributions count; whatever comes after only asks.
 */

// Where a part of a sentence can start: after a comma, colon, semicolon, bracket, dash or ellipsis, or at "or".
const partStart = /[,:;]\s+|\(\s*|\s[—–-]{1,2}\s*|\.{2,}\s*|\s(?=or\s)/g;
const interrogative = String.raw`(?:(?:is|are|was|were|do|does|did|has|have|had|should|would|could)(?:n['’]t)?|won['’]t|can|will|shall|may|might|what|what['’]s|whats|which|who|who['’]s|whose|how|how['’]s|why|where|when|any|anyone|anybody|someone|somebody)\b`;
// A question's first words, after an optional "or", "so", "wait," …
const opensQuestion = new RegExp(
  String.raw`\s*(?:(?:or|and|so|but|also|then|ok|okay|wait|hmm|um|sorry|q|quick q)\s*[,:]?\s+)?${interrogative}`,
  "iy",
);
// Without a question mark only a question's typical opening makes one: an auxiliary and its subject ("can
// we say 1.2m in the hed"), a wh-word and a verb ("where's 800k from"), or "anyone know …", "any source …".
const questionWithoutMark =
  /^\s*(?:(?:so|ok|okay|wait|hey|also|quick q|q)\s*[,:]?\s+)?(?:(?:is|are|was|were|do|does|did|has|have|can|could|should|would|will)(?:n['’]t)?\s+(?:we|you|i|they|it|anyone|anybody|someone|somebody|there|that|this|the)\b|(?:is|are|was|were)\s+(?:[~≈]\s*|(?:about|around|roughly|nearly|over|still)\s+)?[\d$£€₽₴]|(?:who|what|where|which|how)(?:['’]s|\s+(?:is|are|was|were|has|have|did|does|do)\b)|any(?:one|body)?\s+(?:source|sources|cite|link|ref|idea|word|update|know|knows|have|has|got|seen|confirm)\b)/i;

/**
 * Where the question in `clause` starts (0: the whole clause asks), or -1 when it asks nothing. A tag that
 * asks whether the statement before it is so ("800k, right?", "…, is that still right?") leaves the statement
 * a statement: the writer puts the figure forward, and it is one to check.
 */
export function questionStart(clause: string): number {
  if (!endsWithQuestionMark(clause)) return questionWithoutMark.test(clause) ? 0 : -1;
  // The first part that opens as a question starts it; with no such part, the last part asks ("…, source?",
  // "800k, right?").
  if (opensAt(clause, 0)) return 0;
  let last = 0;
  for (const m of allMatches(partStart, clause)) {
    const at = m.index + m[0].length;
    if (at >= clause.length) break;
    if (opensAt(clause, at)) return at;
    last = at;
  }
  return last;
}

/** Whether the clause ends in a question mark, perhaps inside closing quotes or brackets. */
export function endsWithQuestionMark(clause: string): boolean {
  let i = clause.length - 1;
  while (i >= 0 && closing.has(clause[i] ?? "")) i--;
  return clause[i] === "?";
}

const closing = new Set([" ", "\t", "\n", '"', "'", "”", "’", ")", "]"]);

function opensAt(clause: string, at: number): boolean {
  opensQuestion.lastIndex = at;
  return opensQuestion.test(clause);
}

// "can we go with 1 million in the headline?", "should the hed say 250,000 killed or 1 million casualties?",
// "ok to use 800k?": the writer proposes what to print. A figure proposed for print is exactly one to check.
const proposal =
  /^\s*(?:(?:so|ok|okay|wait|hey|also|quick q|q|and|or)\s*[,:]?\s+)?(?:(?:can|could|shall|should|do|would|will|may)(?:n['’]t)?\s+(?:we|i)\s+(?:just\s+|still\s+|now\s+|safely\s+)?(?:go with|go for|use|say|run|print|put|write|quote|lead with|open with|top with|headline|hed|keep|stick with|report|state|publish|push|round (?:it |that |this )?(?:up |down )?to|make it|change (?:it |that )?to|update (?:it |that )?to)\b|(?:should|could|can|shall)\s+(?:the|our|this|that)\s+(?:hed|headline|dek|lede|lead|caption|graphic|chart|copy|story|piece|push|alert|tweet|post|strap|standfirst|intro|script)\s+(?:say|read|use|have|carry|lead with|go with|run)\b|(?:is it|are we|am i)\s+(?:ok|okay|fine|safe|good|alright|all right)\s+(?:to|with)\b|(?:ok|okay|fine|safe)\s+to\s+(?:say|use|run|print|go with|keep|write|quote|put)\b|(?:any\s+)?objections?\s+to\s+(?:using|running|saying|printing)\b)/i;

/** Whether the clause proposes what to print ("can we go with 1 million in the hed?"): a statement, not a question. */
export function isProposal(clause: string): boolean {
  return proposal.test(clause);
}

/** How much of the clause the proposal's opening takes ("can we go with"); 0 when it proposes nothing. */
export function proposalOpening(clause: string): number {
  return proposal.exec(clause)?.[0].length ?? 0;
}
