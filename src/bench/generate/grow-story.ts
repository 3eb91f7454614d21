import type { Claim, Concept, Document, Source, Topic } from "../../claims/schema.ts";
import { pick, type Random } from "../load/seeded-random.ts";
import { figureFor, quoteFor } from "./figures.ts";
import { generateConfig } from "./generate-config.ts";
import type { InventedNames } from "./invented-names.ts";
import type { ModelStory } from "./model-story.ts";
import { monthNames, type Rewrite, rewordAlias, rewriteText, withPlace } from "./rewrite-text.ts";

/** The entries of one grown story, ready to be written as data files. */
export interface GrownStory {
  topics: Topic[];
  sources: Source[];
  documents: Document[];
  claims: Claim[];
  /** Which real topic each grown topic copies, and what tells them apart (for scoring, see copies-file.ts). */
  copies: GrownCopy[];
}

export interface GrownCopy {
  topic: string;
  /** The real topic it was grown from. */
  of: string;
  /** The model's place names it replaced: a question naming none of them cannot tell the two apart by place. */
  placesReplaced: string[];
  /** The same quantity as the model's (no other measure, no other month): only its place or year differs. */
  sameQuantity: boolean;
  /** Its newest figure's date, or null when it has none. */
  latest: string | null;
}

export interface GrowContext {
  random: Random;
  names: InventedNames;
  synonyms: ReadonlyMap<string, readonly string[]>;
  concepts: ReadonlyMap<string, Concept>;
  related: ReadonlyMap<string, readonly string[]>;
  /** A short tag unique to this grown story, for its ids. */
  tag: string;
  /** Claims this story may still add before the target is reached. */
  budget: number;
}

/** Neutral kinds of source a newsroom cites in any place (English words only). */
const sourceKinds = [
  ["Statistics Office", "agency"],
  ["Emergency Service", "agency"],
  ["Interior Ministry", "government"],
  ["Health Board", "agency"],
  ["Regional Council", "government"],
  ["Herald", "outlet"],
  ["Gazette", "outlet"],
  ["Press Agency", "outlet"],
  ["Relief Committee", "ngo"],
] as const;

const hasYear = (text: string): boolean => /\b(19|20)\d\d\b/.test(text);

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");

/** The day `days` after `day`; a day that does not exist in its year (29 Feb) counts from the 1st. */
export function addDays(day: string, days: number): string {
  const at = Date.parse(`${day}T00:00:00Z`);
  const from =
    Number.isNaN(at) || !new Date(at).toISOString().startsWith(day)
      ? Date.parse(`${day.slice(0, 8)}01T00:00:00Z`)
      : at;
  return new Date(from + days * 86_400_000).toISOString().slice(0, 10);
}

/** A related measure for the topic: the phrase pairs that turn its words into the neighbour's. */
function measureSwap(topic: Topic, ctx: GrowContext): Array<readonly [string, string]> {
  const measure = topic.measure.toLowerCase();
  for (const concept of ctx.concepts.values()) {
    if (concept.kind !== "measure" || !concept.phrases.some((p) => measure.includes(p.toLowerCase())))
      continue;
    const near = ctx.related.get(concept.id) ?? [];
    const target = near.length > 0 ? ctx.concepts.get(pick(ctx.random, near)) : undefined;
    const to = target?.phrases[0];
    if (!to) return [];
    return [...concept.phrases]
      .map((p) => p.toLowerCase())
      .sort((a, b) => b.length - a.length)
      .map((p) => [p, to] as const);
  }
  return [];
}

function monthSwap(topic: Topic, random: Random): Map<string, string> {
  const period = topic.period.toLowerCase();
  const month = monthNames.find((m) => period.includes(m));
  if (!month || random() >= generateConfig.otherMonthShare) return new Map();
  return new Map([
    [
      month,
      pick(
        random,
        monthNames.filter((m) => m !== month),
      ),
    ],
  ]);
}

/**
 * One model story grown into another: the same measures in invented places (or, for a share, the same places
 * in an earlier year), some periods, months and measures changed, aliases reworded, figures from invented
 * sources and the model's own, dated over the story's own months.
 */
