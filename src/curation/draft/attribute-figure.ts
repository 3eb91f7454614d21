import type { DraftClaim } from "../figure-input.ts";
import { type Cue, findCues, hasSayVerb } from "./attribution-cues.ts";
import {
  closingQuote,
  dataMention,
  dataWords,
  framing,
  headOf,
  matchesHead,
  nearest,
  spokesperson,
  vagueBodies,
} from "./cue-choice.ts";
import { draftConfig } from "./draft-config.ts";
import type { KnownSources, SourceMention } from "./known-sources.ts";
import {
  hasRole,
  hasSurname,
  namedPhrases,
  openingName,
  personName,
  phraseWithNoun,
  surnameOf,
} from "./referents.ts";
import type { Sentence } from "./sentences.ts";

type DraftSource = DraftClaim["source"];
/** A source as read: `person` when a named person gives it for the body ("chief executive Anna Berg"). */
type Read = { id: string; person?: boolean } | { name: string } | null;

/** The sentences of one text, each read once for its cues and the loaded sources it names. */
export class Attributions {
  readonly #cues: Cue[][];
  readonly #mentions: SourceMention[][];

  constructor(
    private readonly sentences: readonly Sentence[],
    private readonly known: KnownSources,
    /** The source that issued the text (a press release): its own statements are the outlet's, null. */
    private readonly issuer: string | null = null,
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
    const read = this.#read(i, at, end);
    if (!read || !("id" in read)) return read;
    return read.id === this.issuer && !read.person ? null : { id: read.id };
  }

