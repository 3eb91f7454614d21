import { readFileSync } from "node:fs";
import wordListPath from "word-list";

/**
 * The English dictionary (the `word-list` package, ~274,000 words, no proper nouns), so that a real word is
 * never "corrected" to a word of the index: "standing" is not a typo for "stationed", nor "lunch" for
 * "launch". Read when a matcher is built; callers that build many matchers pass one set in.
 */
export function loadEnglishWords(): ReadonlySet<string> {
  return new Set(readFileSync(wordListPath, "utf8").split("\n"));
}
