import type { z } from "zod";
import { checkOnce } from "./parse-entries.ts";
import type { DataFolder } from "./read-data-folders.ts";
import type { YamlItem } from "./read-yaml-list.ts";
import { ClaimSchema, ConceptSchema, DocumentSchema, SourceSchema, TopicSchema } from "./schema.ts";

/** The schema a data folder's entries are checked against, with the folder's name for the parse cache's key. */
export interface EntryCheck {
  name: DataFolder;
  schema: z.ZodType;
}

export const folderChecks: Readonly<Record<DataFolder, EntryCheck>> = Object.freeze({
  topics: { name: "topics", schema: TopicSchema },
  sources: { name: "sources", schema: SourceSchema },
  documents: { name: "documents", schema: DocumentSchema },
  claims: { name: "claims", schema: ClaimSchema },
  vocabulary: { name: "vocabulary", schema: ConceptSchema },
});

/**
 * An item checked as it is read: one that passes its folder's schema holds what the schema makes of it
 * (defaults filled in, words trimmed) and is marked `checked`, so the loader takes it as it is, and the parse
 * cache keeps it so (a restart runs no schema over unchanged files). One that fails stays as written, its
 * verdict remembered, for the loader to report as it always has.
 */
export function checkItem<T extends Pick<YamlItem, "value">>(
  item: T,
  check: EntryCheck,
): T & { checked?: true } {
  const result = checkOnce(check.schema, item.value);
  return result.success ? { ...item, value: result.data, checked: true } : item;
}
