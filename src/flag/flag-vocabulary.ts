import type { ClaimsIndex } from "../claims/claims-index.ts";
import { knownUnits, type Topic } from "../claims/schema.ts";
import {
  countingVerbs,
  durationNouns,
  labelWords,
  logisticsNouns,
  monthWords,
  numberModifiers,
} from "./figures/newsroom-words.ts";
import { createSourceNames, type SourceNames } from "./source-names.ts";

/** What the detector needs from the index: its topics, its sources and the shipped vocabulary. */
export type FlagIndex = Pick<ClaimsIndex, "topics" | "sourceById" | "concepts">;

/** The unit a counted noun implies: people, or a count of things. */
export type CountedUnit = "people" | "count";

/**
 * Everything the flag detector knows about words beyond language mechanics, built once per index from its
 * data: the `kind: figure` concepts of `vocabulary/` (see data/vocabulary/figure-words.yml), the words of the
 * loaded topics, and the names of the loaded sources. No story is written into the code.
 */
export interface FlagVocabulary {
  /** Nouns that make a number a figure: "38,000 soldiers", "1,200 homes", "300 killed". */
  counted: ReadonlyMap<string, CountedUnit>;
  /** What befell people: "3 were killed"; a small number with one of these is a figure. */
  harm: ReadonlySet<string>;
  /** What happened to what was counted, after a number: "28 were shot down", "12 destroyed". */
  outcomes: ReadonlySet<string>;
  /** Verbs that, right before a number, make it a claim: "killed 300", "arrested 40", "reached 1,000". */
  claimVerbs: ReadonlySet<string>;
  /** Words between a number and its noun that do not end the search: "38,000 Russian soldiers". */
  modifiers: ReadonlySet<string>;
  /** Words that make a clause about the news, not "people" (which counts readers too). */
  storyContext: ReadonlySet<string>;
  /** `storyContext`, "people" and the counting verbs: a bare number ≥ 1,000 in such a clause is a figure. */
  claimContext: ReadonlySet<string>;
  /** Money in a clause without these words is expenses ("$45 taxi"), unless it is large. */
  moneyContext: ReadonlySet<string>;
  /** Topics' places: they label a line ("Kharkiv: 18 injured") without saying who said so. */
  places: ReadonlySet<string>;
  /** Topics' subjects, by name ("russia", "valencia"): "Russia's numbers" are what is counted, not a count. */
  subjects: ReadonlySet<string>;
  /** Newsroom beats of the shipped vocabulary ("Aid: …", "Turnout: …"): a line labelled with one has no source. */
  beats: ReadonlySet<string>;
  sources: SourceNames;
}

const moneyUnits = new Set(["usd", "eur", "gbp", "money"]);
// Words of topic fields that say nothing about what is counted.
const functionWords = new Set(
  `the and for from with into over under since per own its their his her our all any one two three than that
   this these those who whom what which when where how about after before between during until while each
   every other more most less least only also just not nor but yet via near across around against among
   total overall combined cumulative including include includes excluding only single first last latest new
   calendar period measure since full scale full-scale began begun start started how many much have has had
   been being was were are is does did can could would should will may might them they there here figure
   figures number numbers totals counts estimates data stats statistics levels rates since across`.split(
    /\s+/,
  ),
);

/** The role of a `kind: figure` concept, from the start of its id (see data/vocabulary/figure-words.yml). */
type Role = "people" | "things" | "harm" | "outcomes" | "modifiers" | "context" | "money" | "observers";
const roles: readonly Role[] = [
  "people",
  "things",
  "harm",
  "outcomes",
  "modifiers",
  "context",
  "money",
  "observers",
];

function roleOf(id: string): Role {
  for (const r of roles) if (id.startsWith(`figure-${r}`)) return r;
  // A desk's own figure concept with another name counts things.
  return "things";
}

