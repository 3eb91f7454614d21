import type { ClaimsIndex } from "../claims/claims-index.ts";
import type { Topic } from "../claims/schema.ts";
import { matchConfig } from "./config.ts";
import { detailConcepts, extractSlots, findDate, type QuestionSlots } from "./extract-slots.ts";
import { conceptPhrases, stopwords } from "./lexicon.ts";
import { stemWord, tokenizeQuestion } from "./normalize-question.ts";
import { PhraseMatcher } from "./phrase-matcher.ts";
import { measureConcept, type TopicProfile, tagDetail } from "./topic-profile.ts";
import { TypoCorrector } from "./typo-corrector.ts";

export interface RankedTopic {
  topic: Topic;
  confidence: number;
}

export interface TopicMatch {
  /** Best first; the first is the answer when its confidence clears `matchConfig.abstainBelow`. */
  ranked: RankedTopic[];
  /** Best first, scored without ruling topics out: "did you mean" material when Tally abstains. */
  related: () => RankedTopic[];
  slots: QuestionSlots;
}

/** Measure concepts that stand in for another at a discount: "losses" may mean deaths for a war long over. */
const softMeasure: Record<string, Record<string, number>> = {
  casualties: { killed: 0.45, missing: 0.7, wounded: 0.2 },
  killed: { casualties: 0.3, missing: 0.25 },
  wounded: { casualties: 0.25 },
  missing: { casualties: 0.55 },
  share: { returned: 0.9, territory: 0.9 },
  returned: { share: 0.8 },
  territory: { share: 0.8 },
  destroyed: { killed: 0.2 },
};
/** Details that describe where a quantity happened: a question may leave them out at a smaller cost. */
const placeDetails = new Set(["kursk", "kharkiv"]);
/** Details that define a topic so narrowly that a question without them is about something else. */
const strongDetails = new Set([
  "increase",
  "combined",
  "civilwar",
  "worldwar",
  "koreanwar",
  "vietnam",
  "afghanistan",
]);
/** Details that never count against a topic. */
const neutralDetails = new Set(["total", "history", "equipment"]);

const stems = (phrase: string): string[] => tokenizeQuestion(phrase).map(stemWord);

/** Concepts that say whose figure; a source name made only of these is weak. */
const weakSourceConcepts = new Set([
  ...["russia", "ukraine", "northkorea", "usa", "soviet", "troops", "kharkiv", "othersubject"],
]);
/** Whose side a concept inside a source's name names; "UK" as a source is not a side. */
const sideSubjects: Record<string, string> = {
  russia: "russia",
  ukraine: "ukraine",
  northkorea: "north-korea",
  usa: "united-states",
  soviet: "soviet-union",
};
/**
 * Words that show the question asks what a weak source name says: after it ("Russia says", "Moscow's own
 * figure", "Russia itself admits") or before it ("according to the Kremlin", "the official Russian figure").
 * "CC News says Russia loses…" names CC News, not Russia.
 */
const attributionAfter = new Set(
  [
    ...["say", "says", "said", "claim", "claims", "claimed", "admit", "admits", "admitted", "acknowledge"],
    ...["acknowledged", "acknowledges", "official", "officially", "version", "itself", "concede"],
    ...["concedes", "conceded", "report", "reports", "reported", "put", "puts"],
  ].map(stemWord),
);
/** "Kyiv's count", "Moscow's own figure" (but "Kyiv's own soldiers" is Ukraine's side, not its word). */
const attributionNouns = new Set(
  [
    "figure",
    "figures",
    "count",
    "estimate",
    "estimates",
    "number",
    "numbers",
    "tally",
    "data",
    "version",
  ].map(stemWord),
);
const attributionBefore = new Set(["according", "per", "official", "officially", "from"].map(stemWord));
const negations = new Set(["not", "excluding", "excl", "without", "minus", "except", "no", "nor"]);
/** Words dropped from source names before matching them: "the Pentagon" is "Pentagon". */
const sourceFillers = new Set(["the", "of", "a", "an", "and", "s"]);
/** Possessives that point back at the named source: "Zelensky … his soldiers" means Ukraine's. */
const ownSide = new Set(["his", "her", "its", "their", "own", "itself", "themselves", "himself"]);
/** Lower-case "us" is the pronoun unless it reads as the country: "the us", "us aid", "us troops". */
const usNouns = new Set([
  "aid",
  "assistance",
  "troops",
  "soldiers",
  "military",
  "deaths",
  "death",
  "losses",
  "package",
  "government",
  "casualties",
  "killed",
  "dead",
  "support",
  "funding",
  "money",
  "army",
  "forces",
  "lost",
  "war",
  "civil",
  "total",
  "given",
  "gave",
  "sent",
  "spent",
  "administration",
  "officials",
  "defense",
  "intelligence",
  "help",
]);
function markUnitedStates(words: string[]): string[] {
  return words.map((w, i) =>
    w === "us" && (words[i - 1] === "the" || usNouns.has(words[i + 1] ?? "")) ? "usa" : w,
  );
}

