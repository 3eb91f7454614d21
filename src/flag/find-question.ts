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

// "…, right?", "…, no?", "…, ok?": the tag asks about the whole statement before it.
const tagQuestion =
  /^(?:(?:or|and|so)\s+)?(?:right|correct|no|yes|yeah|yep|true|ok|okay|agreed|surely|or not|or what|innit|am i right|isn['’]t it|is it|(?:is|was) (?:that|this|it) (?:still )?(?:right|correct|true|accurate|ok|okay|current|the latest|up to date))\s*\?+["'”’)\]]*\s*$/i;

/** Where the question in `clause` starts (0: the whole clause asks), or -1 when it asks nothing. */
export function questionStart(clause: string): number {
  if (!endsWithQuestionMark(clause)) return questionWithoutMark.test(clause) ? 0 : -1;
  // The first part that opens as a question starts it; with no such part, the last part asks ("…, source?")
  // unless it only asks whether all that came before is so ("800k, right?").
  if (opensAt(clause, 0)) return 0;
  let last = 0;
  for (const m of clause.matchAll(partStart)) {
    const at = m.index + m[0].length;
    if (at >= clause.length) break;
    if (opensAt(clause, at)) return tagQuestion.test(clause.slice(at)) ? 0 : at;
    last = at;
  }
  return tagQuestion.test(clause.slice(last)) ? 0 : last;
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
