import type { Concept } from "../claims/schema.ts";
import { stemWord } from "./normalize-question.ts";
import { stopwords } from "./stopwords.ts";
import { matcherKinds, stemsOf } from "./vocabulary.ts";

const stopStems = new Map([...stopwords].map((w) => [stemWord(w), w]));

/**
 * Phrases that will not read as the desk meant: one that stems to a filler word ("crossed" → "cross", as in
 * "crossed a million"), and two concepts' phrases that stem alike ("fire" to launch, and the fire of a
 * wildfire story). The matcher takes the first concept for a phrase, so such a clash quietly changes answers.
 */
export function vocabularyClashes(concepts: readonly Concept[]): string[] {
  const out: string[] = [];
  const seen = new Map<string, { concept: string; phrase: string }>();
  for (const c of concepts) {
    if (!matcherKinds.has(c.kind)) continue;
    for (const phrase of c.phrases) {
      const stems = stemsOf(phrase);
      const key = stems.join(" ");
      if (stems.length === 1 && stopStems.has(key))
        out.push(`concept ${c.id}: "${phrase}" reads as the filler word "${stopStems.get(key)}"`);
      const other = seen.get(key);
      if (other && other.concept !== c.id)
        out.push(`concepts ${other.concept} and ${c.id}: "${other.phrase}" and "${phrase}" read alike`);
      else if (!other) seen.set(key, { concept: c.id, phrase });
    }
  }
  return out;
}