/**
 * Finds the topic a question asks about. Words are typo-corrected with fuse.js against everything Tally knows,
 * mapped to concepts (synonyms and abbreviations), read into slots (whose figure, what is counted, which period
 * and place), and each topic is scored on how well its slots fit and how much of the question it explains.
 */
export class TopicMatcher {
  readonly #phrases = new PhraseMatcher();
  readonly #sourcePhrases = new PhraseMatcher();
  /** Source phrases made only of words that also say whose figure ("Moscow", "Ukrainian military officials"). */
  readonly #weakSourcePhrases = new Set<string>();
  readonly #typos: TypoCorrector;
  readonly #profiles: TopicProfile[];
  /** Words that some topic's phrasings use but that are not concepts: evidence for those topics only. */
  readonly #topicWords = new Set<string>();
  readonly #subjectMeasures = new Map<string, Set<string>>();
  readonly #sourceSide = new Map<string, string>();
  /** Whose figures each source gives in the index. */
  readonly #sourceSubjects = new Map<string, Set<string>>();

  constructor(index: ClaimsIndex) {
    const surface = new Set<string>();
    const addSurface = (phrase: string) => {
      for (const w of tokenizeQuestion(phrase)) surface.add(w);
    };
    for (const [concept, phrases] of Object.entries(conceptPhrases)) {
      for (const p of phrases) {
        // Each named place is its own detail: villages in Donetsk are not villages in Sumy.
        const words = stems(p);
        this.#phrases.add(words, concept === "otherplace" ? `place-${words.join("-")}` : concept);
        addSurface(p);
      }
    }
    for (const source of index.sourceById.values()) {
      if (source.side) this.#sourceSide.set(source.id, source.side);
      for (const name of [source.name, ...source.aliases]) {
        const words = stems(name).filter((w) => !sourceFillers.has(w));
        if (words.length === 0) continue;
        this.#sourcePhrases.add(words, source.id);
        const concepts = this.#phrases.match(words);
        const coveredCount = concepts.reduce((n, m) => n + (m.end - m.start), 0);
        if (coveredCount === words.length && concepts.every((m) => weakSourceConcepts.has(m.concept))) {
          this.#weakSourcePhrases.add(words.join(" "));
        }
        addSurface(name);
      }
    }
    for (const w of stopwords) surface.add(w);

    const sourcesByTopic = new Map<string, Set<string>>();
    for (const c of index.claims) {
      const subject = index.topicById.get(c.topic)?.subject;
      if (subject) {
        const subjects = this.#sourceSubjects.get(c.source) ?? new Set<string>();
        subjects.add(subject);
        this.#sourceSubjects.set(c.source, subjects);
      }
      const set = sourcesByTopic.get(c.topic) ?? new Set<string>();
      set.add(c.source);
      sourcesByTopic.set(c.topic, set);
    }
    this.#profiles = index.topics.map((topic) => {
      const details = new Set<string>();
      for (const tag of topic.tags) {
        const d = tagDetail(tag);
        if (d) details.add(d);
      }
      for (const tag of topic.tags) {
        for (const m of this.#phrases.match(stems(tag)))
          if (m.concept.startsWith("place-")) details.add(m.concept);
      }
      for (const text of [topic.place, topic.thing]) {
        if (!text) continue;
        for (const m of this.#phrases.match(stems(text)))
          if (detailConcepts.has(m.concept)) details.add(m.concept);
      }
      const words = new Set<string>();
      for (const phrase of [topic.title, ...topic.aliases]) {
        addSurface(phrase);
        const ws = stems(phrase);
        const matched = this.#phrases.match(ws);
        const covered = new Set<number>();
        for (const m of matched) {
          if (!m.concept.startsWith("source:")) words.add(m.concept);
          for (let i = m.start; i < m.end; i++) covered.add(i);
        }
        ws.forEach((w, i) => {
          if (!covered.has(i) && !stopwords.has(w) && !/^\d/.test(w)) {
            words.add(w);
            this.#topicWords.add(w);
          }
        });
      }
      if (topic.unit === "people") words.add("troops");
      const measure = measureConcept(topic);
      words.add(measure);
      const subjectMeasures = this.#subjectMeasures.get(topic.subject) ?? new Set<string>();
      subjectMeasures.add(measure);
      this.#subjectMeasures.set(topic.subject, subjectMeasures);
      return {
        topic,
        subject: topic.subject,
        measure,
        details,
        words,
        sources: sourcesByTopic.get(topic.id) ?? new Set<string>(),
      };
    });
    this.#typos = new TypoCorrector(surface);
  }

