/**
 * A key that puts a name and its adjective together: "Ukraine" and "Ukrainian", "Sudan" and "Sudanese",
 * "Kenya" and "Kenyan". Applied the same way to the data and to questions, so a wrong cut only ever merges two
 * words the index itself uses. Irregular ones ("Spain" / "Spanish") belong in the vocabulary.
 */
const suffixes = ["ians", "ian", "ans", "ese", "ish", "an", "ia", "a", "e", "n", "i"];

export function nameKey(word: string): string {
  if (/\d/.test(word)) return word;
  // Cut to a fixed point, so "Sudanese" → "sudan" → "suda" meets "Sudan" → "suda".
  let key = word;
  for (let changed = true; changed && key.length >= 5; ) {
    changed = false;
    for (const s of suffixes) {
      if (key.endsWith(s) && key.length - s.length >= 4) {
        key = key.slice(0, -s.length);
        changed = true;
        break;
      }
    }
  }
  return key;
}
