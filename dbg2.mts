import { loadFlagVocabulary } from "/work/main/src/flag/load-flag-vocabulary.ts";
const v = await loadFlagVocabulary(["test/flag/fixtures/war-in-ukraine"]);
for (const w of process.argv.slice(2)) console.log(w, v.counted.get(w), v.storyContext.has(w), v.modifiers.has(w), v.places.has(w), v.subjects.has(w), v.sources.isOneWordName(w), v.sources.anyIn(w), v.sources.observerIn(w));
