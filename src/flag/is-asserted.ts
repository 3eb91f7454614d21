import type { FoundFigure } from "./figures/types.ts";
import { endsWithQuestionMark, isProposal, questionStart } from "./find-question.ts";

/**
 * Whether the writer asserts a figure rather than only mentioning it. A figure that is only asked about
 * ("is it 800k or 1m?", "is 765,110 still current?") or that the writer rejects ("not 12k", "500k is
 * way too high", "use 765k instead of 800k") claims nothing, so it is neither flagged nor a source's.
 * A statement followed by a question still claims ("Russia lost 800k — should I attribute that?", "800k,
 * right?"), and so does a figure proposed for print ("can we go with 1 million in the headline?").
 */
export function isAsserted(prose: string, figure: FoundFigure): boolean {
  return !inQuestion(figure) && !isRejected(prose, figure);
}

// "800k or 1m": alternatives offered in a question are both asked about.
const orAnotherFigure =
  /^(?:\s+[\p{L}'’-]+){0,2}?\s+or\s+(?:[~≈]\s*|(?:about|around|nearly|over|maybe|perhaps|even|is it|was it)\s+)?[\d$£€₽₴]/iu;
const anotherFigureOr =
  /[\d%][^\s]*(?:\s+[\p{L}'’-]+){0,2}?\s+or\s+(?:is it\s+|was it\s+|maybe\s+|even\s+)?$/iu;

function inQuestion(figure: FoundFigure): boolean {
  const clause = figure.clause;
  if (isProposal(clause)) return false;
  const asksFrom = questionStart(clause);
  if (asksFrom < 0) return false;
  const at = figure.start - figure.clauseOffset;
  if (at >= asksFrom) return true;
  // "800k or 1m, which is it?": alternatives before the question are asked about too.
  return (
    endsWithQuestionMark(clause) &&
    (orAnotherFigure.test(clause.slice(figure.end - figure.clauseOffset)) ||
      anotherFigureOr.test(clause.slice(Math.max(0, at - 40), at)))
  );
}

// "not 12k", "instead of 800k", "don't use 800k", "replace 800k", "cut the 800k": the figure is withdrawn.
// Not "if not"; and "drop", "cut" … only with "the": "losses drop 20%" is a claim.
const rejectedBefore =
  /(?:(?<!\bif\s)\bnot|\binstead of|\brather than|\bin place of|\b(?:don['’]t|do not|never|can['’]t|cannot|shouldn['’]t|won['’]t)\s+(?:use|say|print|run|write|go with|quote|put)|\b(?:replace|swap|change|correct|update|scrap|scratch|ditch|ignore|disregard|forget|remove|delete)|\b(?:drop|kill|cut|strike|fix|lose)\s+(?:the|that|our|this|your))\s+(?:the\s+)?$/i;
// "500k KIA is way too high", "the 800k figure's outdated", "1.2m can't be right".
const rejectedAfter =
  /^(?:\s+[\p{L}'’-]+){0,3}?(?:['’]s|\s+(?:is|was|are|were|seems|seem|sounds|sound|looks|look|feels|feel))\s+(?:(?:way|far|much|a bit|a little|probably|definitely|clearly|totally|just|likely|now|already|still|obviously|surely|def)\s+)*(?:too\s+(?:high|low|big|small|large)|wrong|incorrect|inaccurate|outdated|out[ -]of[ -]date|old|stale|inflated|overstated|understated|exaggerated|overblown|bogus|nonsense|rubbish|made up|a myth|an overestimate|an underestimate|off|way off|false|debunked|propaganda|superseded|obsolete|fake|discredited|(?:the|an?)\s+(?:old|outdated|stale|wrong|previous)\s+(?:number|figure|estimate|count|total|one))\b|^(?:\s+[\p{L}'’-]+){0,3}?\s+(?:isn['’]t|is not|wasn['’]t|was not|can['’]t be|cannot be|couldn['’]t be|is no longer|doesn['’]t look)\s+(?:(?:quite|exactly|really|very)\s+)?(?:right|correct|accurate|true|current|up to date|the latest)\b/iu;
// Only a figure as written, or with "about", can be negated: "not more than 1,000" is an upper bound.
const plainFigure = /^(?:[~≈]\s*|(?:about|around|roughly|approximately|approx\.?)\s+)?[\d$£€₽₴]/i;

function isRejected(prose: string, figure: FoundFigure): boolean {
  if (
    plainFigure.test(figure.text) &&
    rejectedBefore.test(prose.slice(Math.max(0, figure.start - 24), figure.start))
  )
    return true;
  const clauseEnd = figure.clauseOffset + figure.clause.length;
  return rejectedAfter.test(prose.slice(figure.end, Math.min(clauseEnd, figure.end + 80)));
}
