import type { DraftClaim } from "../figure-input.ts";
import { type Cue, findCues, hasSayVerb } from "./attribution-cues.ts";
import { draftConfig } from "./draft-config.ts";
import type { KnownSources, SourceMention } from "./known-sources.ts";
import type { Sentence } from "./sentences.ts";

type DraftSource = DraftClaim["source"];

/** The sentences of one text, each read once for its cues and the loaded sources it names. */
export class Attributions {
  readonly #cues: Cue[][];
  readonly #mentions: SourceMention[][];

  constructor(
    private readonly sentences: readonly Sentence[],
    private readonly known: KnownSources,
  ) {
    this.#cues = sentences.map((s) => findCues(s.text));
    this.#mentions = sentences.map((s) => known.mentions(s.text));
  }

  /**
   * Who gives the figure at `at` (an offset in sentence `i`): the cue nearest the figure, read as a loaded
   * source when it names one; "she said", "the agency said" from the nearest earlier sentence that names one;
   * else the name as written; else an observer named anywhere in the sentence; else nobody.
   */
  sourceOf(i: number, at: number, end: number): DraftSource {
    const cue = nearest(this.#cues[i] ?? [], at, end);
    if (cue) {
      const own = this.#inCue(i, cue);
      if (own) return { id: own };
      if (cue.pronoun || cue.generic) {
        const earlier = this.#earlier(i, cue);
        if (earlier) return earlier;
      }
      if (!cue.pronoun) {
        const id = this.known.byName(cue.name);
        return id ? { id } : { name: cue.name };
      }
    }
    const mentions = this.#mentions[i] ?? [];
    const observer = mentions.find((m) => m.observer);
    if (observer) return { id: observer.id };
    // A cue whose name did not read ("The RDG, which represents train companies, said"): the loaded source
    // named before the figure.
    if ((cue && !cue.pronoun) || (!cue && hasSayVerb(this.sentences[i]?.text ?? ""))) {
      const before = mentions.filter((m) => m.end <= at).at(-1);
      if (before) return { id: before.id };
    }
    return this.#quoted(i);
  }

  /**
   * A sentence inside a quotation: the speaker named where it opened ('Anna Berg said: "We are sorry. We know
   * …'), or after it closed ('"We have contacted 1.6 million …," Ms Berg said'), in the same paragraph.
   */
  #quoted(i: number): DraftSource {
    const sentence = this.sentences[i];
    if (!sentence) return null;
    const opened = this.#quoteOpenedAt(i);
    if (opened === null) return null;
    if (opened.sentence < i || opened.at > 0) {
      const j = opened.sentence;
      const cue = (this.#cues[j] ?? []).filter((c) => c.at < opened.at).at(-1);
      if (cue) return this.#fromCue(j, cue);
    }
    for (let j = i; j < this.sentences.length; j++) {
      const s = this.sentences[j];
      if (!s || s.paragraph !== sentence.paragraph) break;
      const close = closingQuote(s.text, j === opened.sentence ? opened.at : -1);
      if (close < 0) continue;
      const cue = (this.#cues[j] ?? []).find((c) => c.at > close);
      return cue ? this.#fromCue(j, cue) : null;
    }
    return null;
  }

  #fromCue(j: number, cue: Cue): DraftSource {
    const own = this.#inCue(j, cue);
    if (own) return { id: own };
    if (cue.pronoun || cue.generic) return this.#earlier(j, cue) ?? (cue.pronoun ? null : { name: cue.name });
    const id = this.known.byName(cue.name);
    return id ? { id } : { name: cue.name };
  }

  /** Where the quotation the sentence is in opened (sentence and offset), or null when it is in none. */
  #quoteOpenedAt(i: number): { sentence: number; at: number } | null {
    const paragraph = this.sentences[i]?.paragraph;
    let open: { sentence: number; at: number } | null = null;
    for (let j = 0; j < i; j++) {
      const s = this.sentences[j];
      if (!s || s.paragraph !== paragraph) continue;
      for (const m of s.text.matchAll(/[“”"]/g)) {
        const opens: boolean = m[0] === "“" || (m[0] === '"' && open === null);
        open = opens ? { sentence: j, at: m.index } : null;
      }
    }
    // '"We have 40 crews out," the fire service said.': a quotation that opens with the sentence itself.
    if (open === null && /^[“"]/.test(this.sentences[i]?.text ?? "")) return { sentence: i, at: 0 };
    return open;
  }

  /** A loaded source named within the cue's name ("the UK Ministry of Defence said"). */
  #inCue(i: number, cue: Cue): string | null {
    const from = cue.nameStart;
    const to = from + cue.name.length;
    return (this.#mentions[i] ?? []).find((m) => m.start < to && from < m.end)?.id ?? null;
  }

  /** Who "she" or "the agency" is: a source an earlier sentence of the same text attributes to. */
  #earlier(i: number, cue: Cue): DraftSource {
    const head =
      cue.name
        .toLowerCase()
        .split(/\s+/)
        .at(-1)
        ?.replace(/['’]s$/, "") ?? "";
    let fallback: DraftSource = null;
    let named: DraftSource = null;
    for (let j = i - 1; j >= Math.max(0, i - draftConfig.lookBackSentences); j--) {
      const cues = this.#cues[j] ?? [];
      const attached = cues.map((c) => this.#inCue(j, c)).filter((id): id is string => id !== null);
      // Attributed first, then observers, then any source the sentence names ("Mayor Okafor visited …").
      const mentions = this.#mentions[j] ?? [];
      const observers = mentions.filter((m) => m.observer).map((m) => m.id);
      const ids = [...new Set([...attached.reverse(), ...observers, ...mentions.map((m) => m.id)])];
      // "the agency said" after "the Riverland Emergency Agency estimated": the one its noun names.
      const fitting = ids.find((id) => matchesHead(head, id, this.known));
      if (cue.generic && fitting) return { id: fitting };
      fallback ??= ids[0] ? { id: ids[0] } : null;
      const person = cues.filter((c) => !c.pronoun && !c.generic).at(-1);
      named ??= person ? { name: person.name } : null;
    }
    if (cue.generic) return fallback;
    return fallback ?? named;
  }
}

function matchesHead(head: string, id: string, known: KnownSources): boolean {
  if (head.length < 3) return false;
  const words = [known.kindOf(id), ...known.namesOf(id)].join(" ").toLowerCase();
  return words.includes(head.replace(/s$/, ""));
}

/** The cue closest to the figure, before or after it. */
function nearest(cues: readonly Cue[], at: number, end: number): Cue | undefined {
  let best: Cue | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of cues) {
    const distance = c.at >= end ? c.at - end : Math.max(0, at - c.at);
    if (distance < bestDistance) {
      best = c;
      bestDistance = distance;
    }
  }
  return best;
}

/** Where a quotation closes in a sentence, after `from`; -1 when it does not. */
function closingQuote(text: string, from: number): number {
  const curly = text.indexOf("”", from + 1);
  if (curly >= 0) return curly;
  return text.indexOf('"', from + 1);
}
