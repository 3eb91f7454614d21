import type { ZodError } from "zod";
import { type ClaimsIndex, sameFigure } from "../claims/claims-index.ts";
import {
  type Claim,
  ClaimSchema,
  type Document,
  DocumentSchema,
  type Source,
  SourceSchema,
  type Topic,
  TopicSchema,
} from "../claims/schema.ts";
import { formatFigure } from "../figures/format-figure.ts";
import { type FigureForm, type FormField, fieldOfIssue, type NewTopicFields } from "./figure-form.ts";
import type { Proposal, ProposalEntries } from "./proposal.ts";

export interface ProposalMeta {
  /** "p-…". */
  id: string;
  proposedBy: string;
  now: Date;
  origin: Proposal["origin"];
  /** The claim this one corrects: a different figure on its source, topic and date is then expected. */
  corrects: string | null;
  answers: string | null;
}

export type FormErrors = Partial<Record<FormField, string>>;
export type BuildProposalResult = { ok: true; proposal: Proposal } | { ok: false; errors: FormErrors };

const ID_TUNING = Object.freeze({ maxSlug: 60, maxTitle: 140, maxClaimStem: 100 });

/** kebab-case from free words, accents folded, each word once ("Valencia province residents" + "Valencia
 * province" reads "valencia-province-residents"), cut at a word to `max`; `fallback` when nothing is left. */
export function slugOf(
  parts: ReadonlyArray<string | undefined>,
  fallback: string,
  max: number = ID_TUNING.maxSlug,
): string {
  const words = parts
    .filter((p): p is string => p !== undefined)
    .join(" ")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
  const kept: string[] = [];
  for (const w of new Set(words)) {
    if ([...kept, w].join("-").length > max) break;
    kept.push(w);
  }
  return kept.length > 0 ? kept.join("-") : fallback;
}