/** Lower-case words of a field, without function words, dates or newsroom logistics. */
function contentWords(text: string | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const raw of text.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? []) {
    const w = raw.replace(/['’]s$/, "");
    if (w.length < 3 || functionWords.has(w) || monthWords.has(w) || durationNouns.has(w)) continue;
    if (logisticsNouns.has(w) || labelWords.has(w)) continue;
    out.push(w);
  }
  return out;
}

/** Builds the vocabulary for one index. Cheap enough to rebuild on every reload; never needed per message. */
export function buildFlagVocabulary(index: FlagIndex): FlagVocabulary {
  const words: Record<Role, Set<string>> = {
    people: new Set(),
    things: new Set(),
    harm: new Set(),
    outcomes: new Set(),
    modifiers: new Set(numberModifiers),
    context: new Set(),
    money: new Set(),
    observers: new Set(),
  };
  for (const c of index.concepts) {
    if (c.kind !== "figure") continue;
    const role = roleOf(c.id);
    // Names keep their case ("WHO" is a name, "who" a word); the other roles are single lower-case words.
    if (role === "observers") for (const p of c.phrases) words.observers.add(p);
    else for (const p of c.phrases) for (const w of p.toLowerCase().split(/\s+/)) if (w) words[role].add(w);
  }
  const beats = new Set([...words.context, ...words.money]);
  const places = new Set<string>();
  const subjects = new Set<string>();
  for (const t of index.topics) {
    addTopicWords(t, words);
    for (const w of names(t.place)) places.add(w);
    for (const w of names(t.subject)) subjects.add(w);
  }

  const counted = new Map<string, CountedUnit>();
  for (const w of words.things) counted.set(w, "count");
  for (const w of [...words.people, ...words.harm]) counted.set(w, "people");
  const storyContext = new Set([...counted.keys(), ...words.context]);
  storyContext.delete("people");
  // Verbs are evidence only next to a number ("lost 40%"): a topic titled "troops lost" does not make every
  // clause with "lost" about the news.
  for (const w of words.outcomes) if (!counted.has(w)) storyContext.delete(w);
  counted.delete("people");
  const outcomes = new Set([...words.outcomes, ...words.harm]);
  const claimVerbs = new Set([...outcomes, ...countingVerbs]);
  return {
    counted,
    harm: words.harm,
    outcomes,
    claimVerbs,
    modifiers: words.modifiers,
    storyContext,
    claimContext: new Set([...storyContext, "people", ...claimVerbs]),
    moneyContext: words.money,
    places,
    subjects,
    beats,
    sources: createSourceNames(index.sourceById.values(), words.observers),
  };
}

/**
 * A topic's own words: what it counts (the head noun of `thing`, and of `unit` when it is not one Tally
 * formats) is a counted noun; its measure, subject, place, title and aliases make a clause about its story, and may stand between
 * a number and its noun ("38,000 russian soldiers").
 */
function addTopicWords(t: Topic, words: Record<Role, Set<string>>): void {
  // The head noun is the last word: "armoured fighting vehicles" counts vehicles, "fighting" only describes them.
  const unitWords = (knownUnits as readonly string[]).includes(t.unit) ? [] : contentWords(t.unit);
  for (const field of [contentWords(t.thing), unitWords]) {
    const head = field.at(-1);
    if (head) words.things.add(head);
    for (const w of field) {
      words.context.add(w);
      if (w !== head) words.modifiers.add(w);
    }
  }
  const about = [
    ...contentWords(t.measure),
    ...contentWords(t.subject),
    ...contentWords(t.place),
    ...contentWords(t.title),
    ...t.aliases.flatMap(contentWords),
  ];
  for (const w of about) {
    words.context.add(w);
    // "striking stevedores", "russian casualties": a plural in a topic's words names what it counts; the
    // rest ("russian", "striking") may stand between a number and its noun.
    if (isPlural(w)) words.things.add(w);
    else words.modifiers.add(w);
  }
  if (moneyUnits.has(t.unit)) for (const w of about) words.money.add(w);
}

const notPlural = /(?:ss|us|is|ics|ness|sis|'s|’s)$/;
function isPlural(word: string): boolean {
  return word.length > 3 && word.endsWith("s") && !notPlural.test(word) && !functionWords.has(word);
}

/** The capitalised words of a field, lower-cased: "Kursk region" → kursk; "Valencia province residents" → valencia. */
function names(text: string | undefined): string[] {
  return (text?.match(/\p{Lu}[\p{L}'’-]*/gu) ?? []).map((w) => w.toLowerCase().replace(/['’]s$/, ""));
}