  match(question: string, now: Date): TopicMatch {
    const raw = markUnitedStates(tokenizeQuestion(question.replace(/\bUS\b/g, "USA")));
    const corrected = raw.map((w) => this.#typos.correct(w) ?? w);
    const date = findDate(corrected, now);
    const words = corrected.map((w, i) => (date.used.has(i) ? "" : stemWord(w)));

    // Sources first: "General Staff" is a source, not a general. A weak source name ("Moscow") only counts
    // when the question asks what someone says.
    const attributed = (start: number, end: number): boolean =>
      words.slice(end, end + 3).some((w) => attributionAfter.has(w)) ||
      words.slice(end, end + 3).some((w) => attributionNouns.has(w)) ||
      words.slice(Math.max(0, start - 3), start).some((w) => attributionBefore.has(w));
    const sources: string[] = [];
    const sourceCovered = new Set<number>();
    const weakCovered = new Set<number>();
    for (const m of this.#sourcePhrases.match(words)) {
      const weak = this.#weakSourcePhrases.has(words.slice(m.start, m.end).join(" "));
      if (weak && !attributed(m.start, m.end)) continue;
      if (!sources.includes(m.concept)) sources.push(m.concept);
      if (!weak) for (let i = m.start; i < m.end; i++) sourceCovered.add(i);
      else for (let i = m.start; i < m.end; i++) weakCovered.add(i);
    }
    const negated = new Set<number>();
    // Words inside a source's name are the source's, not the question's: "the Ukrainian General Staff count"
    // asks for the General Staff's figure, which is about Russia. Whose side they name is kept as a last resort.
    // "Dead, not wounded": a negated concept is not asked for.
    const sourceSides: string[] = [];
    const matches = this.#phrases
      .match(words)
      .filter((m) => {
        if (!sourceCovered.has(m.start) && !weakCovered.has(m.start)) return true;
        const side = sideSubjects[m.concept];
        if (side) sourceSides.push(side);
        return false;
      })
      .filter((m) => {
        // "not wounded", "not the wounded", "not the killed+wounded number".
        if (!words.slice(Math.max(0, m.start - 3), m.start).some((w) => negations.has(w))) return true;
        for (let i = m.start; i < m.end; i++) negated.add(i);
        return false;
      });
    const covered = new Set<number>([...sourceCovered, ...weakCovered, ...negated]);
    const conceptItems: string[] = [];
    for (const m of matches) {
      for (let i = m.start; i < m.end; i++) covered.add(i);
      conceptItems.push(m.concept);
    }
    const slots = extractSlots(matches, corrected.map(stemWord), sources, date);
    if (slots.subject === null && sources.length > 0 && words.some((w) => ownSide.has(w))) {
      slots.subject = this.#sourceSide.get(sources[0] ?? "") ?? null;
    }
    if (slots.subject === null) {
      // "What does Russia admit…": the side a source name names, when that source has figures about it.
      slots.subject =
        sourceSides.find((side) => sources.some((src) => this.#sourceSubjects.get(src)?.has(side))) ?? null;
    }

    const unknown: string[] = [];
    const topicWordsUsed: string[] = [];
    words.forEach((w, i) => {
      if (covered.has(i) || w === "" || stopwords.has(w) || /^\d/.test(w) || w.length <= 1) return;
      if (this.#topicWords.has(w)) topicWordsUsed.push(w);
      else unknown.push(w);
    });

    const ranked = this.#profiles
      .map((p) => ({
        topic: p.topic,
        confidence: this.#score(p, slots, conceptItems, topicWordsUsed, unknown.length),
      }))
      .sort((a, b) => b.confidence - a.confidence);

    // A question that does not say whose figure it wants is only clear when the close candidates agree on whose.
    if (
      slots.subject === null &&
      slots.subjectCandidates.length === 0 &&
      ranked[0] &&
      ranked[0].confidence > 0
    ) {
      const best = ranked[0].confidence;
      const close = new Set(ranked.filter((r) => r.confidence >= best * 0.8).map((r) => r.topic.subject));
      const factor = close.size > 1 ? matchConfig.missingSubject : 0.85;
      for (const r of ranked) r.confidence *= factor;
    }
    // Scored again without ruling anything out, only when asked: "did you mean" is needed only on abstaining.
    const related = () =>
      this.#profiles
        .map((p) => ({
          topic: p.topic,
          confidence: this.#score(p, slots, conceptItems, topicWordsUsed, unknown.length, true),
        }))
        .sort((a, b) => b.confidence - a.confidence);
    return { ranked, related, slots };
  }

  /** `relaxed` scores a wrong side or measure low instead of ruling the topic out, for suggestions. */
  #score(
    p: TopicProfile,
    slots: QuestionSlots,
    concepts: string[],
    topicWords: string[],
    unknownCount: number,
    relaxed = false,
  ): number {
    let factor = 1;
    // Whose figure.
    // A ratio or a share of land is about both sides: "Ukrainian land Russia holds".
    const bothSides = p.measure === "ratio" || p.measure === "territory";
    if (slots.subject === null && slots.subjectCandidates.length > 0 && !bothSides) {
      if (!slots.subjectCandidates.includes(p.subject)) {
        if (!relaxed) return 0;
        factor *= 0.5;
      } else factor *= 0.9;
    }
    if (slots.subject !== null && slots.subject !== p.subject && !bothSides) {
      if (!relaxed) return 0;
      factor *= 0.5;
    }
    // What is counted.
    if (slots.measure === null && slots.subject === null && slots.sources.some((src) => p.sources.has(src))) {
      // "What's the UGS count": the named source's own main figure.
      factor *= p.topic.key ? 0.95 : 0.6;
    } else if (slots.measure === null) {
      const prior = matchConfig.missingMeasure;
      factor *=
        p.measure === "deployed"
          ? prior.deployed
          : p.measure === "casualties"
            ? prior["killed-and-wounded"]
            : prior.other;
    } else if (slots.measure !== p.measure) {
      let soft = softMeasure[slots.measure]?.[p.measure] ?? 0;
      // "Soviet losses in Afghanistan": when the subject has no casualties figure, deaths are what "losses" means.
      if (
        slots.measure === "casualties" &&
        soft > 0 &&
        !this.#subjectMeasures.get(p.subject)?.has("casualties") &&
        !this.#subjectMeasures.get(p.subject)?.has("missing")
      ) {
        soft = Math.max(soft, 0.9);
      }
      if (soft === 0 && !relaxed) return 0;
      factor *= soft === 0 ? 0.3 : soft;
    }
    // Period, place, thing.
    for (const d of slots.details) {
      if (neutralDetails.has(d) || p.details.has(d)) continue;
      if (d === "otherthing" || d.startsWith("place-")) factor *= 0.3;
      else factor *= matchConfig.missingQuestionDetail;
    }
    // Once the question has pinned the topic down by one of its details ("Kharkiv"), the others matter less.
    const pinned = [...slots.details].some((d) => !neutralDetails.has(d) && p.details.has(d));
    for (const d of p.details) {
      if (neutralDetails.has(d) || slots.details.has(d)) continue;
      if (d.startsWith("m") && slots.asOf?.startsWith(d.slice(1))) continue;
      if (d === "combined" && slots.details.has("total")) continue;
      if (pinned) {
        factor *= strongDetails.has(d) ? 0.6 : 0.85;
        continue;
      }
      if (placeDetails.has(d) || d.startsWith("place-")) factor *= 0.85;
      else if (strongDetails.has(d)) factor *= 0.3;
      else factor *= matchConfig.missingTopicDetail;
    }
    // A running total is not one night's attack.
    if (p.details.has("event") && slots.details.has("total")) factor *= 0.3;
    // A named source that has figures on this topic makes it likelier.
    if (slots.sources.length > 0) factor *= slots.sources.some((s) => p.sources.has(s)) ? 1 : 0.85;

    // How much of the question the topic explains.
    let explained = 0;
    let unexplained = 0;
    for (const c of concepts) {
      if (p.words.has(c) || p.details.has(c) || c === slots.measure || neutralDetails.has(c)) explained += 1;
      else unexplained += 1;
    }
    for (const w of topicWords) {
      if (p.words.has(w)) explained += 1;
      else unexplained += 0.5;
    }
    if (slots.subject !== null) explained += 1;
    // One word is not a question: "lunch?" must not be read as "launched".
    if (concepts.length + topicWords.length + unknownCount <= 1 && slots.sources.length === 0) factor *= 0.6;
    if (slots.sources.length > 0) explained += 0.5;
    if (slots.asOf !== null) explained += 0.5;
    const total = explained + 0.35 * unexplained + matchConfig.unknownWordWeight * unknownCount;
    const coverage = total === 0 ? 0 : explained / total;
    return Math.min(1, factor * coverage);
  }
}