  #read(i: number, at: number, end: number): Read {
    const cues = this.#cues[i] ?? [];
    const cue = framing(cues, this.sentences[i]?.text ?? "", at) ?? nearest(cues, at, end);
    if (cue) {
      const read = this.#fromCue(i, cue);
      if (read) return read;
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
  #quoted(i: number): Read {
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
      return cue ? this.#fromCue(j, cue) : this.#speakerBefore(i);
    }
    return this.#speakerBefore(i);
  }

  /** '"We have seen a rise," said Dr Yusuf. "More than 200 cases …"': a quotation going on after its speaker. */
  #speakerBefore(i: number): Read {
    const sentence = this.sentences[i];
    const previous = this.sentences[i - 1];
    if (!sentence || !previous || previous.paragraph !== sentence.paragraph || !/^[“"]/.test(sentence.text))
      return null;
    const close = closingQuote(previous.text, previous.text.search(/[“"]/));
    const cue = close < 0 ? undefined : (this.#cues[i - 1] ?? []).find((c) => c.at > close);
    return cue ? this.#fromCue(i - 1, cue) : null;
  }

  /**
   * Who a cue names: a loaded source within its name; for "she", whom an earlier sentence names; for "the
   * ministry", the body an earlier (or the next) sentence names with that noun; for "Santos", the earlier
   * cue with his full name; a spokesperson speaks for the loaded source the sentence names; else the name.
   */
  #fromCue(j: number, cue: Cue, depth = 0): Read {
    const own = this.#inCue(j, cue);
    if (own) return { id: own, person: this.#personIn(j, cue) };
    if (cue.pronoun) return this.#earlier(j, cue, depth);
    if (cue.generic) return this.#referent(j, cue) ?? { name: cue.name };
    // "A spokesman for the ministry, Paul Okoye", "the consortium's chief executive, Helen Ford", "Its governor,
    // Sarah Blake": someone speaking for a body an earlier sentence names.
    const body = this.#bodyOfRole(j, cue, depth);
    if (body) return body;
    if (spokesperson.test(cue.name)) {
      const body = (this.#mentions[j] ?? []).find((m) => m.end <= cue.nameStart || m.start >= cue.at);
      if (body) return { id: body.id, person: true };
    }
    const surname = surnameOf(cue.name);
    if (surname && depth < 2) {
      const full = this.#fullName(j, cue, surname);
      if (full) return this.#fromCue(full.sentence, full.cue, depth + 1);
    }
    const id = this.known.byName(cue.name);
    if (id) return { id };
    // "Moss told the BBC" after "Chancellor Rachel Moss will set out plans": her name as first written.
    const written = surname ? this.#writtenInFull(j, surname) : null;
    return { name: personName(written ?? cue.name) };
  }

  /** The earlier name, as a sentence wrote it out, that ends with the surname. */
  #writtenInFull(j: number, surname: string): string | null {
    for (let k = j - 1; k >= 0; k--) {
      const phrase = namedPhrases(this.sentences[k]?.text ?? "")
        .filter((p) => p.text.split(/\s+/).length >= 2 && p.text.split(/\s+/).at(-1) === surname)
        .at(-1);
      if (phrase) return phrase.text;
    }
    return null;
  }

  #bodyOfRole(j: number, cue: Cue, depth: number): Read {
    if (!hasRole(cue.name.split(",")[0] ?? "")) return null;
    const forBody = /\b(?:for|of|at)\s+((?:the|its|their)\s+[^,;]+)/iu.exec(cue.name.split(",")[0] ?? "");
    const possessor = /^((?:the|a|an)\s+[\p{L}-]+(?:\s+[\p{L}-]+){0,3})['’]s\s/iu.exec(cue.name);
    let read: Read = null;
    if (/^(?:its|their)\s/i.test(cue.name)) read = this.#earlier(j, { ...cue, pronoun: true }, depth);
    else if (forBody?.[1] ?? possessor?.[1])
      read = this.#referent(j, { ...cue, name: forBody?.[1] ?? possessor?.[1] ?? "", generic: true });
    return read && "id" in read ? { id: read.id, person: true } : null;
  }

  /** The earlier cue that wrote out the person a surname refers to ("Ms Berg" after "… Anna Berg said"). */
  #fullName(j: number, cue: Cue, surname: string): { sentence: number; cue: Cue } | null {
    for (let k = j; k >= 0; k--) {
      const found = (this.#cues[k] ?? [])
        .filter((c) => (k < j || c.at < cue.at) && hasSurname(c.name, surname))
        .at(-1);
      if (found) return { sentence: k, cue: found };
    }
    return null;
  }

  /**
   * Who "the ministry", "the centre", "a spokesperson for the group" is: the body with that noun in its name or
   * kind, named before in the sentence or in an earlier one, or pinned down in the next ones ("the country's
   * disaster agency said" before "AFAD" is named). A bare "officials" is whoever an earlier sentence cites.
   */
  #referent(j: number, cue: Cue): Read {
    const head = headOf(cue.name);
    // "Officials said": whoever an earlier sentence cites; "police said", "the ministry said": only a body
    // of that kind, or the words as written.
    if (vagueBodies.test(cue.name.trim()) || head.length < 3) return this.#earlier(j, cue);
    const text = (k: number) => this.sentences[k]?.text ?? "";
    const fitting = (k: number, until: number): Read => {
      const known = (this.#mentions[k] ?? []).filter(
        (m) => m.start < until && matchesHead(head, m.id, this.known),
      );
      const phrase = phraseWithNoun(text(k), head, until);
      const last = known.at(-1);
      if (last && (!phrase || last.start >= phrase.start)) return { id: last.id };
      if (!phrase) return null;
      const id = this.known.byName(phrase.text);
      return id ? { id } : { name: phrase.text };
    };
    const here = fitting(j, cue.nameStart);
    if (here) return here;
    for (let k = j - 1; k >= Math.max(0, j - draftConfig.lookBackSentences); k--) {
      const back = fitting(k, Number.POSITIVE_INFINITY);
      if (back) return back;
    }
    // "the study found" after "according to a study by the University of X": whoever that sentence cites.
    if (dataWords.test(head))
      for (let k = j - 1; k >= Math.max(0, j - draftConfig.lookBackSentences); k--) {
        const cited = (this.#cues[k] ?? []).find((c) => !c.pronoun && !c.generic);
        if (cited && dataMention.test(text(k))) return this.#fromCue(k, cited, 1);
      }
    for (let k = j + 1; k <= Math.min(this.sentences.length - 1, j + draftConfig.lookAheadSentences); k++) {
      const known = (this.#mentions[k] ?? []).find((m) => matchesHead(head, m.id, this.known));
      if (known) return { id: known.id };
    }
    return null;
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

  /** Whether a cue names someone besides the loaded source within it: "Harbourline chief executive Anna Berg". */
  #personIn(j: number, cue: Cue): boolean {
    const end = cue.nameStart + cue.name.length;
    const inside = (this.#mentions[j] ?? []).filter((m) => m.start < end && cue.nameStart < m.end);
    let rest = cue.name;
    for (const m of [...inside].reverse())
      rest = rest.slice(0, m.start - cue.nameStart) + rest.slice(m.end - cue.nameStart);
    if (/\p{L}/u.test(rest.replace(/^\s*the\b/i, ""))) return true;
    // "Anna Berg said", where the desk filed her name as an alias of her company: a person, not the body.
    const text = this.sentences[j]?.text ?? "";
    return inside.some((m) => {
      const own = new Set((this.known.namesOf(m.id)[0] ?? "").toLowerCase().split(/\s+/));
      const written = text.slice(m.start, m.end).split(/\s+/);
      return (
        written.length >= 2 && written.every((w) => /^\p{Lu}\p{Ll}/u.test(w) && !own.has(w.toLowerCase()))
      );
    });
  }

  /** A loaded source named within the cue's name ("the UK Ministry of Defence said"). */
  #inCue(i: number, cue: Cue): string | null {
    const from = cue.nameStart;
    const to = from + cue.name.length;
    return (this.#mentions[i] ?? []).find((m) => m.start < to && from < m.end)?.id ?? null;
  }

  /**
   * Who "she" or "officials" is: the nearest earlier sentence's attribution, else the loaded source it names
   * (observers first), else the person it opens with ("Transport Secretary Vivian Ocampo has ordered …").
   */
  #earlier(i: number, cue: Cue, depth = 0): Read {
    const head = headOf(cue.name);
    for (let j = i - 1; j >= Math.max(0, i - draftConfig.lookBackSentences); j--) {
      const mentions = this.#mentions[j] ?? [];
      // "the agency said" after "the Riverland Emergency Agency estimated": the one its noun names.
      const fitting = mentions.find((m) => matchesHead(head, m.id, this.known));
      if (cue.generic && fitting) return { id: fitting.id };
      // "Mary Dolan said the figures showed …": "she" is Dolan, not the figures.
      const said = (this.#cues[j] ?? []).filter((c) => !c.pronoun && !dataWords.test(headOf(c.name))).at(-1);
      const read = said && depth < 2 ? this.#fromCue(j, said, depth + 1) : null;
      if (read) return read;
      const observer = mentions.find((m) => m.observer) ?? mentions[0];
      if (observer) return { id: observer.id };
      const opening = openingName(this.sentences[j]?.text ?? "");
      if (opening && !cue.generic) return { name: personName(opening) };
    }
    return null;
  }
}
