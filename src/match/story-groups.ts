import type { ClaimsIndex } from "../claims/claims-index.ts";
import { type Steps, sliceConfig } from "../schedule/time-slice.ts";

/**
 * Which story each topic belongs to: topics whose figures come from the same documents, or that the desk
 * links with `related`, are one story. A word is told apart from its neighbours only within its story, so
 * another story's places and subjects never count against a topic. Yields every few hundred claims or
 * topics (see schedule/time-slice.ts).
 */
export function* storyGroupSteps(index: ClaimsIndex): Steps<Map<string, number>> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(x, root);
    return root;
  };
  const join = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  for (const t of index.topics) parent.set(`t:${t.id}`, `t:${t.id}`);
  let n = 0;
  for (const c of index.claims) {
    const doc = `d:${c.document}`;
    if (!parent.has(doc)) parent.set(doc, doc);
    if (parent.has(`t:${c.topic}`)) join(`t:${c.topic}`, doc);
    if (++n % sliceConfig.itemsPerStep === 0) yield;
  }
  for (const t of index.topics) {
    for (const r of t.related) if (parent.has(`t:${r}`)) join(`t:${t.id}`, `t:${r}`);
    if (++n % sliceConfig.itemsPerStep === 0) yield;
  }
  const ids = new Map<string, number>();
  const out = new Map<string, number>();
  const sorted = [...index.topics].sort((a, b) => a.id.localeCompare(b.id));
  yield;
  for (const t of sorted) {
    const root = find(`t:${t.id}`);
    if (!ids.has(root)) ids.set(root, ids.size);
    out.set(t.id, ids.get(root) ?? 0);
    if (++n % sliceConfig.itemsPerStep === 0) yield;
  }
  return out;
}
