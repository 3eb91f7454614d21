import { loadFlagVocabulary } from "/work/main/src/flag/load-flag-vocabulary.ts";
import { findUnsourcedFigures } from "/work/main/src/flag/find-unsourced-figures.ts";
import { splitClauses } from "/work/main/src/flag/split-clauses.ts";
import { judgeClause } from "/work/main/src/flag/attribution/judge-clause.ts";
const v = await loadFlagVocabulary([process.env.DATA ?? "test/flag/fixtures/war-in-ukraine"]);
for (const t of process.argv.slice(2)) {
  const r = findUnsourcedFigures(t, v);
  console.log(JSON.stringify(t), "U:", r.unsourced.map((f) => `${f.text}/${f.unit}`), "S:", r.sourced.map((f) => f.text));
  for (const c of splitClauses(t)) console.log("   ", JSON.stringify(c.text), judgeClause(c.text, v));
}
import { findFigures } from "/work/main/src/flag/find-figures.ts";
for (const t of process.argv.slice(2)) console.log("findFigures", findFigures(t, v).map((f) => f.text));