export function growStory(model: ModelStory, ctx: GrowContext): GrownStory {
  const { random } = ctx;
  const cfg = generateConfig;
  const samePlace = random() < cfg.samePlaceShare;
  const { first, last } = cfg.years;
  const year = samePlace
    ? first + Math.floor(random() * Math.max(1, Math.min(last, model.firstYear - 1) - first + 1))
    : random() < cfg.otherYearShare
      ? first + Math.floor(random() * (last - first + 1))
      : model.firstYear;
  const yearDelta = year - model.firstYear;
  const places = new Map(model.placeWords.map((w) => [w, samePlace ? w : ctx.names.next().toLowerCase()]));
  const mainPlace = places.get(model.placeWords[0] ?? "") ?? ctx.names.next().toLowerCase();
  const title = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

  const sourceCount =
    cfg.inventedSources.min + Math.floor(random() * (cfg.inventedSources.max - cfg.inventedSources.min + 1));
  const sources: Source[] = [];
  for (let i = 0; i < sourceCount; i++) {
    const [kindName, kind] = pick(random, sourceKinds);
    const name = `${title(pick(random, [...places.values(), mainPlace]))} ${kindName}`;
    const id = `${ctx.tag}-${slug(name)}-${i}`;
    const initials = name
      .split(" ")
      .map((w) => w.charAt(0))
      .join("");
    if (!sources.some((s) => s.name === name))
      sources.push({ id, name, aliases: [initials, kindName.toLowerCase()], kind });
  }

  const kept = model.topics.filter(
    () => random() < cfg.topicsKept.min + random() * (cfg.topicsKept.max - cfg.topicsKept.min),
  );
  const idOf = new Map<string, string>();
  const topics: Topic[] = [];
  const claims: Claim[] = [];
  const documents = new Map<string, Document>();
  const copies: GrownCopy[] = [];
  const outlet = sources.find((s) => s.kind === "outlet")?.name ?? `${title(mainPlace)} Herald`;
  for (const [i, t] of kept.entries()) {
    if (claims.length >= ctx.budget) break;
    const rewrite: Rewrite = {
      places,
      yearDelta,
      months: monthSwap(t, random),
      measure: random() < cfg.relatedMeasureShare ? measureSwap(t, ctx) : [],
    };
    let topicTitle = rewriteText(t.title, rewrite);
    let period = rewriteText(t.period, rewrite);
    if (samePlace && !hasYear(topicTitle)) topicTitle = `${topicTitle}, ${year}`;
    if (samePlace && !hasYear(period)) period = `${period} (${year})`;
    if (!samePlace && topicTitle === rewriteText(t.title, { ...rewrite, places: new Map() }))
      topicTitle = `${topicTitle} in ${title(mainPlace)}`;
    const placeNames = [...places.values()];
    const aliases = new Set<string>();
    for (const a of t.aliases) {
      if (random() > cfg.reword.keepAlias) continue;
      let alias = rewordAlias(rewriteText(a, rewrite), placeNames, ctx.synonyms, random);
      if (samePlace && !hasYear(alias)) alias = random() < 0.5 ? `${year} ${alias}` : `${alias} ${year}`;
      else if (!samePlace && !placeNames.some((p) => alias.includes(p)))
        alias = withPlace(alias, mainPlace, random);
      if (alias.length >= 2) aliases.add(alias);
    }
    if (aliases.size === 0) aliases.add(topicTitle.toLowerCase());
    const id = `${slug(topicTitle) || "topic"}-${ctx.tag}-${i.toString(36)}`;
    idOf.set(t.id, id);
    const place = t.place ? rewriteText(t.place, rewrite) : title(mainPlace);
    topics.push({
      ...t,
      id,
      title: topicTitle,
      subject: rewriteText(t.subject, rewrite),
      measure: rewrite.measure.length > 0 ? rewriteText(t.measure, rewrite) : t.measure,
      period,
      place,
      aliases: [...aliases],
      key: false,
      note: undefined,
    });

    const ownText = [t.title, t.subject, t.place ?? "", t.period, ...t.aliases].join(" ").toLowerCase();
    const copy: GrownCopy = {
      topic: id,
      of: t.id,
      placesReplaced: samePlace ? [] : [...places.keys()].filter((w) => ownText.includes(w)),
      sameQuantity: rewrite.measure.length === 0 && rewrite.months.size === 0,
      latest: null,
    };
    copies.push(copy);
    const models = model.claimsByTopic.get(t.id) ?? [];
    const { min, span, power } = cfg.claimsPerTopic;
    const count = Math.min(ctx.budget - claims.length, min + Math.floor(span * random() ** power));
    const start = models.map((c) => c.as_of).sort()[0] ?? `${model.firstYear}-01-01`;
    let day = addDays(
      `${Number(start.slice(0, 4)) + yearDelta}${start.slice(4, 10).padEnd(6, "-01")}`,
      Math.floor(random() * 60),
    );
    for (let k = 0; k < count && day <= cfg.lastDay; k++) {
      const modelSources = [...new Set(models.map((c) => c.source))];
      const source =
        modelSources.length > 0 && random() < cfg.modelSourceShare
          ? (pick(random, modelSources) as string)
          : pick(random, sources).id;
      const documentId = `${ctx.tag}-doc-${day.slice(0, 7)}`;
      if (!documents.has(documentId))
        documents.set(documentId, {
          id: documentId,
          outlet,
          headline: `${title(mainPlace)}: the figures for ${day.slice(0, 7)}`,
          published: day.slice(0, 7),
          file: `${documentId}.txt`,
        });
      const figure = figureFor(models[0], t.unit, k, count, random);
      claims.push({
        id: `${id}-${k.toString(36)}`,
        topic: id,
        ...figure,
        as_of: day,
        source,
        unattributed: false,
        document: documentId,
        quote: quoteFor(figure, topicTitle, day),
      });
      copy.latest = day;
      day = addDays(
        day,
        cfg.daysBetweenFigures.min +
          Math.floor(random() * (cfg.daysBetweenFigures.max - cfg.daysBetweenFigures.min + 1)),
      );
    }
  }
  for (const t of topics)
    t.related = t.related.map((r) => idOf.get(r)).filter((r): r is string => r !== undefined);
  return { topics, sources, documents: [...documents.values()], claims, copies };
}
