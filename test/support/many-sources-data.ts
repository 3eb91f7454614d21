/**
 * A claims index written to a temp folder: one topic that `count` sources give figures for, most of them
 * different (so they disagree with the headline), a few the same. Names and quotes carry `&`, `<` and
 * `<!channel>` so that data escaping is exercised too.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stringify } from "yaml";

export const MANY_TOPIC_TITLE = "Widgets counted by R&D <Labs> & friends";
export const MANY_QUESTION = "russian widgets destroyed";
export const HOSTILE_SOURCE = "Monitor 000 R&D <Institute> <!channel>";

export interface ManySourcesIndex {
  dataDir: string;
  documentsDir: string;
  /** Every source's printable name; the first is the headline's (the latest figure). */
  sourceNames: string[];
  disagreeing: number;
  agreeing: number;
}

export function writeManySourcesIndex(count: number, agreeing: number): ManySourcesIndex {
  const root = mkdtempSync(path.join(tmpdir(), "tally-many-sources-"));
  const dataDir = path.join(root, "data");
  const documentsDir = path.join(root, "documents");
  for (const folder of ["topics", "sources", "documents", "claims"])
    mkdirSync(path.join(dataDir, folder), { recursive: true });
  mkdirSync(documentsDir, { recursive: true });

  const names = Array.from({ length: count }, (_, i) =>
    i === 0 ? HOSTILE_SOURCE : `Monitor ${String(i).padStart(3, "0")}`,
  );
  const documentFile = "900_many_sources.txt";
  const quotes = names.map(
    (_, i) => `Monitor number ${i} & co counted <b>${1000 + i * 7}</b> widgets so far.`,
  );
  writeFileSync(path.join(documentsDir, documentFile), quotes.join("\n"));

  writeFileSync(
    path.join(dataDir, "topics", "widgets.yml"),
    stringify([
      {
        id: "fixture-widgets",
        title: MANY_TOPIC_TITLE,
        subject: "Russia",
        measure: "destroyed",
        period: "cumulative since 2024",
        unit: "vehicles",
        thing: "widgets",
        aliases: ["widgets counted", "how many widgets were counted", "widget count"],
        key: true,
      },
    ]),
  );
  writeFileSync(
    path.join(dataDir, "sources", "monitors.yml"),
    stringify(names.map((name, i) => ({ id: `monitor-${i}`, name, kind: "analyst" }))),
  );
  writeFileSync(
    path.join(dataDir, "documents", "widget-times.yml"),
    stringify([
      {
        id: "widget-times-2025-10-01",
        file: documentFile,
        outlet: "The Widget & <Gadget> Times",
        headline: "Everyone counts widgets",
        published: "2025-10-01",
      },
    ]),
  );
  // Source 0 has the latest date (the headline); sources 1..agreeing give the same figure; the rest differ.
  const claims = names.map((_, i) => ({
    id: `monitor-${i}-widgets`,
    topic: "fixture-widgets",
    value: i <= agreeing ? 1000 : 1000 + i * 7,
    as_of: i === 0 ? "2025-10-01" : `2025-09-${String((i % 28) + 1).padStart(2, "0")}`,
    source: `monitor-${i}`,
    document: "widget-times-2025-10-01",
    quote: quotes[i],
  }));
  writeFileSync(path.join(dataDir, "claims", "900-many.yml"), stringify(claims));
  return { dataDir, documentsDir, sourceNames: names, disagreeing: count - 1 - agreeing, agreeing };
}
