import { loadIndex } from "/work/main/src/claims/load-index.ts";
import { findUnsourcedFigures } from "/work/main/src/flag/find-unsourced-figures.ts";
import { buildFlagVocabulary } from "/work/main/src/flag/flag-vocabulary.ts";
import { readLabelledMessages } from "/work/main/src/flag/labelled-messages.ts";
const { index } = await loadIndex({ dataDirs: ["/work/main/data"] });
const v = buildFlagVocabulary(index);
const texts = readLabelledMessages("/work/main/test/flag/messages.yml").map((m) => m.text);
for (const t of texts) findUnsourcedFigures(t, v);
const best = [];
for (let k = 0; k < 60; k++) { const t0 = performance.now(); for (let r = 0; r < 30; r++) for (const t of texts) findUnsourcedFigures(t, v); best.push(performance.now() - t0); }
console.log("new msgs/s", Math.round(texts.length * 30 / (Math.min(...best) / 1000)));
