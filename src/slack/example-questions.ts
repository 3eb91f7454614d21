import type { Topic } from "../claims/schema.ts";

/**
 * Example questions for the help and the console, taken from the index so that they fit whatever story it
 * holds: the key topics' first aliases (the desk's own phrasing for each), then the other topics'.
 */
export function exampleQuestions(topics: readonly Topic[], n: number): string[] {
  const ordered = [...topics.filter((t) => t.key), ...topics.filter((t) => !t.key)];
  const examples: string[] = [];
  for (const t of ordered) {
    const phrase = t.aliases[0] ?? t.title;
    if (!examples.includes(phrase)) examples.push(phrase);
    if (examples.length >= n) break;
  }
  return examples;
}