/** `base`, or `base-2`, `base-3` … : the first one not taken. */
export function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  let n = 2;
  while (taken(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Homes destroyed in Valencia province, cumulative since 29 Oct 2024"; "Killed (Russia), per day". */
export function newTopicTitle(t: NewTopicFields): string {
  const where = t.place ? ` in ${t.place.trim()}` : ` (${t.subject.trim()})`;
  const title = capitalise(`${t.measure.trim()}${where}, ${t.period.trim()}`);
  if (title.length <= ID_TUNING.maxTitle) return title;
  const cut = title.slice(0, ID_TUNING.maxTitle - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > ID_TUNING.maxTitle / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:(]+$/, "")}…`;
}

const unitWords: Record<string, string> = {
  people: "people",
  usd: "US dollars",
  eur: "euros",
  gbp: "pounds",
  percent: "a percentage",
  ratio: "a ratio",
  km: "kilometres",
};
/** How a unit reads in a sentence: "euros", "a percentage", "homes". */
export const unitInWords = (unit: string): string => unitWords[unit] ?? unit;
const topicCounts = (unit: string): string =>
  unit === "percent" || unit === "ratio"
    ? `is ${unitInWords(unit)}`
    : ["usd", "eur", "gbp"].includes(unit)
      ? `is in ${unitInWords(unit)}`
      : `counts ${unitInWords(unit)}`;

/** "The new topic's title: too long", "The document: give a url …". */
const firstIssue = (error: ZodError, what: string): string => {
  const issue = error.issues[0];
  const where = issue?.path.length ? `'s ${issue.path.join(".")}` : "";
  return `${what}${where}: ${issue?.message ?? "is not valid"}`;
};

const dayOf = (d: Date): string => d.toISOString().slice(0, 10);
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Every claim id the index knows, live, retired, or merged into another as its report. */
function takenClaimIds(index: ClaimsIndex): Set<string> {
  const ids = new Set(index.claims.map((c) => c.id));
  for (const [id, reports] of index.reportsByClaim) {
    ids.add(id);
    for (const r of reports) ids.add(r.claimId);
  }
  return ids;
}

function resolveTopic(form: FigureForm, index: ClaimsIndex): Topic | string {
  if ("id" in form.topic) return index.topicById.get(form.topic.id) ?? "That topic is no longer in the index";
  const t = form.topic.new;
  const parsed = TopicSchema.safeParse({
    id: uniqueId(slugOf([t.subject, t.measure, t.place], "topic"), (id) => index.topicById.has(id)),
    title: newTopicTitle(t),
    subject: t.subject,
    measure: t.measure,
    period: t.period,
    unit: t.unit,
    aliases: [`${t.subject} ${t.measure}`.trim().toLowerCase()],
    ...(t.place ? { place: t.place } : {}),
    ...(t.thing ? { thing: t.thing } : {}),
  });
  return parsed.success ? parsed.data : firstIssue(parsed.error, "The new topic");
}

function resolveSource(form: FigureForm, index: ClaimsIndex): Source | string {
  if ("id" in form.source)
    return index.sourceById.get(form.source.id) ?? "That source is no longer in the index";
  const name = form.source.new.name;
  const known = [...index.sourceById.values()].find(
    (s) => sameName(s.name, name) || s.aliases.some((a) => sameName(a, name)),
  );
  if (known) return `The index already has “${known.name}”: pick it from the list instead`;
  const parsed = SourceSchema.safeParse({
    id: uniqueId(slugOf([name], "source"), (id) => index.sourceById.has(id)),
    name,
  });
  return parsed.success ? parsed.data : firstIssue(parsed.error, "The new source");
}

function resolveDocument(form: FigureForm, index: ClaimsIndex, today: string): Document | string {
  if ("id" in form.document) {
    return index.documentById.get(form.document.id) ?? "That document is no longer in the index";
  }
  const d = form.document.new;
  // The same link again is the same document: reuse it rather than add a twin.
  const known = d.url ? [...index.documentById.values()].find((doc) => doc.url === d.url) : undefined;
  if (known) return known;
  if (d.published > today) return "The published date is after today";
  const parsed = DocumentSchema.safeParse({
    id: uniqueId(slugOf([d.outlet, d.headline], "document"), (id) => index.documentById.has(id)),
    outlet: d.outlet,
    headline: d.headline,
    published: d.published,
    ...(d.url ? { url: d.url } : {}),
  });
  return parsed.success ? parsed.data : firstIssue(parsed.error, "The document");
}

/** The figure's own unit must be the topic's: "€2.4m" cannot count people. */
function unitProblem(form: FigureForm, topic: Topic): string | null {
  const unit = form.reading.unit?.toLowerCase() ?? null;
  if (unit === null || unit === topic.unit) return null;
  return `“${form.figureText}” reads as ${unitInWords(unit)}, but the topic ${topicCounts(topic.unit)}`;
}

/** A live claim that says something else from the same source, topic and date, unless it is being corrected. */
function conflictProblem(
  claim: Claim,
  topic: Topic,
  source: Source,
  index: ClaimsIndex,
  corrects: string | null,
) {
  const other = (index.claimsByTopic.get(claim.topic) ?? []).find(
    (c) =>
      !c.retired &&
      c.source === claim.source &&
      c.as_of === claim.as_of &&
      !sameFigure(c, claim) &&
      c.id !== corrects,
  );
  if (!other) return null;
  const figure = formatFigure({ ...other, unit: topic.unit });
  return `The index already has ${figure} from ${source.name} on that date; use Correct to replace it`;
}

/**
 * The data entries a filled-in form adds, each checked against the data schema, so an approved proposal
 * always loads. New ids are slugs of the entries' own words, made unique against the index.
 */
export function buildProposal(form: FigureForm, index: ClaimsIndex, meta: ProposalMeta): BuildProposalResult {
  const today = dayOf(meta.now);
  const errors: FormErrors = {};
  const topic = resolveTopic(form, index);
  const source = resolveSource(form, index);
  const document = resolveDocument(form, index, today);
  if (typeof topic === "string") errors.topic = topic;
  if (typeof source === "string") errors.source = source;
  if (typeof document === "string") errors.document = document;
  if (form.asOf > today) errors.asOf = "The as-of date is after today";
  if (typeof topic !== "string") {
    const unit = unitProblem(form, topic);
    if (unit) errors.figure = unit;
  }
  if (typeof topic === "string" || typeof source === "string" || typeof document === "string") {
    return { ok: false, errors };
  }

  const r = form.reading;
  const claimIds = takenClaimIds(index);
  const parsed = ClaimSchema.safeParse({
    id: uniqueId(`${slugOf([topic.id, source.id], "claim", ID_TUNING.maxClaimStem)}-${form.asOf}`, (id) =>
      claimIds.has(id),
    ),
    topic: topic.id,
    ...(r.value !== undefined ? { value: r.value } : { low: r.low, high: r.high }),
    ...(r.qualifier ? { qualifier: r.qualifier } : {}),
    as_of: form.asOf,
    source: source.id,
    document: document.id,
    quote: form.quote,
    checked: form.asOf,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfIssue(claimPathToForm(issue.path));
      errors[field] ??= `The figure's ${issue.path.join(".") || "claim"}: ${issue.message}`;
    }
    return { ok: false, errors };
  }
  const claim = parsed.data;
  const conflict = conflictProblem(claim, topic, source, index, meta.corrects);
  if (conflict) errors.asOf = conflict;
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const entries: ProposalEntries = {
    topics: index.topicById.has(topic.id) ? [] : [topic],
    sources: index.sourceById.has(source.id) ? [] : [source],
    documents: index.documentById.has(document.id) ? [] : [document],
    claims: [claim],
  };
  return {
    ok: true,
    proposal: {
      id: meta.id,
      status: "pending",
      entries,
      figureText: form.figureText,
      corrects: meta.corrects,
      answers: meta.answers,
      origin: meta.origin,
      proposedBy: meta.proposedBy,
      proposedAt: meta.now.toISOString(),
      decision: null,
      review: null,
    },
  };
}

/** A claim field's name as the form calls it. */
function claimPathToForm(path: readonly PropertyKey[]): PropertyKey[] {
  const head = path[0];
  if (head === "value" || head === "low" || head === "high" || head === "qualifier" || path.length === 0) {
    return ["reading"];
  }
  if (head === "as_of" || head === "checked") return ["asOf"];
  return [head ?? "quote"];
}
