/**
 * Every match of the global `pattern` in `text`, in order: what `text.matchAll(pattern)` yields, without the
 * copy of the pattern and the iterator that `matchAll` makes on each call (on a message-sized text the copy
 * costs more than the matching, and the detector runs a dozen of these per message).
 *
 * Collects eagerly and leaves `pattern.lastIndex` at 0, so a caller may use the same pattern again inside its
 * loop over the result.
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError(`allMatches needs a global pattern: ${pattern}`);
  const out: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    out.push(m);
    // As matchAll does: an empty match moves on by one character (a whole surrogate pair under `u`).
    if (m[0] === "") pattern.lastIndex = advance(text, pattern.lastIndex, pattern.unicode);
  }
  pattern.lastIndex = 0;
  return out;
}

function advance(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const lead = text.charCodeAt(at);
  const trail = text.charCodeAt(at + 1);
  return lead >= 0xd800 && lead <= 0xdbff && trail >= 0xdc00 && trail <= 0xdfff ? at + 2 : at + 1;
}
