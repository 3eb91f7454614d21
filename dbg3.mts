import { loadFlagVocabulary } from "/work/main/src/flag/load-flag-vocabulary.ts";
const v = await loadFlagVocabulary([process.env.DATA!]);
const t = process.argv[2];
console.log("observerIn", v.sources.observerIn(t), "anyIn", v.sources.anyIn(t));
for (const w of t.split(/\s+/)) console.log(w, v.sources.isOneWordName(w), v.sources.observerIn(w));
