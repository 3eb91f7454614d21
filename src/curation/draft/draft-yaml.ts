import { Document, isMap, isSeq, type YAMLMap } from "yaml";
import type { DraftClaim } from "../figure-input.ts";

/** The article a draft came from, as a suggested `documents/` entry. */
export interface DraftDocument {
  id: string;
  outlet: string;
  headline: string;
  published: string | null;
  url?: string;
  file?: string;
}

const slug = (s: string, max = 40): string =>
  s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/^the\s+/, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "") || "unnamed";

/** The suggested document: from the link when there is one, else from the headline. */
export function suggestDocument(p: {
  url?: string | undefined;
  headline: string | null;
  published: string | null;
  file?: string | undefined;
}): DraftDocument {
  const host = p.url ? new URL(p.url).hostname.replace(/^www\./, "") : null;
  const outlet = host ?? "OUTLET";
  const headline = p.headline ?? "HEADLINE";
  const stem = host ? slug(host.replace(/\.[a-z]+$/, ""), 24) : slug(headline, 30);
  return {
    id: [stem, p.published].filter(Boolean).join("-"),
    outlet,
    headline,
    published: p.published,
    ...(p.url ? { url: p.url } : {}),
    ...(p.file ? { file: p.file } : {}),
  };
}

/**
 * The drafts as a YAML list of claims in the data layout, with a comment wherever the desk must act (a new
 * source, a new topic, a missing date), and the suggested document entry as a comment at the top.
 */
export function draftsToYaml(drafts: readonly DraftClaim[], document: DraftDocument): string {
  const ids = new Set<string>();
  const entries = drafts.map((d) => claimEntry(d, document, ids));
  const doc = new Document(entries.map((e) => e.entry));
  const docLines = new Document([document]).toString().trimEnd().split("\n");
  doc.commentBefore = [
    ` Drafted by \`claims draft\`: ${drafts.length} candidate figure${drafts.length === 1 ? "" : "s"}. Check each one, then commit.`,
    " Suggested documents/ entry (add it if the document is new):",
    ...docLines.map((l) => ` ${l}`),
    ...(document.published ? [] : [" The document has no published date: set it."]),
  ].join("\n");
  const seq = doc.contents;
  if (isSeq(seq))
    seq.items.forEach((item, i) => {
      const notes = entries[i]?.notes ?? [];
      if (isMap(item) && notes.length > 0)
        (item as YAMLMap).commentBefore = notes.map((n) => ` ${n}`).join("\n");
    });
  return doc.toString({ lineWidth: 0 });
}

function claimEntry(
  d: DraftClaim,
  document: DraftDocument,
  ids: Set<string>,
): { entry: Record<string, unknown>; notes: string[] } {
  const notes: string[] = [`"${d.figureText}"`];
  let source: string;
  let unattributed = false;
  if (d.source && "id" in d.source) source = d.source.id;
  else if (d.source) {
    // "Tomas Ferrer, a hydrologist at …": the id from the name before its apposition.
    source = slug(d.source.name.split(",")[0] ?? d.source.name);
    notes.push(
      `new source: "${d.source.name}" is not in sources/; add it as ${source}, or use a source you have`,
    );
  } else {
    source = slug(document.outlet);
    unattributed = true;
    notes.push("no source named: the outlet stands as the source (unattributed); check, or name who says so");
  }
  let topic: string;
  if ("id" in d.topic) {
    topic = d.topic.id;
    notes.push(`topic matched with confidence ${d.topic.confidence}`);
  } else {
    const p = d.topic.proposed;
    const words = [p.subject, p.measure ?? p.thing, p.unit === "people" ? null : p.unit].flatMap((w) =>
      w ? w.split(/\s+/) : [],
    );
    topic = `new-${slug([...new Set(words)].join(" ") || "topic")}`;
    const fields = [
      `subject: ${p.subject ?? "?"}`,
      `measure: ${p.measure ?? "?"}`,
      `unit: ${p.unit}`,
      ...(p.thing ? [`thing: ${p.thing}`] : []),
    ];
    notes.push(
      `new topic ${topic}: ${fields.join(", ")}; add it to topics/ (title, period, aliases), or use one you have`,
    );
  }
  if (d.asOf === null) notes.push("no date in the text: set as_of");
  const stem = [source, topic, d.asOf ?? "undated"].join("-");
  let id = stem;
  for (let n = 2; ids.has(id); n++) id = `${stem}-${n}`;
  ids.add(id);
  const r = d.reading;
  const entry: Record<string, unknown> = {
    id,
    topic,
    ...(r.value !== undefined ? { value: r.value } : { low: r.low, high: r.high }),
    ...(r.qualifier ? { qualifier: r.qualifier } : {}),
    as_of: d.asOf,
    source,
    ...(unattributed ? { unattributed: true } : {}),
    document: document.id,
    quote: d.sentence,
  };
  return { entry, notes };
}
