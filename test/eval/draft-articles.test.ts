/**
 * The `claims draft` gate from issue 9: on the labelled article sets (test/eval/articles/, rules in its
 * README), drafting finds at least 90% of the labelled figures and names the right source for at least 80%
 * of those it finds, on dev/ and on heldout/ separately. Scoring rules: src/curation/evaluate-drafts.ts.
 *
 * First run, before any change made after seeing these sets:
 *   dev:     recall 63.3% (69/109), right source 66.7% (46/69), precision 97.2% (69/71)
 *   heldout: recall 65.1% (84/129), right source 67.9% (57/84), precision 94.4% (84/89)
 * After tuning on dev/ only (headline figures drafted, every number the figure reading keeps, demand and
 * offer verbs, quotations' speakers, a named source when the verb's subject does not read):
 *   dev:     recall 82.6% (90/109), right source 70.0% (63/90), precision 85.7% (90/105)
 *   heldout: recall 91.5% (118/129), right source 71.2% (84/118), precision 88.1% (118/134)
 * After a second round on dev/ only (counts chatter calls logistics kept, data sizes and numbers in words read,
 * "the ministry"/"the centre" resolved by the noun in an earlier name, surnames and spokespeople, relative
 * clauses and bracketed short names, possessed data, a press release's own statements left to the outlet,
 * printed phone numbers left out, "fell 42% to €610m" read as two figures):
 *   dev:     recall 100.0% (109/109), right source 99.1% (108/109), precision 92.4% (109/118)
 *   heldout: recall 98.4% (127/129), right source 83.5% (106/127), precision 84.7% (127/150)
 * fresh/ (4 articles, 84 figures) was written by a blind helper after the second round had begun and was never
 * tuned on. Its first run, with the second round half done: recall 98.8% (83/84), right source 78.3% (65/83),
 * precision 90.2% (83/92). With the final code, still untouched: recall 98.8%, right source 80.7% (67/83).
 * Numbers for the misses: npx tsx test/eval/draft-articles.ts dev
 */
import { describe, expect, it } from "vitest";
import { totalScore } from "../../src/curation/evaluate-drafts.ts";
import { type ArticleSet, scoreSet } from "./draft-articles.ts";

const gate = { recall: 0.9, rightSource: 0.8 };

describe.each<ArticleSet>(["dev", "heldout", "fresh"])("claims draft on the %s articles", (set) => {
  it(`finds at least ${gate.recall * 100}% of the labelled figures and names the right source for ${gate.rightSource * 100}%`, async () => {
    const total = totalScore((await scoreSet(set)).scores);
    expect(total.figures).toBeGreaterThan(set === "fresh" ? 80 : 100);
    expect({
      recall: total.recall >= gate.recall,
      rightSource: total.rightSourceRate >= gate.rightSource,
    }).toEqual({
      recall: true,
      rightSource: true,
    });
  });
});
