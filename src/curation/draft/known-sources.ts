import type { Source } from "../../claims/schema.ts";
// Observers attribute wherever a sentence names them: the flag detector's split of kinds.
import { observerKind } from "../../flag/source-names.ts";

/** A loaded source named in a text: which one, where, and whether it reports on others (an observer). */
export interface SourceMention {
  id: string;
  start: number;
  end: number;
  observer: boolean;
}

/** Finds the index's sources in text by name and alias: the only way drafting knows any story's names. */
export interface KnownSources {
  mentions(text: string): SourceMention[];
  /** The source a name as a text writes it stands for, loosely ("the regional health authority"). */
  byName(name: string): string | null;
  kindOf(id: string): string;
  namesOf(id: string): readonly string[];
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** "UN", "AP", "WHO": short capitals whose lower-case spelling may be a word, matched only as written. */
const isAcronym = (name: string): boolean =>
  name.length <= 3 && /^[\p{Lu}\d][\p{L}\d&/-]*$/u.test(name) && /\p{Lu}.*\p{Lu}/u.test(name);
/** Curly apostrophes as straight ones, one character for one so that offsets hold. */
export const straighten = (s: string): string => s.replace(/[’‘]/g, "'");
const fold = (s: string): string =>
  straighten(s)
    .toLowerCase()
    .replace(/^the\s+/, "")
    .replace(/\s+/g, " ")
    .trim();

export function createKnownSources(sources: Iterable<Source>): KnownSources {
  const patterns: Array<{ id: string; re: RegExp; observer: boolean }> = [];
  const kinds = new Map<string, string>();
  const names = new Map<string, string[]>();
  for (const s of sources) {
    kinds.set(s.id, s.kind);
    const all = [s.name, ...s.aliases].map((n) => n.trim()).filter((n) => n.length >= 2);
    names.set(s.id, all);
    for (const n of all) {
      const body = escapeRegExp(straighten(n)).replace(/\s+/g, "\\s+");
      patterns.push({
        id: s.id,
        re: new RegExp(`(?<![\\p{L}\\d_])${body}(?![\\p{L}\\d_])`, isAcronym(n) ? "gu" : "giu"),
        observer: observerKind.test(s.kind),
      });
    }
  }
  return {
    mentions(text) {
      const flat = straighten(text);
      const found: SourceMention[] = [];
      for (const p of patterns)
        for (const m of flat.matchAll(p.re))
          found.push({ id: p.id, start: m.index, end: m.index + m[0].length, observer: p.observer });
      // The longest name wins where two overlap ("the UK Ministry of Defence" over "Ministry of Defence").
      found.sort((a, b) => a.start - b.start || b.end - a.end);
      const kept: SourceMention[] = [];
      for (const f of found) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
      return kept;
    },
    byName(name) {
      const mention = this.mentions(name)[0];
      if (mention) return mention.id;
      const wanted = fold(name);
      if (wanted.length < 3) return null;
      for (const [id, all] of names) if (all.some((n) => fold(n) === wanted)) return id;
      return null;
    },
    kindOf: (id) => kinds.get(id) ?? "",
    namesOf: (id) => names.get(id) ?? [],
  };
}
