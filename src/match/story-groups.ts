import type { ClaimsIndex } from "../claims/claims-index.ts";
import { type Steps, sliceConfig } from "../schedule/time-slice.ts";

/** The order `localeCompare` gives, without making its collator again on every comparison. */
const byId = new Intl.Collator().compare;

/**
 * Which story each topic belongs to: topics whose figures come from the same documents, or that the desk
 * links with `related`, are one story. A word is told apart from its neighbours only within its story, so
 * another story's places and subjects never count against a topic. Yields every few hundred claims or
 * topics (see schedule/time-slice.ts).
 */
export function* storyGroupSteps(index: ClaimsIndex): Steps<Map<string, number>> {
  // Union-find over numbers: topics first, in index order, then documents as claims name them.
  const topicNode = new Map<string, number>();
  for (const t of index.topics) if (!topicNode.has(t.id)) topicNode.set(t.id, topicNode.size);
  const documentNode = new Map<string, number>();
  const parent: number[] = Array.from({ length: topicNode.size }, (_, i) => i);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root] as number;
    // Path compression: every node on the way points at the root.
    for (let at = x; parent[at] !== root; ) {
      const up = parent[at] as number;
      parent[at] = root;
      at = up;
    }
    return root;
  };
  const join = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  let n = 0;
  for (const c of index.claims) {
    let doc = documentNode.get(c.document);
    if (doc === undefined) {
      doc = topicNode.size + documentNode.size;
      documentNode.set(c.document, doc);
      parent.push(doc);
    }
    const topic = topicNode.get(c.topic);
    if (topic !== undefined) join(topic, doc);
    if (++n % sliceConfig.itemsPerStep === 0) yield;
  }
  for (const t of index.topics) {
    const from = topicNode.get(t.id) as number;
    for (const r of t.related) {
      const to = topicNode.get(r);
      if (to !== undefined) join(from, to);
    }
    if (++n % sliceConfig.itemsPerStep === 0) yield;
  }
  // Stories are numbered in topic id order, so the numbers never follow the order files were loaded in.
  const ids = new Map<number, number>();
  const out = new Map<string, number>();
  const sorted = [...index.topics].sort((a, b) => byId(a.id, b.id));
  yield;
  for (const t of sorted) {
    const root = find(topicNode.get(t.id) as number);
    if (!ids.has(root)) ids.set(root, ids.size);
    out.set(t.id, ids.get(root) ?? 0);
    if (++n % sliceConfig.itemsPerStep === 0) yield;
  }
  return out;
}
